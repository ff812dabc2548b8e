"""Quiet neighbours and a hello from the street.

`/quiet` shows an organiser, privately, who has been seen in the street but hasn't done anything
there for a while (only a last-seen time per neighbour per street is kept for this). One tap sends
them a warm private hello on the street's behalf — at most one every two weeks, and never to
someone who said "no more hellos". If the bot can't reach them privately, the hello is not kept
for later: the organiser hears so and may mention them kindly in the group instead."""

from __future__ import annotations

from datetime import datetime

from handlers.kernel import texts as common
from handlers.kernel.domain import QuietNeighbour, Street
from handlers.kernel.messages import Choice, Msg, Outgoing, Person, Quote, SendResult, SendStatus, ToPerson, lines, msg
from handlers.kernel.router import payload, single_id
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.organisers import gate as organisers
from handlers.organisers import texts
from handlers.street.people import person, street_name

PICK = "oqp"
HELLO = "ohi"
MENTION = "ohm"
NO_MORE_HELLOS = "ohn"
HELLOS_WELCOME = "ohy"
HELLO_RECEIPT = "ohr"


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


_FOR_A_STREET = organisers.ForAStreet(PICK, _list)
quiet = _FOR_A_STREET.command
picked = _FOR_A_STREET.picked


def _about(turn: Turn, street: Street, quiet_one: QuietNeighbour) -> tuple[Msg, tuple[Choice, ...]]:
    who = Person(quiet_one.platform, quiet_one.user_id)
    seen = msg(texts.QUIET_LINE, who=who, days=(turn.now - quiet_one.last_seen_at).days)
    if not quiet_one.wants_hellos:
        return lines(seen, msg(texts.QUIET_NO_HELLOS)), ()
    if quiet_one.last_hello_at is not None and turn.now - quiet_one.last_hello_at < turn.settings.hello_every:
        return lines(seen, msg(texts.QUIET_HAD_HELLO)), ()
    return seen, (Choice(msg(texts.BUTTON_SAY_HELLO), payload(HELLO, street.id, quiet_one.neighbour_id)),)


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
    return Choice(msg(texts.BUTTON_NO_MORE_HELLOS), payload(NO_MORE_HELLOS, neighbour_id))


async def _hello_target(turn: Turn, fields: list[str]) -> tuple[Street, int, Person] | None:
    """The street and neighbour a hello button is about, if a hello may go to them now."""
    neighbour_id = single_id(fields[1:])
    if len(fields) != 2 or neighbour_id is None:
        turn.answer(common.BUTTON_EXPIRED)
        return None
    street = await organisers.street_of_press(turn, fields[0])
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


async def say_hello(turn: Turn, fields: list[str]) -> None:
    """A private hello on the street's behalf. It is sent once or not at all: the receipt tells the
    organiser which, and offers a mention in the group if the neighbour can't be reached."""
    target = await _hello_target(turn, fields)
    if target is None:
        return
    street, neighbour_id, who = target
    hello_id = await turn.store.hellos.record(street.id, neighbour_id, turn.now)
    turn.answer(texts.HELLO_ON_ITS_WAY)  # first: the receipt's news comes once it has gone
    turn.effects.add(Outgoing(
        ToPerson(who), await hello_text(turn.services, street), (_no_more_hellos(neighbour_id),),
        receipt=payload(HELLO_RECEIPT, hello_id, turn.neighbour.id), hold_if_unreachable=False,
    ))


async def hello_delivered(services: Services, effects: Effects, fields: list[str], result: SendResult, now: datetime) -> None:
    """How the hello went, for the organiser who sent it. One that didn't arrive isn't counted."""
    hello_id, organiser_id = single_id(fields[:1]), single_id(fields[1:])
    if len(fields) != 2 or hello_id is None or organiser_id is None:
        return
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
        mention = Choice(msg(texts.BUTTON_MENTION_IN_GROUP), payload(MENTION, street_id, neighbour_id))
        effects.tell(organiser, msg(texts.HELLO_UNREACHABLE, who=who), (mention,))
    else:
        effects.tell(organiser, msg(texts.HELLO_FAILED, who=who))


async def mention_in_group(turn: Turn, fields: list[str]) -> None:
    """The friendly alternative: a hello in the group, addressed to them."""
    target = await _hello_target(turn, fields)
    if target is None:
        return
    street, neighbour_id, who = target
    await turn.store.hellos.record(street.id, neighbour_id, turn.now)
    turn.effects.post(street, await hello_text(turn.services, street, mention=who), (_no_more_hellos(neighbour_id),))
    organisers.tell(turn, msg(texts.HELLO_MENTIONED, who=who, street=street_name(street)))


async def _own_choice(turn: Turn, fields: list[str]) -> bool:
    neighbour_id = single_id(fields)
    if neighbour_id is None:
        turn.answer(common.BUTTON_EXPIRED)
        return False
    if neighbour_id != turn.neighbour.id:
        turn.answer(common.NOT_FOR_YOU)
        return False
    return True


async def no_more_hellos(turn: Turn, fields: list[str]) -> None:
    if not await _own_choice(turn, fields):
        return
    if not await turn.store.neighbours.wants_hellos(turn.neighbour.id):
        turn.answer(common.ALREADY_DONE)
        return
    await turn.store.neighbours.set_wants_hellos(turn.neighbour.id, False)
    if turn.is_private:
        welcome = Choice(msg(texts.BUTTON_HELLOS_WELCOME), payload(HELLOS_WELCOME, turn.neighbour.id))
        turn.reply(texts.NO_MORE_HELLOS, (welcome,))
    else:
        turn.answer(texts.NO_MORE_HELLOS)


async def hellos_welcome(turn: Turn, fields: list[str]) -> None:
    if not await _own_choice(turn, fields):
        return
    if await turn.store.neighbours.wants_hellos(turn.neighbour.id):
        turn.answer(common.ALREADY_DONE)
        return
    await turn.store.neighbours.set_wants_hellos(turn.neighbour.id, True)
    turn.reply(texts.HELLOS_WELCOME)
