"""/leaflet and /poster, for organisers, in a private chat: which street (if they organise several),
for a leaflet which language (one tap; two go side by side) and an optional line for neighbours
without a smartphone — typed, printed on this file and never stored: it is used in the turn it
arrives in, and the flow that waits for it keeps only the street and the languages."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.domain import Street
from handlers.kernel.flows import Flow, Waiting
from handlers.kernel.languages import OWN_NAMES, supported
from handlers.kernel.messages import Choice, Msg, Outgoing, ToPerson, as_is, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.printables import Printable
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Turn
from handlers.kernel.wording import TextProblem, check_post_text, tidy
from handlers.leaflets import codes, pages, texts
from handlers.organisers import gate as organisers
from handlers.street.people import street_name

CONTACT_MAX_LENGTH = 80  # one line under the QR code
LANGUAGE_SEPARATOR = "."


@dataclass
class LeafletDraft:
    """A leaflet waiting for its line for neighbours without a smartphone (never the line itself)."""

    street_id: int
    languages: str  # "en", or "en.pl" for two side by side


FLOW = Flow("leaflet", LeafletDraft, steps=("contact",))


@dataclass(frozen=True)
class PickStreetForLeaflet(Payload, code="ltp"):
    street_id: int


@dataclass(frozen=True)
class PickStreetForPoster(Payload, code="lpp"):
    street_id: int


@dataclass(frozen=True)
class InLanguages(Payload, code="ltl"):
    street_id: int
    languages: str  # "en" or "en.pl"


@dataclass(frozen=True)
class NoContactLine(Payload, code="ltn"):
    owner_id: int


@dataclass(frozen=True)
class CancelLeaflet(Payload, code="ltx"):
    owner_id: int


@dataclass(frozen=True)
class AskForNewCode(Payload, code="ltr"):
    street_id: int


@dataclass(frozen=True)
class MakeNewCode(Payload, code="ltk"):
    street_id: int


async def _choose_languages(turn: Turn, street: Street, words: str = "") -> None:
    """The street's language alone, or beside each other language this Doorstep speaks. The words
    typed after /leaflet are not used: the line for the page is asked for on its own, never stored."""
    first = (await for_street(turn.services, street)).language
    others = [code for code in turn.settings.locales if code != first]
    if not others:
        await _ask_for_contact(turn, street, (first,))
        return
    options = [(first,), *((first, other) for other in others)]
    choices = tuple(
        Choice(as_is(" + ".join(OWN_NAMES.get(code, code) for code in option)),
               InLanguages(street.id, LANGUAGE_SEPARATOR.join(option)).pack())
        for option in options
    )
    organisers.tell(turn, msg(texts.LEAFLET_LANGUAGES, street=street_name(street)), choices)


_LEAFLET = organisers.ForAStreet(PickStreetForLeaflet, _choose_languages)


async def leaflet(turn: Turn, text: str) -> None:
    await _LEAFLET.command(turn, "")  # never the words: with several streets they would wait in storage


picked_for_leaflet = _LEAFLET.picked


async def in_languages(turn: Turn, pressed: InLanguages) -> None:
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return
    locales = tuple(pressed.languages.split(LANGUAGE_SEPARATOR))
    if not 1 <= len(locales) <= 2 or any(supported(code, turn.services) != code for code in locales):
        turn.answer(common.BUTTON_EXPIRED)
        return
    await _ask_for_contact(turn, street, locales)


async def _ask_for_contact(turn: Turn, street: Street, locales: tuple[str, ...]) -> None:
    await flows.save(turn, FLOW, "contact", LeafletDraft(street.id, LANGUAGE_SEPARATOR.join(locales)))
    owner = turn.neighbour.id
    choices = (Choice(msg(texts.BUTTON_NO_CONTACT), NoContactLine(owner).pack()),
               Choice(msg(common.BUTTON_CANCEL), CancelLeaflet(owner).pack()))
    organisers.tell(turn, msg(texts.CONTACT_QUESTION), choices)


async def on_text(turn: Turn, text: str, waiting: Waiting[LeafletDraft]) -> None:
    """The line for neighbours without a smartphone: printed now, and gone with this turn."""
    problem = check_post_text(text, CONTACT_MAX_LENGTH)
    if problem is not None or "\n" in text.strip():
        if problem is TextProblem.EMPTY or problem is TextProblem.NO_WORDS:
            return  # nothing to print: the question stands
        organisers.tell(turn, msg(texts.CONTACT_TOO_LONG, limit=CONTACT_MAX_LENGTH))
        return
    await _make_leaflet(turn, waiting.state, tidy(text))


async def no_contact_line(turn: Turn, pressed: NoContactLine) -> None:
    draft = await flows.waiting_at(turn, FLOW, "contact", owner=pressed.owner_id)
    if draft is not None:
        await _make_leaflet(turn, draft, None)


async def cancel(turn: Turn, pressed: CancelLeaflet) -> None:
    await flows.cancel_pressed(turn, FLOW, pressed.owner_id, texts.LEAFLET_CANCELLED)


async def _make_leaflet(turn: Turn, draft: LeafletDraft, contact: str | None) -> None:
    await flows.end(turn, FLOW)
    street = await turn.store.streets.get(draft.street_id)
    if street is None or not await organisers.organiser_only(turn, street):
        return
    settings = await for_street(turn.services, street)
    code = await codes.code_for(turn.services, street)
    locales = tuple(draft.languages.split(LANGUAGE_SEPARATOR))
    printable = pages.leaflet(street, settings, code, locales, contact)
    _send(turn, msg(texts.LEAFLET_READY, street=street_name(street)), printable, street)


def _send(turn: Turn, text: Msg, printable: Printable, street: Street) -> None:
    """Sent now or not at all: the file may carry a line typed for it alone, which must not wait in
    the outbox (an organiser who never opened a private chat is asked to, by the command's gate)."""
    new_code = Choice(msg(texts.BUTTON_NEW_CODE), AskForNewCode(street.id).pack())
    turn.effects.add(Outgoing(ToPerson(turn.person), text, (new_code,), hold_if_unreachable=False, printable=printable))


async def _make_poster(turn: Turn, street: Street, words: str = "") -> None:
    settings = await for_street(turn.services, street)
    offers = await turn.store.posts.open_offers_in_street(street.id, turn.now, pages.OFFERS_ON_A_POSTER)
    if not offers:
        organisers.tell(turn, msg(texts.POSTER_NOTHING, street=street_name(street)))
        return
    code = await codes.code_for(turn.services, street)
    _send(turn, msg(texts.POSTER_READY, street=street_name(street)), pages.poster(street, settings, code, offers), street)


_POSTER = organisers.ForAStreet(PickStreetForPoster, _make_poster)
poster = _POSTER.command
picked_for_poster = _POSTER.picked


async def ask_for_new_code(turn: Turn, pressed: AskForNewCode) -> None:
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is not None:
        organisers.tell(turn, msg(texts.NEW_CODE_QUESTION, street=street_name(street)),
                        (Choice(msg(texts.BUTTON_MAKE_NEW_CODE), MakeNewCode(street.id).pack()),))


async def make_new_code(turn: Turn, pressed: MakeNewCode) -> None:
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is not None:
        await codes.renew(turn.services, street)
        organisers.tell(turn, msg(texts.NEW_CODE_MADE, street=street_name(street)))
