"""The console street end to end: the real CLI, a real SQLite file, lines piped to stdin."""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAMES_IN_EXAMPLE = ("Sam", "Rosa", "Priya", "Joe")


def doorstep(*args: str, stdin: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DOORSTEP_")}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=True, cwd=cwd,
        env={**clean, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=60,
    )


@pytest.fixture(scope="module")
def example_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    folder = tmp_path_factory.mktemp("street")
    database = folder / "street.sqlite3"
    script = (ROOT / "examples" / "street.txt").read_text()
    return doorstep("demo", "--database", str(database), stdin=script, cwd=folder), database


def test_example_shows_an_offer_matched_to_an_ask_and_confirmed(example_run) -> None:  # type: ignore[no-untyped-def]
    result, _ = example_run
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "🎁 Sam is offering" in out
    assert "[to Sam, privately]" in out and "🔔 A neighbour could use a hand, and it fits what you offered:" in out
    assert "🙋 Sam can help with your ask" in out
    assert "🤝 You and Sam are in touch about" in out
    assert "✅ Sorted" in out
    assert "🙋 A neighbour could use a hand" in out  # Priya's private ask
    assert "Traceback" not in out + result.stderr


def test_after_the_example_the_database_holds_no_display_names(example_run) -> None:  # type: ignore[no-untyped-def]
    _, database = example_run
    found = []
    with sqlite3.connect(database) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in db.execute(f"SELECT * FROM {table}"):
                for value in row:
                    if isinstance(value, str):
                        found += [name for name in NAMES_IN_EXAMPLE if re.search(rf"\b{name}\b", value, re.IGNORECASE)]
        assert db.execute("SELECT COUNT(*) FROM posts").fetchone()[0] > 0  # the scan looked at real rows
    assert found == []


def test_run_without_configuration_starts_the_console_street(tmp_path: Path) -> None:
    result = doorstep("run", stdin="alice: /ask could someone lend me a ladder?\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "console street" in result.stderr and "DOORSTEP_TELEGRAM__TOKEN" in result.stderr
    assert "🧰 Lending & borrowing" in result.stdout
    assert (tmp_path / "data" / "doorstep.sqlite3").exists()


def test_bad_configuration_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    result = doorstep("run", stdin="", cwd=tmp_path, env={"DOORSTEP_TIMEZONE": "Nowhere/Special"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "DOORSTEP_TIMEZONE" in result.stderr and "Traceback" not in result.stderr


def test_check_config_masks_secrets(tmp_path: Path) -> None:
    result = doorstep("check-config", stdin="", cwd=tmp_path, env={"DOORSTEP_MATRIX__PASSWORD": "hunter2"})
    assert result.returncode == 0
    assert "hunter2" not in result.stdout and "DOORSTEP_MATRIX__PASSWORD = ******** (set)" in result.stdout


def test_a_damaged_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.sqlite3").write_bytes(b"not a database" * 200)
    result = doorstep("demo", "--database", str(tmp_path / "bad.sqlite3"), stdin="", cwd=tmp_path)
    assert result.returncode == 3
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


def test_console_copes_with_odd_lines_and_waits(tmp_path: Path) -> None:
    script = "\n".join([
        "what is this",
        ":nonsense",
        ":wait forever",
        "bob presses something that is not there",
        "alice: /ask could someone help with shopping?",
        ":wait 7d",
        "alice presses keep it open",
        ":as bob",
        "/board",
        ":quit",
        "alice: /offer never read",
    ]) + "\n"
    result = doorstep("demo", "--start", "2026-03-02T09:00+00:00", stdin=script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "(I couldn't read that line" in out and "(I don't know that one" in out
    assert "(Say how long" in out and "can't see a button like" in out
    assert "⏩ It's now Mon 09 Mar, 09:00." in out
    assert "Keeping it open for another 7 days." in out
    assert "📋 Open on Elm Street:" in out
    assert "never read" not in out.split("» :quit")[1]


def test_a_line_that_is_not_utf8_gets_a_kind_word_and_the_street_goes_on(tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DOORSTEP_")}
    lines = b"alice: /ask could someone lend me a \xff\xfe ladder?\nalice: /ask could someone lend me a drill?\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "demo", "--database", str(tmp_path / "street.sqlite3")], input=lines,
        capture_output=True, cwd=tmp_path, env={**clean, "PYTHONPATH": str(ROOT)}, timeout=60,
    )
    out, errors = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0, errors
    assert "wasn't text I can read" in out and "Traceback" not in out + errors
    assert "lend me a drill" in out and "ladder" not in out  # the next line is read as ever
