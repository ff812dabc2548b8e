"""/forgetme: one confirmation, then nothing in the database refers to the person any more — checked
against every column the schema says can hold a neighbour's id, and every text column for their
platform user id — and the people it touches hear kindly."""

from __future__ import annotations

import pytest

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.checkins import texts as checkins_texts
from handlers.kernel import texts
from handlers.kernel.messages import ToPerson, ToStreet
from handlers.kernel.settings import CoreSettings
from handlers.posts import texts as posts_texts
from handlers.privacy import texts as privacy_texts
from storage import SqliteStore
from storage.schema import read_schema
from tests.fakes import RecordingNotifier
from tests.kit import StreetKit, only
from tests.privacy.street import FRAN, busy_street, mentions_of, nothing, references_to


async def _forget(street: StreetKit, who: str = FRAN) -> list:  # type: ignore[type-arg]
    """Asks, and says yes. (Writing privately first delivers anything waiting for them, as always.)"""
    question = only([s for s in await street.tell(who, "/forgetme") if s.key == privacy_texts.FORGET_QUESTION])
    return await street.press(who, question.payload("Yes, forget me"))


async def test_the_busy_street_has_fran_in_every_table_that_can_hold_a_person(street: StreetKit) -> None:
    """The other tests are only as good as this: every reference the schema has is filled. A table
    added later with a reference to neighbours fails here until the scenario covers it."""
    busy = await busy_street(street)
    assert {where for where, count in (await references_to(street.store, busy.fran_id)).items() if not count} == set()


async def test_nothing_refers_to_a_forgotten_neighbour(street: StreetKit) -> None:
    busy = await busy_street(street)
    sent = await _forget(street)
    assert only([s for s in sent if isinstance(s.outgoing.to, ToPerson) and s.outgoing.to.person.user_id == FRAN]).key \
        == privacy_texts.FORGOTTEN
    assert nothing(await references_to(street.store, busy.fran_id)) == {}
    assert nothing(await mentions_of(street.store, FRAN)) == {}
    assert await street.count("neighbours", f"user_id = '{FRAN}'") == 0


async def test_every_reference_to_a_neighbour_goes_or_is_cleared_when_they_go(street: StreetKit) -> None:
    """Forgetting deletes the neighbour's row and lets the schema do the rest: that only works while
    every reference says what happens then (a new one without ON DELETE fails here, before anyone
    is half-forgotten)."""
    schema = await read_schema(street.store.db)
    assert {key.on_delete.upper() for key in schema.referring_to("neighbours")} <= {"CASCADE", "SET NULL"}


async def test_the_people_it_touches_hear_kindly(street: StreetKit) -> None:
    busy = await busy_street(street)
    sent = await _forget(street)
    to = {who: [s.key for s in sent if isinstance(s.outgoing.to, ToPerson) and s.outgoing.to.person.user_id == who]
          for who in ("rosa", "sam", "olga")}
    # Olga took Fran's offer: it has gone. Sam: Fran was helping with his ask (it opens again), and he
    # is Fran's check-in buddy (her check-ins have stopped).
    assert privacy_texts.FORGOTTEN_POST_FOR_RESPONDER in to["olga"]
    assert privacy_texts.FORGOTTEN_MATCH_REOPENED in to["sam"] and texts.BUDDY_CHECKINS_STOPPED in to["sam"]
    assert privacy_texts.FORGOTTEN_BUDDY_FOR_OWNER in to["olga"]  # Fran was Olga's buddy
    assert to["rosa"] == []  # Fran's answer to her ask just goes; nobody is waiting on it
    # Sam's ask is open again, with Fran's answer kept, as nobody's.
    assert await street.count("posts", f"id = {busy.sam_ask} AND status = 'open'") == 1
    assert await street.count("responses", f"post_id = {busy.sam_ask} AND neighbour_id IS NULL") == 1
    # Olga's check-in tells nobody now; she can invite someone else.
    assert await street.count("checkins", "tell = 'nobody' AND buddy_id IS NULL") == 1


async def test_cards_of_their_posts_say_closed_without_their_words(street: StreetKit) -> None:
    await busy_street(street)
    street.notifier.edits.clear()
    await _forget(street)
    closed = [edit for edit in street.notifier.edits if edit.text.startswith("This one has closed")]
    assert len(closed) == 2  # Fran's offer and her ask
    for edit in closed:
        assert "ladder" not in edit.text and "shopping on weekday" not in edit.text and edit.choices == ()
    reopened = [edit for edit in street.notifier.edits if edit.text.startswith("🙋 Sam could use a hand")]
    assert reopened and reopened[-1].choices  # Sam's card has its "I can help" button again


async def test_a_waiting_message_that_mentions_them_says_a_neighbour(street: StreetKit) -> None:
    await busy_street(street)
    await _forget(street)
    held = only(await street.tell("rosa", "/start"))
    assert held.text.startswith("🙋 A neighbour can help with your ask")


async def test_nothing_happens_without_the_yes(street: StreetKit) -> None:
    busy = await busy_street(street)
    question = only([s for s in await street.tell(FRAN, "/forgetme") if s.key == privacy_texts.FORGET_QUESTION])
    before = await street.snapshot()
    assert only(await street.press("olga", question.payload("Yes, forget me"))).key == texts.NOT_FOR_YOU
    assert only(await street.press(FRAN, question.payload("No, keep"))).key == privacy_texts.FORGET_KEPT
    assert only(await street.press(FRAN, "fg:not-a-number")).key == texts.BUTTON_EXPIRED
    assert await street.snapshot() == before
    assert (await references_to(street.store, busy.fran_id))["neighbours.id"] == 1


async def test_in_the_group_it_points_to_a_private_chat(street: StreetKit) -> None:
    reply = only(await street.say("rosa", "/forgetme"))
    assert reply.key == texts.PRIVATE_ONLY and reply.choices[0].opens_private
    assert only(await street.tell("rosa", f"/start {reply.choices[0].payload}")).key == privacy_texts.FORGET_QUESTION


async def test_someone_forgotten_who_comes_back_starts_afresh(street: StreetKit) -> None:
    await busy_street(street)
    await _forget(street)
    assert only(await street.tell(FRAN, "/mine")).key == posts_texts.MINE_EMPTY
    assert only(await street.tell(FRAN, "/checkin")).key != checkins_texts.CHECKIN_SUMMARY
    assert await street.count("neighbours", f"user_id = '{FRAN}'") == 1


async def test_forgetting_speaks_their_language_to_the_end(store: SqliteStore, notifier: RecordingNotifier,
                                                          clock: ManualClock) -> None:
    street = StreetKit(Doorstep(store, notifier, clock, CoreSettings(locales=("en", "pl"))), store, notifier, clock)
    await street.tell(FRAN, "/board")
    fran = await street.store.neighbours.find("test", FRAN)
    assert fran is not None
    await street.store.neighbours.set_language(fran.id, "pl", chosen=True)
    sent = await _forget(street)
    assert only(sent).outgoing.locale == "pl"


@pytest.mark.parametrize("who", ["rosa", "sam", "olga"])
async def test_forgetting_anyone_in_the_street_leaves_no_trace_of_them(street: StreetKit, who: str) -> None:
    await busy_street(street)
    found = await street.store.neighbours.find("test", who)
    assert found is not None
    await _forget(street, who)
    assert nothing(await references_to(street.store, found.id)) == {}
    assert {where for where, count in (await mentions_of(street.store, f'"{who}"')).items() if count} == set()
    assert [s for s in street.notifier.sent if isinstance(s.outgoing.to, ToStreet) and "went wrong" in s.text] == []
