"""A street where one neighbour, Fran, is in every kind of record the bot keeps about people — so a
test can check that /mydata shows all of it and /forgetme deletes all of it — and helpers that look
for a person anywhere in the database, driven by the schema rather than a list of tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from handlers.privacy import texts as privacy_texts
from storage import SqliteStore
from storage.schema import identifier, read_schema
from tests.checkins.helpers import with_buddy
from tests.kit import StreetKit, card_of, only

FRAN = "fran-4711"  # a user id that can't turn up by accident inside other words


@dataclass
class Busy:
    fran_offer: int  # Fran's offer; Olga took it and they talk through the bot
    fran_ask: int  # Fran's ask in the group; nobody has answered yet
    rosa_ask: int  # Rosa's ask (privately, so anonymous): Fran said "I can help", waiting for Rosa's yes
    sam_ask: int  # Sam's ask: Fran is the confirmed helper, talking through the bot
    fran_id: int


def _post(sent: list) -> int:  # type: ignore[type-arg]
    post_id = card_of(sent).outgoing.card_of
    assert post_id is not None
    return post_id


async def busy_street(street: StreetKit) -> Busy:
    """Fran's posts, answers, chats, check-in (with Sam as buddy), buddy role (for Olga), rough area,
    a half-finished post, a waiting message, a hello, a weekly summary, a recurring post she'd like to
    hear about first — and a message waiting for Rosa that mentions her."""
    for who in ("rosa", "sam", "olga", FRAN):
        await street.say(who, "/board")
    await street.share(FRAN, 51.5007, -0.1246)
    fran_offer = _post(await street.say(FRAN, "/offer I can pick up shopping on weekday mornings"))
    rosa_ask = _post(await street.tell("rosa", "/ask could someone pick up milk and bread tomorrow morning?"))
    assert street.notifier.to_person(FRAN), "Fran's offer fits: she is told of Rosa's ask"
    street.notifier.unreachable.add("rosa")  # Rosa's question about Fran waits for her
    await street.press(FRAN, f"h:{rosa_ask}", private=False)
    street.notifier.unreachable.discard("rosa")

    await street.press("olga", f"t:{fran_offer}", private=False)
    await street.press(FRAN, only(street.notifier.to_person(FRAN)).payload("talk through Doorstep"))
    fran_ask = _post(await street.say(FRAN, "/ask could someone lend me a ladder on Saturday?"))

    sam_ask = _post(await street.say("sam", "/ask could someone walk my dog on Saturday morning?"))
    await street.press(FRAN, f"h:{sam_ask}", private=False)
    await street.press("sam", only(street.notifier.to_person("sam")).payload("talk through Doorstep"))

    await with_buddy(street, owner=FRAN, buddy="sam")
    await with_buddy(street, owner="olga", buddy=FRAN)

    bins = _post(await street.say("rosa", "/ask every Tuesday could someone put my bins out?"))
    store = street.store
    fran = await store.neighbours.find("test", FRAN)
    assert fran is not None
    street_row = await store.streets.get_or_create("test", "group-1", None, street.clock.now())
    series = await store.recurrences.of_post(bins)
    assert series is not None
    await store.recurrences.set_keeper(series.id, fran.id)
    await store.hellos.record(street_row.id, fran.id, street.clock.now())
    await store.digests.put(street_row.id, fran.id, 0, time(9), street.clock.now() + timedelta(days=7))

    await street.say(FRAN, "/offer")  # a guided post, left half-way
    street.notifier.unreachable.add(FRAN)
    await street.tell("sam", "Thanks! Saturday at 9 then?")  # through the bot: waits for Fran
    street.notifier.unreachable.discard(FRAN)
    assert await street.count("held_messages", f"neighbour_id = {fran.id}") == 1
    assert await street.count("held_messages", "instr(payload, 'fran-4711') > 0") == 2  # hers, and Rosa's question
    return Busy(fran_offer, fran_ask, rosa_ask, sam_ask, fran.id)


async def references_to(store: SqliteStore, neighbour_id: int) -> dict[str, int]:
    """For every column that can hold a neighbour's id (from the schema's foreign keys): how many rows
    hold this one."""
    schema = await read_schema(store.db)
    found = {}
    for key in schema.referring_to("neighbours"):
        found[f"{key.table}.{key.column}"] = int(await store.db.fetch_value(
            f"SELECT COUNT(*) FROM {identifier(key.table)} WHERE {identifier(key.column)} = ?", (neighbour_id,)
        ))
    found["neighbours.id"] = int(await store.db.fetch_value("SELECT COUNT(*) FROM neighbours WHERE id = ?", (neighbour_id,)))
    return found


async def mentions_of(store: SqliteStore, text: str) -> dict[str, int]:
    """For every text column in every table: how many rows contain `text` (e.g. a platform user id)."""
    schema = await read_schema(store.db)
    found = {}
    for column in schema.text_columns():
        found[f"{column.table}.{column.name}"] = int(await store.db.fetch_value(
            f"SELECT COUNT(*) FROM {identifier(column.table)} WHERE instr({identifier(column.name)}, ?) > 0", (text,)
        ))
    return found


def nothing(counts: dict[str, int]) -> dict[str, int]:
    """The non-zero counts (an empty dict means nothing was found)."""
    return {where: count for where, count in counts.items() if count}


FORGET_KEYS = (privacy_texts.FORGET_QUESTION, privacy_texts.FORGOTTEN)
