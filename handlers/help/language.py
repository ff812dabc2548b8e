"""/language: the language I speak with you (in private), or the street's (organisers, in the group)."""

from __future__ import annotations

from handlers.help import texts
from handlers.kernel import texts as common
from handlers.kernel.languages import OWN_NAMES, supported
from handlers.kernel.messages import Choice, as_is
from handlers.kernel.router import payload
from handlers.kernel.street_settings import set_setting
from handlers.kernel.turn import Services, Turn

CHOOSE_MINE = "lg"
CHOOSE_STREETS = "ls"


def _choices(code: str, services: Services, owner: int | None = None) -> tuple[Choice, ...]:
    extra = (owner,) if owner is not None else ()
    return tuple(Choice(as_is(OWN_NAMES.get(lang, lang)), payload(code, *extra, lang)) for lang in services.settings.locales)


async def language(turn: Turn, text: str) -> None:
    """/language: in private, the language I speak with you; in the group, the street's (organisers)."""
    if turn.street is None:
        turn.reply(texts.CHOOSE_LANGUAGE, _choices(CHOOSE_MINE, turn.services))
    elif await turn.services.organisers.is_organiser(turn.street, turn.incoming.user_id):
        turn.reply(texts.CHOOSE_STREET_LANGUAGE, _choices(CHOOSE_STREETS, turn.services, turn.street.id))
    else:
        turn.reply(texts.STREET_LANGUAGE_IS_FOR_ORGANISERS)


async def chose_mine(turn: Turn, fields: list[str]) -> None:
    chosen = supported(fields[0], turn.services) if len(fields) == 1 else None
    if chosen is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    await turn.store.neighbours.set_language(turn.neighbour.id, chosen, chosen=True)
    turn.reply(texts.LANGUAGE_CHOSEN)


async def chose_streets(turn: Turn, fields: list[str]) -> None:
    chosen = supported(fields[1], turn.services) if len(fields) == 2 else None
    street = turn.street
    if chosen is None or street is None or fields[0] != str(street.id):
        turn.answer(common.BUTTON_EXPIRED)
        return
    if not await turn.services.organisers.is_organiser(street, turn.incoming.user_id):
        turn.answer(texts.STREET_LANGUAGE_IS_FOR_ORGANISERS)
        return
    await set_setting(turn.services, street, "language", chosen)
    turn.reply(texts.STREET_LANGUAGE_CHOSEN)
