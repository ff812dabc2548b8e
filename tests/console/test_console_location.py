"""Sharing locations in the console street: as a neighbour and as an organiser, converted at the edge
(bot/location.py). Afterwards neither the database file nor anything printed holds a coordinate."""

import re
import sqlite3
from pathlib import Path

from bot.console.script import Share, echo, parse_line
from tests.console.test_console_street import doorstep

PINS = ("51.5007,-0.1246", "51.5034,-0.1246", "51.5457,-0.1246", "51.5009,-0.1250")
COORDINATE_BITS = re.compile(r"51\.50|51\.54|0\.124|0\.125")


def test_share_lines() -> None:
    assert parse_line("alice (private) shares 51.5007,-0.1246") == Share("alice", "51.5007,-0.1246", True)
    assert parse_line("alice shares a location 51.5,-0.12") == Share("alice", "51.5,-0.12", False)
    assert parse_line(":location bob 51.5,-0.12") == Share("bob", "51.5,-0.12", True)
    assert parse_line("alice: shares 51.5,-0.12") != Share("alice", "51.5,-0.12", False)  # words in the group
    assert "51.5" not in repr(parse_line(":location bob 51.5,-0.12"))


def test_the_echo_hides_coordinates() -> None:
    assert echo("alice (private) shares 51.5007,-0.1246\n") == "alice (private) shares a location"
    assert echo(":location bob 51.5,-0.12") == "bob (private) shares a location"
    assert echo("alice: /offer shopping\n") == "alice: /offer shopping"


def test_two_streets_and_a_far_one_in_the_console(tmp_path: Path) -> None:
    script = "\n".join([
        ":organiser olive",
        "olive: /area",
        f"olive (private) shares {PINS[0]}",
        ":street Mill Road",
        ":organiser olive",
        "olive: /area",
        f"olive (private) shares {PINS[1]}",
        f"sam (private) shares {PINS[3]}",
        "sam: /offer I can pick up shopping",
        ":street Far Lane",
        ":organiser olive",
        "olive: /area",
        f":location olive {PINS[2]}",
        "fay: /offer I can pick up shopping",
        ":street Elm Street",
        "rosa: /ask could someone pick up milk tomorrow?",
        ":wait 1d",
        "rosa presses Yes, show it nearby",
        "alice (private) shares 200,1",
        f"bob shares {PINS[0]}",
        "sam (private): /forgetlocation",
    ]) + "\n"
    database = tmp_path / "street.sqlite3"
    result = doorstep("demo", "--database", str(database), "--start", "2026-03-02T09:00+00:00", stdin=script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Elm Street's area is set" in out and "Mill Road's area is set" in out
    assert "📍 Elm Street, about 5 minutes' walk" in out  # Sam, on Mill Road, hears of Rosa's ask
    assert "[Mill Road] Doorstep" in out and "A neighbour on Elm Street could use a hand" in out
    blocks = re.split(r"\n(?=\[|»)", out)
    assert not [b for b in blocks if b.startswith("[Far Lane]") and "Elm Street" in b]
    assert "I couldn't read that location" in out and "best shared with me privately" in out
    assert "I've forgotten your location" in out
    assert not COORDINATE_BITS.search(out + result.stderr)
    with sqlite3.connect(database) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        values = [value for table in tables for row in db.execute(f"SELECT * FROM {table}") for value in row]
        assert db.execute("SELECT COUNT(*) FROM street_areas").fetchone()[0] == 3
        assert db.execute("SELECT COUNT(*) FROM neighbour_cells").fetchone()[0] == 0  # Sam forgot his
    assert values and not [v for v in values if isinstance(v, float)]
    assert not [v for v in values if isinstance(v, str) and COORDINATE_BITS.search(v)]


def test_the_nearby_example(tmp_path: Path) -> None:
    script = (Path(__file__).resolve().parents[2] / "examples" / "nearby.txt").read_text()
    result = doorstep("demo", "--start", "2026-03-02T09:00+00:00", stdin=script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[to Sam, privately]" in out and "📍 Elm Street, about 5 minutes' walk" in out
    assert "[to Fay, privately]" not in out
    assert "Shall I show it in nearby streets' groups too (Mill Road)?" in out
    assert "💬 About “could someone fix my garden gate this week?”:\n    “Lovely, I'll come by on Thursday at ten.”" in out
    to_mo = [b for b in re.split(r"\n(?=\[|»)", out) if b.startswith("[to Mo, privately]")]
    assert to_mo and all("Rosa" not in block for block in to_mo)  # talking through Doorstep: no name
    assert not COORDINATE_BITS.search(out) and "Traceback" not in out + result.stderr
