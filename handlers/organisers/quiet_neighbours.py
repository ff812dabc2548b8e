"""Quiet neighbours and a hello from the street.

`/quiet` shows an organiser, privately, who has been seen in the street but hasn't done anything
there for a while (only a last-seen time per neighbour per street is kept for this). One tap sends
them a warm private hello on the street's behalf — at most one every two weeks, and never to
someone who said "no more hellos". If the bot can't reach them privately, the hello is not kept
for later: the organiser hears so and may mention them kindly in the group instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from handlers.kernel import texts as common
from handlers.kernel.domain import QuietNeighbour, Street
from handlers.kernel.messages import Choice, Msg, Outgoing, Person, Quote, SendResult, SendStatus, ToPerson, lines, msg
from handlers.kernel.ownership import pressed_by_owner
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.organisers import gate as organisers
from handlers.organisers import texts
from handlers.street.people import person, street_name



@dataclass(frozen=True)
class PickStreet(Payload, code="oqp"):
    street_id: int


@dataclass(frozen=True)
class SayHello(Payload, code="ohi"):
    street_id: int
    neighbour_id: int


@dataclass(frozen=True)
class MentionInGroup(Payload, code="ohm"):
    street_id: int
    neighbour_id: int


@dataclass(frozen=True)
class NoMoreHellos(Payload, code="ohn"):  # pressed by the neighbour who had the hello
    owner_id: int


@dataclass(frozen=True)
class HellosWelcome(Payload, code="ohy"):
    owner_id: int


@dataclass(frozen=True)
class HelloSent(Payload, code="ohr"):  # send receipt of a hello, for the organiser who sent it
    hello_id: int
    organiser_id: int


async def _list(turn: Turn, street: Street, words: str = "") -> None:
    settings = turn.settings
    seen_before = turn.now - settings.quiet_after
    days = settings.quiet_after.days
    found = await turn.store.neighbours.quiet_in_street(street.id, seen_before, turn.neighbour.id, settings.quiet_list_size)
    if not found:
        organisers.tell(turn, msg(texts.QUIET_NOBODY, street=street_name(street), days=days))
        return
    organisers.tell(turn, msg(texts.QUIET_HEADER, street=street_name(street), days=days))
    for neighbour in found:
        text, choices = _about(turn, street, neighbour)
        organisers.tell(turn, text, choices)
    total = await turn.store.neighbours.count_quiet_in_street(street.id, seen_before, turn.neighbour.id)
    if total > len(found):
        organisers.tell(turn, msg(texts.QUIET_MORE, count=total - len(found)))


_FOR_A_STREET = organisers.ForAStreet(PickStreet, _list)
quiet = _FOR_A_STREET.command
picked = _FOR_A_STREET.picked


def _about(turn: Turn, street: Street, quiet_one: QuietNeighbour) -> tuple[Msg, tuple[Choice, ...]]:
    who = Person(quiet_one.platform, quiet_one.user_id)
    seen = msg(texts.QUIET_LINE, who=who, days=(turn.now - quiet_one.last_seen_at).days)
    if not quiet_one.wants_hellos:
        return lines(seen, msg(texts.QUIET_NO_HELLOS)), ()
    if quiet_one.last_hello_at is not None and turn.now - quiet_one.last_hello_at < turn.settings.hello_every:
        return lines(seen, msg(texts.QUIET_HAD_HELLO)), ()
    return seen, (Choice(msg(texts.BUTTON_SAY_HELLO), SayHello(street.id, quiet_one.neighbour_id).pack()),)


async def hello_text(services: Services, street: Street, mention: Person | None = None) -> Msg:
    """The street's own hello if its organisers wrote one, else ours; addressed to someone in the group."""
    own = (await for_street(services, street)).hello_text
    name = street_name(street)
    if mention is not None:
        if own:
            return msg(texts.HELLO_IN_GROUP_OWN, who=mention, text=Quote(own))
        return msg(texts.HELLO_IN_GROUP, who=mention, street=name)
    return msg(texts.HELLO_OWN, street=name, text=Quote(own)) if own else msg(texts.HELLO, street=name)


def _no_more_hellos(neighbour_id: int) -> Choice:
    return Choice(msg(texts.BUTTON_NO_MORE_HELLOS), NoMoreHellos(neighbour_id).pack())


