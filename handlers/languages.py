"""Which language to speak with whom: a neighbour's own choice, else their app's language, else their
street's; a street's language is its organisers' choice, else the operator's default. Only languages
with a complete catalogue are used."""

from __future__ import annotations

from handlers import texts
from handlers.domain import Neighbour
from handlers.messages import Choice, as_is
from handlers.router import payload
from handlers.street_settings import for_street, set_setting
from handlers.turn import Services, Turn

# Each language by its own name, as people look for it in a list.
OWN_NAMES = {"en": "English", "pl": "Polski", "ro": "Română", "uk": "Українська", "es": "Español"}
CHOOSE_MINE = "lg"
CHOOSE_STREETS = "ls"


def supported(code: str | None, services: Services) -> str | None:
    """'pl-PL' -> 'pl' when there is a Polish catalogue; None when we can't speak it."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in services.settings.locales else None


async def of_street(services: Services, street_id: int) -> str:
    chosen = (await for_street(services, street_id)).language
    return supported(chosen, services) or services.settings.locale


async def of_neighbour(services: Services, neighbour: Neighbour) -> str:
    own = supported(neighbour.language, services)
    if own:
        return own
    streets = await services.store.streets.of_neighbour(neighbour.id)
    return await of_street(services, streets[0].id) if streets else services.settings.locale


async def note_platform_language(services: Services, neighbour: Neighbour, code: str | None) -> None:
    """Follow the app's language setting, unless they chose one themselves."""
    language = supported(code, services)
    if language and not neighbour.language_chosen and language != neighbour.language:
        await services.store.neighbours.set_language(neighbour.id, language, chosen=False)


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
        turn.answer(texts.BUTTON_EXPIRED)
        return
    await turn.store.neighbours.set_language(turn.neighbour.id, chosen, chosen=True)
    turn.reply(texts.LANGUAGE_CHOSEN)


async def chose_streets(turn: Turn, fields: list[str]) -> None:
    chosen = supported(fields[1], turn.services) if len(fields) == 2 else None
    street = turn.street
    if chosen is None or street is None or fields[0] != str(street.id):
        turn.answer(texts.BUTTON_EXPIRED)
        return
    if not await turn.services.organisers.is_organiser(street, turn.incoming.user_id):
        turn.answer(texts.STREET_LANGUAGE_IS_FOR_ORGANISERS)
        return
    await set_setting(turn.services, street, "language", chosen)
    turn.reply(texts.STREET_LANGUAGE_CHOSEN)
