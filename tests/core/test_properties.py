"""Random sequences of what neighbours do, checked against the street's invariants.

Hypothesis drives the real core on a real SQLite file. Some steps follow a post's life the way people
do (someone offers help, the author says yes or no, the helper hands back, either marks it done, the
author takes it down); check-ins are set up with a few random taps and answered (or not); people ask
to be forgotten; others are noise (random buttons, the wrong person, twice, garbage); time passes
(expiry questions, closing, check-ins falling due, retention). Every press goes through the core
exactly as an adapter would send it."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import ToPerson
from handlers.kernel.settings import CoreSettings
from handlers.privacy import texts as privacy_texts
from handlers.street import weekly
from handlers.street.local_time import week_start
from storage import SqliteStore
from storage.schema import identifier, read_schema
from storage.times import from_db_required
from tests.fakes import RecordingNotifier

PEOPLE = ("ann", "ben", "cat", "dan")
TEXTS = (
    "could someone help with shopping?", "I can walk a dog tomorrow", "lend me a ladder please",
    "a lift to the station on Friday", "🐕", "",
)
ACTIONS = ("h", "t", "ok", "no", "dn", "wd", "cm", "kp", "cl", "zz")
pick = st.integers(0, 5)
mostly = st.sampled_from((True, True, True, False))  # people mostly press their own buttons, mostly yes


class Street(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.folder = tempfile.TemporaryDirectory()
        self.store = self.loop.run_until_complete(SqliteStore.open(Path(self.folder.name) / "s.sqlite3"))
        self.clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=timezone.utc))
        self.notifier = RecordingNotifier()
        self.core = Doorstep(self.store, self.notifier, self.clock)
        self.schema = self.run(read_schema(self.store.db))
        self.forgotten: dict[str, int] = {}  # user id -> the neighbour id they had, while they stay away
        # every post ever made, as (created at, kind); SQLite may give a deleted post's id to a new one
        self.posted: list[tuple[str, str]] = []
        self.posts_seen: set[int] = set()  # the ids in the table at the last look

    def teardown(self) -> None:
        self.loop.run_until_complete(self.store.close())
        self.loop.close()
        self.folder.cleanup()

    def run(self, coroutine):  # type: ignore[no-untyped-def]
        return self.loop.run_until_complete(coroutine)

    def rows(self, sql: str) -> list:
        return self.run(self.store.db.fetch_all(sql))

    def handle(self, who: str, *, private: bool = True, **fields) -> None:  # type: ignore[no-untyped-def]
        self.forgotten.pop(who, None)  # back again: a new neighbour to the bot
        self.run(self.core.handle(Incoming("test", who if private else "g", who, private, user_name=who, **fields)))
        self.note_new_posts()

    def note_new_posts(self) -> None:
        rows = self.rows("SELECT id, created_at, kind FROM posts")
        self.posted.extend((row["created_at"], row["kind"]) for row in rows if row["id"] not in self.posts_seen)
        self.posts_seen = {row["id"] for row in rows}

    def press(self, who: str, payload: str, private: bool = True) -> None:
        self.handle(who, private=private, kind=IncomingKind.PRESS, payload=payload)

    @staticmethod
    def chosen(rows: list, index: int):  # type: ignore[no-untyped-def]
        return rows[index % len(rows)] if rows else None

    # What people do with a post, in the order life usually goes.

    @initialize()
    def a_street_in_full_swing(self) -> None:
        """Everyone in the group; one ask already sorted, one ask and one offer open."""
        for who in PEOPLE:
            self.handle(who, private=False, text="/board")
        self.handle("ann", private=False, text="/ask could someone pick up milk?")
        self.press("ben", "h:1", private=False)
        self.press("ann", "ok:1")
        self.handle("cat", private=False, text="/ask could someone walk my dog?")
        self.handle("ben", private=False, text="/offer I can lend a drill")

    @rule(who=st.sampled_from(PEOPLE), kind=st.sampled_from(("ask", "offer")), text=st.sampled_from(TEXTS),
          private=st.booleans())
    def post(self, who: str, kind: str, text: str, private: bool) -> None:
        self.handle(who, private=private, text=f"/{kind} {text}")

    @rule(helper=st.sampled_from(PEOPLE), index=pick, in_group=st.booleans())
    def someone_answers_a_post(self, helper: str, index: int, in_group: bool) -> None:
        post = self.chosen(self.rows("SELECT id, kind FROM posts WHERE status = 'open' ORDER BY id"), index)
        if post:
            self.press(helper, f"{'h' if post['kind'] == 'ask' else 't'}:{post['id']}", private=not in_group)

    @rule(index=pick, yes=mostly, by_author=mostly)
    def the_author_says_yes_or_no(self, index: int, yes: bool, by_author: bool) -> None:
        answer = self.chosen(self.rows(
            "SELECT r.id, n.user_id AS author FROM responses r JOIN posts p ON p.id = r.post_id "
            "JOIN neighbours n ON n.id = p.author_id WHERE r.status = 'pending' ORDER BY r.id"
        ), index)
        if answer:
            who = answer["author"] if by_author else "dan"
            self.press(who, f"{'ok' if yes else 'no'}:{answer['id']}")

    @rule(index=pick, by_helper=mostly)
    def the_helper_cant_make_it(self, index: int, by_helper: bool) -> None:
        sorted_post = self.chosen(self.rows(
            "SELECT p.id, n.user_id AS responder, a.user_id AS author, p.kind FROM posts p "
            "JOIN responses r ON r.post_id = p.id AND r.status = 'confirmed' "
            "JOIN neighbours n ON n.id = r.neighbour_id JOIN neighbours a ON a.id = p.author_id "
            "WHERE p.status = 'matched' ORDER BY p.id"
        ), index)
        if sorted_post:
            helper = sorted_post["responder"] if sorted_post["kind"] == "ask" else sorted_post["author"]
            self.press(helper if by_helper else "cat", f"cm:{sorted_post['id']}")

    @rule(index=pick, by_author=mostly, action=st.sampled_from(("dn", "wd")))
    def done_or_taken_down(self, index: int, by_author: bool, action: str) -> None:
        post = self.chosen(self.rows(
            "SELECT p.id, a.user_id AS author FROM posts p JOIN neighbours a ON a.id = p.author_id "
            "WHERE p.status IN ('open', 'matched') ORDER BY p.id"
        ), index)
        if post:
            self.press(post["author"] if by_author else "ben", f"{action}:{post['id']}")

    @rule(index=pick, choice=st.integers(0, 1))
    def someone_answers_a_question_they_were_sent(self, index: int, choice: int) -> None:
        asked = [s for s in reversed(self.notifier.sent) if s.choices and isinstance(s.outgoing.to, ToPerson)]
        question = self.chosen(asked, index)
        if question:
            payloads = [c.payload for c in question.choices if not c.opens_private]
            if payloads:
                self.press(question.outgoing.to.person.user_id, payloads[choice % len(payloads)])

    # Check-ins, and being forgotten.

    @rule(who=st.sampled_from(PEOPLE), taps=st.lists(st.integers(0, 5), min_size=1, max_size=5))
    def someone_sets_up_a_checkin(self, who: str, taps: list[int]) -> None:
        """/checkin, then a few taps on whatever it offers (maybe "Never mind" half-way)."""
        self.notifier.take()
        self.handle(who, text="/checkin")
        for tap in taps:
            offered = [s for s in self.notifier.take() if s.choices and isinstance(s.outgoing.to, ToPerson)]
            if not offered:
                return
            payloads = [c.payload for c in offered[-1].choices if not c.opens_private]
            if not payloads:
                return
            self.press(who, payloads[tap % len(payloads)])

    @rule(who=st.sampled_from(PEOPLE), yes=mostly)
    def someone_asks_to_be_forgotten(self, who: str, yes: bool) -> None:
        self.notifier.take()
        self.handle(who, text="/forgetme")
        question = [s for s in self.notifier.take() if s.key == privacy_texts.FORGET_QUESTION]
        assert len(question) == 1
        found = self.rows(f"SELECT id FROM neighbours WHERE user_id = '{who}'")
        self.press(who, question[0].choices[0 if yes else 1].payload)
        if yes:
            self.forgotten[who] = found[0]["id"]

    # Noise, and time.

    @rule(who=st.sampled_from(PEOPLE), action=st.sampled_from(ACTIONS), number=st.integers(0, 8),
          private=st.booleans())
    def presses_anything(self, who: str, action: str, number: int, private: bool) -> None:
        self.press(who, f"{action}:{number}", private)

    @rule(hours=st.sampled_from((1, 3, 12, 49, 24 * 7, 24 * 31)))
    def time_passes(self, hours: int) -> None:
        self.clock.advance(timedelta(hours=hours))
        self.run(self.core.run_due())
        self.note_new_posts()

    # What must always hold.

    def count(self, sql: str) -> int:
        return int(self.run(self.store.db.fetch_value(sql)))

    @invariant()
    def an_ask_never_has_two_confirmed_helpers(self) -> None:
        assert self.count(
            "SELECT COUNT(*) FROM (SELECT post_id FROM responses WHERE status = 'confirmed' "
            "GROUP BY post_id HAVING COUNT(*) > 1)"
        ) == 0

    @invariant()
    def a_post_is_either_open_or_closed(self) -> None:
        assert self.count("SELECT COUNT(*) FROM posts WHERE (status IN ('open', 'matched')) = (closed_at IS NOT NULL)") == 0

    @invariant()
    def sorted_means_exactly_one_confirmed_helper_and_open_means_none(self) -> None:
        assert self.count(
            "SELECT COUNT(*) FROM (SELECT p.status, (SELECT COUNT(*) FROM responses r WHERE r.post_id = p.id "
            "AND r.status = 'confirmed') AS confirmed FROM posts p) "
            "WHERE (status = 'matched' AND confirmed != 1) OR (status = 'open' AND confirmed != 0)"
        ) == 0

    @invariant()
    def closed_posts_have_no_one_waiting(self) -> None:
        assert self.count(
            "SELECT COUNT(*) FROM responses r JOIN posts p ON p.id = r.post_id "
            "WHERE r.status = 'pending' AND p.status NOT IN ('open', 'matched')"
        ) == 0

    @invariant()
    def nobody_answers_their_own_post(self) -> None:
        assert self.count(
            "SELECT COUNT(*) FROM responses r JOIN posts p ON p.id = r.post_id WHERE r.neighbour_id = p.author_id"
        ) == 0

    @invariant()
    def a_forgotten_neighbour_leaves_no_rows(self) -> None:
        """Every column the schema says can hold a neighbour's id, and every text column for their user
        id, until they come back (an id reused by someone new since is theirs, not the forgotten one's)."""
        in_use = {row["id"] for row in self.rows("SELECT id FROM neighbours")}
        for who, old_id in self.forgotten.items():
            for key in self.schema.referring_to("neighbours"):
                if old_id not in in_use:
                    assert self.count(
                        f"SELECT COUNT(*) FROM {identifier(key.table)} WHERE {identifier(key.column)} = {old_id}"
                    ) == 0, (who, key)
            for column in self.schema.text_columns():
                assert self.count(
                    f"SELECT COUNT(*) FROM {identifier(column.table)} WHERE {identifier(column.name)} = '{who}' "
                    f"OR instr({identifier(column.name)}, '\"{who}\"') > 0"
                ) == 0, (who, column)

    @invariant()
    def weekly_counts_match_the_posts_that_were_made(self) -> None:
        """Asks and offers posted, per week, as the organisers' summary counts them — for the weeks
        the counts are still kept (a year)."""
        zone = ZoneInfo("Europe/London")
        kept_from = (self.clock.now() - CoreSettings().keep_weekly_counts + timedelta(days=7)).date()
        made: dict[tuple[str, str], int] = {}
        for created_at, kind in self.posted:
            week = week_start(from_db_required(created_at), zone)
            what = weekly.ASKS_POSTED if kind == "ask" else weekly.OFFERS_POSTED
            if week >= kept_from:
                made[(week.isoformat(), what)] = made.get((week.isoformat(), what), 0) + 1
        counted = {
            (row["week_start"], row["what"]): row["count"]
            for row in self.rows("SELECT week_start, what, count FROM weekly_counts "
                                 f"WHERE what IN ('{weekly.ASKS_POSTED}', '{weekly.OFFERS_POSTED}')")
            if row["week_start"] >= kept_from.isoformat()
        }
        assert counted == made

    @invariant()
    def nothing_went_wrong_inside(self) -> None:
        assert [s.text for s in self.notifier.sent if "something went wrong" in s.text] == []


TestStreetProperties = Street.TestCase
TestStreetProperties.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
