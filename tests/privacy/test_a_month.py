"""Done when: after a scripted month of street activity (tests/privacy/month.txt, played through the
console street with the clock under control) the database holds only what the privacy notice lists,
and nothing older than its retention — and the logs, written at DEBUG all along, hold none of the
words neighbours typed, no names, no coordinates and no user ids."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bot.composition import run_console
from config.settings import DatabaseSettings, Settings
from handlers.kernel.settings import CoreSettings
from handlers.privacy.retention import Retention
from storage import SqliteStore
from storage.schema import identifier, read_schema
from storage.times import to_db

HERE = Path(__file__).parent
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
NAMES = ("Olga", "Sam", "Rosa", "Priya", "Joe", "Bob")
RELAYED_WORDS = ("SECRET-door", "SECRET-green")  # passed on through the bot, never kept
COORDINATES = ("51.50", "-0.12")


def console_id(name: str) -> str:
    return "u" + hashlib.sha256(name.casefold().encode()).hexdigest()[:12]



async def _play(script: str, database: Path, start: datetime, tmp_path: Path) -> str:
    out = io.StringIO()
    settings = Settings(database=DatabaseSettings(path=database))
    await run_console(settings, database, io.StringIO(script), out, interactive=False, start=start,
                      charts=tmp_path / "files")
    return out.getvalue()


def _after(output: str) -> datetime:
    """The console's clock after the script, from its last "It's now …" line (local time, London)."""
    from zoneinfo import ZoneInfo

    found = re.findall(r"⏩ It's now \w{3} (\d{2} \w{3}), (\d{2}:\d{2})\.", output)
    day, clock = found[-1]
    local = datetime.strptime(f"{day} {START.year} {clock}", "%d %b %Y %H:%M").replace(tzinfo=ZoneInfo("Europe/London"))
    return local.astimezone(timezone.utc)


async def past_their_time(store: SqliteStore, now: datetime, keep: CoreSettings) -> dict[str, int]:
    """Rows kept longer than docs/privacy.md says, by what they are (with an hour's grace: that is
    how often neighbours left with nothing are looked for)."""
    def before(period: timedelta) -> int:
        moment = to_db(now - period - Retention.SWEEP_EVERY)
        assert moment is not None
        return moment

    db = store.db
    checks = {
        "posts closed too long ago": ("SELECT COUNT(*) FROM posts WHERE closed_at < ?", before(keep.keep_closed_posts)),
        "check-in times too old": ("SELECT COUNT(*) FROM checkin_occurrences WHERE due_at < ?",
                                   before(keep.keep_checkin_occurrences)),
        "hellos too old": ("SELECT COUNT(*) FROM hellos WHERE said_at < ?", before(keep.keep_hellos)),
        "last seen too long ago": ("SELECT COUNT(*) FROM street_members WHERE last_seen_at < ?", before(keep.keep_last_seen)),
        "half-finished flows too old": ("SELECT COUNT(*) FROM conversations WHERE updated_at < ?",
                                        before(keep.keep_unfinished_flows)),
        "waiting messages too old": ("SELECT COUNT(*) FROM held_messages WHERE created_at < ?", before(keep.keep_waiting_messages)),
        "buddy invitations too old": ("SELECT COUNT(*) FROM checkins WHERE invited_at < ?", before(keep.buddy_invite_lifetime)),
        "own areas of people seen nowhere": (
            "SELECT COUNT(*) FROM neighbour_cells WHERE set_at < ? "
            "AND neighbour_id NOT IN (SELECT neighbour_id FROM street_members)", before(keep.keep_last_seen)),
        "chats about posts no longer sorted": (
            "SELECT COUNT(*) FROM relays WHERE post_id NOT IN (SELECT id FROM posts WHERE status = 'matched')", None),
        "Matrix prompts too old": ("SELECT COUNT(*) FROM matrix_prompts WHERE post_id IS NULL AND created_at < ?",
                                   before(timedelta(days=30))),
    }
    found = {}
    for what, (sql, moment) in checks.items():
        found[what] = int(await db.fetch_value(sql, () if moment is None else (moment,)))
    year_ago = (now - keep.keep_weekly_counts - Retention.SWEEP_EVERY).date()
    found["weekly counts older than a year"] = int(await db.fetch_value(
        "SELECT COUNT(*) FROM weekly_counts WHERE week_start < ?", (year_ago.isoformat(),)
    ))
    schema = await read_schema(db)
    unreferenced = " AND ".join(
        f"NOT EXISTS (SELECT 1 FROM {identifier(key.table)} WHERE {identifier(key.column)} = neighbours.id)"
        for key in schema.referring_to("neighbours")
    )
    found["neighbours nothing refers to"] = int(await db.fetch_value(
        f"SELECT COUNT(*) FROM neighbours WHERE created_at < ? AND {unreferenced}", (before(keep.keep_unreferenced_neighbours),)
    ))
    return {what: count for what, count in found.items() if count}


