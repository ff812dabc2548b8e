"""examples/checkin.txt on the console street, end to end: the real CLI and a real SQLite file."""

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.console.test_console_street import ROOT, doorstep

START = "2026-03-02T09:00+00:00"  # a Monday, 09:00 in London


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    folder = tmp_path_factory.mktemp("checkin")
    database = folder / "street.sqlite3"
    script = (ROOT / "examples" / "checkin.txt").read_text()
    return doorstep("demo", "--start", START, "--database", str(database), stdin=script, cwd=folder), database


def test_the_scene_plays_through(scene) -> None:  # type: ignore[no-untyped-def]
    result, _ = scene
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr and "can't see a button" not in out
    assert "💛 Your check-in: every day at 10:00." in out
    assert "[Rosa forwarded to Sam]" in out
    assert "💛 Sam is your check-in buddy now." in out
    hello_at = out.index("⏩ It's now Mon 02 Mar, 10:00.")
    assert "👋 Hello Rosa — just checking in." in out[:hello_at]
    reminder = out.index("💛 Just a gentle nudge")
    note = out.index("[to Sam, privately] Doorstep (#16):\n    🔔 Rosa hasn't answered their check-in from 10:00.")
    assert reminder < note < out.index("⏩ It's now Tue 03 Mar, 13:00.")
    assert "💛 Good news: Rosa just replied to me" in out
    assert "⏸ Paused — the next one is on Wednesday 11 March at 10:00." in out
    assert "🛑 Check-ins stopped, and I've forgotten them." in out


def test_nothing_about_check_ins_reaches_the_group(scene) -> None:  # type: ignore[no-untyped-def]
    result, _ = scene
    assert "[Elm Street]" not in result.stdout


def test_stopping_left_nothing_behind(scene) -> None:  # type: ignore[no-untyped-def]
    _, database = scene
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM checkins").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM checkin_occurrences").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM neighbours").fetchone()[0] == 3  # ids only
        for table in ("neighbours", "conversations", "held_messages"):
            for row in db.execute(f"SELECT * FROM {table}"):
                assert not any(isinstance(value, str) and name in value.lower()
                               for value in row for name in ("rosa", "sam", "alice")), (table, row)
