"""Random unicode at every parser: every registered command (with and without words after it, in the
group and in private, and then typed text into whatever guided flow it started), the console's script
and duration parsers, the reminder, "when", category, location and buddy-code parsers, and button
payloads. Nothing may escape as an exception — in the core, a use case failing shows as the "sorry,
something went wrong" apology, so that must never be said either.

Derandomised and bounded, so the run is the same every time and quick."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.clock import ManualClock
from bot.console.script import parse_duration, parse_line
from bot.location import cell_or_none, located_from_geo_uri, located_from_text
from handlers.app import Doorstep, build_router
from handlers.checkins.buddy import read_code
from handlers.kernel import texts
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.payloads import code_of
from handlers.kernel.router import parse_command
from handlers.kernel.settings import CoreSettings
from handlers.organisers.reminder_words import parse_reminder
from handlers.posts.categories import classify
from handlers.posts.when import decode, parse_when
from storage import SqliteStore
from tests.fakes import HandPickedOrganisers, RecordingNotifier

COMMANDS = sorted(command.name for command in build_router().commands)
BUTTON_KINDS = build_router().action_kinds
# Unicode of every kind: letters of any script, emoji, combining marks, controls, surrogates left out.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
QUICK = settings(max_examples=150, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


class _Street:
    """One street for the whole run (as a real one, it fills up as the examples go)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.folder = tempfile.TemporaryDirectory()
        self.store = self.loop.run_until_complete(SqliteStore.open(Path(self.folder.name) / "fuzz.sqlite3"))
        self.notifier = RecordingNotifier()
        self.clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=timezone.utc))
        # Limits high enough that every example is read (the limits have their own tests).
        limits = CoreSettings(private_messages_per_hour=100_000, posts_per_hour=100_000)
        self.core = Doorstep(self.store, self.notifier, self.clock, limits, organisers=HandPickedOrganisers("olga"))
        self.turns = 0

    def say(self, who: str, text: str, *, private: bool) -> list[str]:
        self.notifier.take()
        incoming = Incoming("test", who if private else "g", who, private, text=text, user_name=who, chat_title="Elm")
        self.loop.run_until_complete(self.core.handle(incoming))
        self.turns += 1
        return [sent.key for sent in self.notifier.take()]

    def close(self) -> None:
        self.loop.run_until_complete(self.store.close())
        self.loop.close()
        self.folder.cleanup()


def test_every_command_with_random_words() -> None:
    street = _Street()
    try:
        for who in ("olga", "rosa"):
            street.say(who, "/board", private=False)

        @QUICK
        @given(command=st.sampled_from(COMMANDS), words=ANY_TEXT, then=ANY_TEXT, who=st.sampled_from(("olga", "rosa")),
               private=st.booleans(), slash=st.sampled_from(("/", "!")))
        # However the random draw falls as commands come and go, one post is made the ordinary way.
        @example(command="offer", words="a lift to the station on Friday", then="", who="rosa", private=False, slash="/")
        def command_then_text(command: str, words: str, then: str, who: str, private: bool, slash: str) -> None:
            for text in (f"{slash}{command}", f"{slash}{command} {words}", then):
                assert texts.SOMETHING_WENT_WRONG not in street.say(who, text, private=private), (command, text)

        command_then_text()
        assert street.turns > 300 and street.store  # every example went through the core
        assert int(street.loop.run_until_complete(street.store.db.fetch_value("SELECT COUNT(*) FROM posts"))) > 0
    finally:
        street.close()


def test_random_presses_and_locations_reach_the_core_safely() -> None:
    street = _Street()
    try:
        street.say("rosa", "/ask could someone lend me a ladder?", private=False)

        @QUICK
        @given(payload=ANY_TEXT | st.from_regex(r"[a-z]{1,3}(:[A-Za-z0-9_.\-]{1,12}){0,3}", fullmatch=True),
               where=ANY_TEXT, private=st.booleans())
        def press_and_share(payload: str, where: str, private: bool) -> None:
            street.notifier.take()
            base = dict(platform="test", chat_id="rosa" if private else "g", user_id="rosa", is_private=private,
                        user_name="Rosa", chat_title="Elm")
            street.loop.run_until_complete(street.core.handle(
                Incoming(**base, kind=IncomingKind.PRESS, payload=payload, ref="q")  # type: ignore[arg-type]
            ))
            street.loop.run_until_complete(street.core.handle(located_from_text(where, **base)))
            street.loop.run_until_complete(street.core.handle(located_from_geo_uri(where, **base)))
            assert texts.SOMETHING_WENT_WRONG not in [sent.key for sent in street.notifier.take()]

        press_and_share()
    finally:
        street.close()


@QUICK
@given(text=ANY_TEXT)
def test_the_parsers_never_raise(text: str) -> None:
    parse_line(text)
    parse_duration(text)
    parse_reminder(text)
    parse_when(text)
    classify(text)
    read_code(text)
    parse_command(text)
    code_of(text)
    for kind in BUTTON_KINDS:
        kind.unpack(text)
    decode(text)
    cell_or_none(text, text)
    located_from_text(text, platform="test", chat_id="c", user_id="u", is_private=True)
    located_from_geo_uri(text, platform="test", chat_id="c", user_id="u", is_private=True)