async def anywhere(store: SqliteStore, words: tuple[str, ...]) -> dict[str, int]:
    """In which text columns any of these words is found (case-sensitive)."""
    schema = await read_schema(store.db)
    found = {}
    for column in schema.text_columns():
        for word in words:
            count = int(await store.db.fetch_value(
                f"SELECT COUNT(*) FROM {identifier(column.table)} WHERE instr({identifier(column.name)}, ?) > 0", (word,)
            ))
            if count:
                found[f"{column.table}.{column.name}: {word}"] = count
    return found


async def test_a_month_on_elm_street(tmp_path: Path, debug_log: io.StringIO) -> None:
    database = tmp_path / "elm.sqlite3"
    output = await _play((HERE / "month.txt").read_text(), database, START, tmp_path)
    assert "went wrong" not in output and "can't see a button" not in output and "couldn't read" not in output
    assert "Done — I've forgotten you" in output and "📎 doorstep-my-data.json saved" in output
    end = _after(output)
    assert end.date() == date(2026, 4, 1)
    keep = CoreSettings()

    store = await SqliteStore.open(database)
    try:
        assert await past_their_time(store, end, keep) == {}
        assert await anywhere(store, NAMES + RELAYED_WORDS + COORDINATES + (console_id("Joe"),)) == {}
        # The month left things to delete: closed posts of the first week are gone, later ones kept.
        assert int(await store.db.fetch_value("SELECT COUNT(*) FROM posts WHERE body LIKE '%SECRET-eggs%'")) == 0
        assert int(await store.db.fetch_value("SELECT COUNT(*) FROM posts WHERE body LIKE '%SECRET-ladder%'")) == 1
        assert int(await store.db.fetch_value("SELECT COUNT(*) FROM checkin_occurrences")) <= 15
    finally:
        await store.close()

    # Three months later, with nobody doing anything, only what has no end date is left.
    later = await _play(":organiser olga\n:wait 100d\n", database, end, tmp_path)
    store = await SqliteStore.open(database)
    try:
        assert await past_their_time(store, _after(later), keep) == {}
        assert int(await store.db.fetch_value("SELECT COUNT(*) FROM posts")) == 0
        assert int(await store.db.fetch_value("SELECT COUNT(*) FROM street_members")) == 0
        assert int(await store.db.fetch_value("SELECT COUNT(*) FROM hellos")) == 0
        assert int(await store.db.fetch_value("SELECT COUNT(*) FROM neighbour_cells")) == 0
        # Rosa's check-in (and Sam, her buddy) and Olga's weekly summary go on until they stop them.
        kept = {row[0] for row in await store.db.fetch_all("SELECT user_id FROM neighbours")}
        assert kept == {console_id("Rosa"), console_id("Sam"), console_id("Olga")}
    finally:
        await store.close()

    written = debug_log.getvalue()
    assert "level=debug" in written or "level=info" in written
    typed = ("SECRET", "milk", "sofa", "Saturday at 10", "thank you", "Blue bin")
    for secret in typed + NAMES + COORDINATES + tuple(console_id(name) for name in NAMES):
        assert secret not in written, secret
    for line in written.splitlines():
        assert re.match(r'^time=\S+ level=[a-z]+ logger=\S+ msg="', line), line
