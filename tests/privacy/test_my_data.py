"""/mydata: everything kept about the person asking, as a few lines and as a JSON file — found from the
schema's own references, so a table added later is in it without anyone listing it."""

from __future__ import annotations

import json

from handlers.kernel import texts
from handlers.privacy import texts as privacy_texts
from handlers.privacy.my_data import LINES
from tests.kit import StreetKit, only
from tests.privacy.street import FRAN, busy_street, references_to


async def _my_data(street: StreetKit, who: str = FRAN) -> tuple[str, dict]:
    sent = only([s for s in await street.tell(who, "/mydata") if s.outgoing.attachment is not None])
    attachment = sent.outgoing.attachment
    assert attachment is not None and attachment.mime == "application/json" and attachment.filename.endswith(".json")
    return sent.text, json.loads(attachment.data)


async def test_everything_about_them_is_in_the_file(street: StreetKit) -> None:
    busy = await busy_street(street)
    _, data = await _my_data(street)
    assert data["platform"] == "test" and data["user_id"] == FRAN
    tables = data["tables"]
    held = {where.split(".")[0] for where, count in (await references_to(street.store, busy.fran_id)).items() if count}
    assert held - {"held_messages"} <= set(tables)  # (what waited for her was delivered as she wrote)
    assert {post["id"] for post in tables["posts"] if post["author_id"] == busy.fran_id} == {busy.fran_offer, busy.fran_ask}
    assert any(post["body"] == "could someone lend me a ladder on Saturday?" for post in tables["posts"])
    assert tables["neighbour_cells"][0]["cell"] and "51.5" not in json.dumps(tables)  # a rough area, never the pin
    assert all(occurrence["checkin_id"] for occurrence in tables.get("checkin_occurrences", []))
    assert tables["posts"][0]["created_at"].startswith("2026-03-02T")  # times readable, in UTC


async def test_other_neighbours_are_left_out_of_it(street: StreetKit) -> None:
    busy = await busy_street(street)
    _, data = await _my_data(street)
    text = json.dumps(data)
    for other in ("rosa", "sam", "olga"):
        assert f'"{other}"' not in text
    # Olga answered Fran's offer; Fran is Olga's buddy: Olga's id is in neither row.
    answers = [r for r in data["tables"]["responses"] if r["post_id"] == busy.fran_offer]
    assert answers and all(r["neighbour_id"] is None for r in answers)
    as_buddy = [c for c in data["tables"]["checkins"] if c["buddy_id"] == busy.fran_id]
    assert as_buddy and as_buddy[0]["neighbour_id"] is None


async def test_the_message_has_a_line_for_each_kind_of_record(street: StreetKit) -> None:
    await busy_street(street)
    text, _ = await _my_data(street)
    assert text.startswith("🔎 Here's everything I keep about you:")
    assert f"• Your test id, so I can message you: {FRAN}" in text
    assert "• Your asks and offers, in your words (kept 30 days after they close): 2" in text
    assert "• Answers you gave to neighbours' asks and offers: 2" in text
    assert "• Your check-in: when it comes, and who hears if you don't answer" in text
    assert "• Check-ins you're the buddy for: 1" in text
    assert "• Your rough area" in text and "• Chats through me (who and which post, never the words): 2" in text
    assert text.rstrip().endswith("/privacy says why each part is kept.")


async def test_every_reference_has_its_own_words() -> None:
    """Each column that can hold a person has a line of its own in the message (a new one is still
    shown, by its name, until it gets words)."""
    from storage import SqliteStore
    from storage.schema import read_schema

    store = await SqliteStore.open(":memory:")
    try:
        schema = await read_schema(store.db)
        assert {f"{key.table}.{key.column}" for key in schema.referring_to("neighbours")} == set(LINES)
    finally:
        await store.close()


async def test_a_table_added_later_is_in_it_and_is_forgotten_too(street: StreetKit) -> None:
    await street.store.db.execute(
        "CREATE TABLE garden_swaps (id INTEGER PRIMARY KEY, neighbour_id INTEGER NOT NULL "
        "REFERENCES neighbours(id) ON DELETE CASCADE, plant TEXT NOT NULL)"
    )
    await street.tell(FRAN, "/help")
    fran = await street.store.neighbours.find("test", FRAN)
    assert fran is not None
    await street.store.db.insert("INSERT INTO garden_swaps (neighbour_id, plant) VALUES (?, 'rhubarb')", (fran.id,))
    text, data = await _my_data(street)
    assert "• garden_swaps.neighbour_id: 1" in text
    assert data["tables"]["garden_swaps"] == [{"id": 1, "neighbour_id": fran.id, "plant": "rhubarb"}]
    question = only([s for s in await street.tell(FRAN, "/forgetme") if s.key == privacy_texts.FORGET_QUESTION])
    await street.press(FRAN, question.payload("Yes, forget me"))
    assert await street.count("garden_swaps") == 0


async def test_only_in_private(street: StreetKit) -> None:
    reply = only(await street.say("rosa", "/mydata"))
    assert reply.key == texts.PRIVATE_ONLY and reply.choices[0].opens_private
    opened = await street.tell("rosa", f"/start {reply.choices[0].payload}")
    assert only(opened).outgoing.attachment is not None


async def test_someone_new_sees_just_their_id(street: StreetKit) -> None:
    text, data = await _my_data(street, "newcomer")
    assert set(data["tables"]) == {"neighbours"}
    assert text.count("•") == 1
