"""/privacy: the short version of the notice, in the chat, in the reader's language — the same words an
organiser can paste from docs/privacy.md, with this bot's own periods."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.kernel.settings import CoreSettings
from handlers.privacy import texts as privacy_texts
from storage import SqliteStore
from tests.fakes import RecordingNotifier
from tests.kit import StreetKit, only

ROOT = Path(__file__).resolve().parents[2]


def _pasteable_version() -> str:
    """The blockquote in docs/privacy.md, as plain text."""
    quoted = [line[2:] for line in (ROOT / "docs" / "privacy.md").read_text().splitlines() if line.startswith("> ")]
    return " ".join(quoted).replace("**", "")


def _words(text: str) -> str:
    return " ".join(re.sub(r"^🔒\s*", "", text).split())


async def test_privacy_in_the_group_and_in_private(street: StreetKit) -> None:
    in_group = only(await street.say("rosa", "/privacy"))
    assert in_group.key == privacy_texts.PRIVACY_SHORT
    assert _words(in_group.text) == _words(_pasteable_version())
    assert only(await street.tell("rosa", "/privacy")).text == in_group.text


async def test_it_says_this_bots_own_periods(store: SqliteStore, notifier: RecordingNotifier, clock: ManualClock) -> None:
    settings = CoreSettings(keep_closed_posts=timedelta(days=10), keep_last_seen=timedelta(days=40),
                            keep_checkin_occurrences=timedelta(days=7), locales=("en", "pl"))
    street = StreetKit(Doorstep(store, notifier, clock, settings), store, notifier, clock)
    shown = only(await street.say("rosa", "/privacy")).text
    assert "for 10 days after they close" in shown and "after 40 quiet days" in shown and "for 7 days" in shown
    rosa = await store.neighbours.find("test", "rosa")
    assert rosa is not None
    await store.neighbours.set_language(rosa.id, "pl", chosen=True)
    assert only(await street.tell("rosa", "/privacy")).outgoing.locale == "pl"