async def _hello_target(turn: Turn, pressed: SayHello | MentionInGroup) -> tuple[Street, int, Person] | None:
    """The street and neighbour a hello button is about, if a hello may go to them now."""
    neighbour_id = pressed.neighbour_id
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return None
    store = turn.store
    if neighbour_id == turn.neighbour.id or not await store.neighbours.is_member(street.id, neighbour_id):
        turn.answer(texts.HELLO_NOT_IN_STREET)
    elif not await store.neighbours.wants_hellos(neighbour_id):
        turn.answer(texts.HELLO_NOT_WANTED)
    elif (last := await store.hellos.last_to(neighbour_id)) is not None and turn.now - last < turn.settings.hello_every:
        turn.answer(texts.HELLO_TOO_SOON)
    elif (who := await person(store, neighbour_id)) is None:
        turn.answer(texts.HELLO_NOT_IN_STREET)
    else:
        return street, neighbour_id, who
    return None


async def say_hello(turn: Turn, pressed: SayHello) -> None:
    """A private hello on the street's behalf. It is sent once or not at all: the receipt tells the
    organiser which, and offers a mention in the group if the neighbour can't be reached."""
    target = await _hello_target(turn, pressed)
    if target is None:
        return
    street, neighbour_id, who = target
    hello_id = await turn.store.hellos.record(street.id, neighbour_id, turn.now)
    turn.answer(texts.HELLO_ON_ITS_WAY)  # first: the receipt's news comes once it has gone
    turn.effects.add(Outgoing(
        ToPerson(who), await hello_text(turn.services, street), (_no_more_hellos(neighbour_id),),
        receipt=HelloSent(hello_id, turn.neighbour.id).pack(), hold_if_unreachable=False,
    ))


async def hello_delivered(services: Services, effects: Effects, receipt: HelloSent, result: SendResult, now: datetime) -> None:
    """How the hello went, for the organiser who sent it. One that didn't arrive isn't counted."""
    hello_id, organiser_id = receipt.hello_id, receipt.organiser_id
    found = await services.store.hellos.get(hello_id)
    organiser = await person(services.store, organiser_id)
    if found is None or organiser is None:
        return
    street_id, neighbour_id = found
    who = await person(services.store, neighbour_id)
    if who is None:
        return
    if result.sent:
        effects.tell(organiser, msg(texts.HELLO_SENT, who=who))
        return
    await services.store.hellos.forget(hello_id)
    if result.status is SendStatus.UNREACHABLE:
        mention = Choice(msg(texts.BUTTON_MENTION_IN_GROUP), MentionInGroup(street_id, neighbour_id).pack())
        effects.tell(organiser, msg(texts.HELLO_UNREACHABLE, who=who), (mention,))
    else:
        effects.tell(organiser, msg(texts.HELLO_FAILED, who=who))


async def mention_in_group(turn: Turn, pressed: MentionInGroup) -> None:
    """The friendly alternative: a hello in the group, addressed to them."""
    target = await _hello_target(turn, pressed)
    if target is None:
        return
    street, neighbour_id, who = target
    await turn.store.hellos.record(street.id, neighbour_id, turn.now)
    turn.effects.post(street, await hello_text(turn.services, street, mention=who), (_no_more_hellos(neighbour_id),))
    organisers.tell(turn, msg(texts.HELLO_MENTIONED, who=who, street=street_name(street)))


async def no_more_hellos(turn: Turn, pressed: NoMoreHellos) -> None:
    if not pressed_by_owner(turn, pressed.owner_id):
        return
    if not await turn.store.neighbours.wants_hellos(turn.neighbour.id):
        turn.answer(common.ALREADY_DONE)
        return
    await turn.store.neighbours.set_wants_hellos(turn.neighbour.id, False)
    if turn.is_private:
        welcome = Choice(msg(texts.BUTTON_HELLOS_WELCOME), HellosWelcome(turn.neighbour.id).pack())
        turn.reply(texts.NO_MORE_HELLOS, (welcome,))
    else:
        turn.answer(texts.NO_MORE_HELLOS)


async def hellos_welcome(turn: Turn, pressed: HellosWelcome) -> None:
    if not pressed_by_owner(turn, pressed.owner_id):
        return
    if await turn.store.neighbours.wants_hellos(turn.neighbour.id):
        turn.answer(common.ALREADY_DONE)
        return
    await turn.store.neighbours.set_wants_hellos(turn.neighbour.id, True)
    turn.reply(texts.HELLOS_WELCOME)
