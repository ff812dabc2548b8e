"""/language: the language I speak with you (in private), or the street's (organisers, in the group)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from handlers.help import texts
from handlers.kernel import texts as common
from handlers.kernel.languages import OWN_NAMES, supported
from handlers.kernel.messages import Choice, as_is
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import set_setting
from handlers.kernel.turn import Services, Turn



@dataclass(frozen=True)
class ChooseMine(Payload, code="lg"):
    language: str


@dataclass(frozen=True)
class ChooseStreets(Payload, code="ls"):
    street_id: int
    language: str


def _choices(services: Services, button: Callable[[str], Payload]) -> tuple[Choice, ...]:
    return tuple(Choice(as_is(OWN_NAMES.get(lang, lang)), button(lang).pack()) for lang in services.settings.locales)


async def language(turn: Turn, text: str) -> None:
    """/language: in private, the language I speak with you; in the group, the street's (organisers)."""
    if turn.street is None:
        turn.reply(texts.CHOOSE_LANGUAGE, _choices(turn.services, ChooseMine))
    elif await turn.services.organisers.is_organiser(turn.street, turn.incoming.user_id):
        street_id = turn.street.id
        turn.reply(texts.CHOOSE_STREET_LANGUAGE, _choices(turn.services, lambda lang: ChooseStreets(street_id, lang)))
    else:
        turn.reply(texts.STREET_LANGUAGE_IS_FOR_ORGANISERS)


async def chose_mine(turn: Turn, pressed: ChooseMine) -> None:
    chosen = supported(pressed.language, turn.services)
    if chosen is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    await turn.store.neighbours.set_language(turn.neighbour.id, chosen, chosen=True)
    turn.reply(texts.LANGUAGE_CHOSEN)


async def chose_streets(turn: Turn, pressed: ChooseStreets) -> None:
    chosen = supported(pressed.language, turn.services)
    street = turn.street
    if chosen is None or street is None or pressed.street_id != street.id:
        turn.answer(common.BUTTON_EXPIRED)
        return
    if not await turn.services.organisers.is_organiser(street, turn.incoming.user_id):
        turn.answer(texts.STREET_LANGUAGE_IS_FOR_ORGANISERS)
        return
    await set_setting(turn.services, street, "language", chosen)
    turn.reply(texts.STREET_LANGUAGE_CHOSEN)
