"""examples/organiser.txt end to end: the real CLI and a real SQLite file, the chart saved as a PNG, the
leaflet and the poster as PDFs with their previews."""

import re
import sqlite3
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from bot.charts import counts_in
from tests.console.test_console_street import ROOT, doorstep

NAMES = ("Olga", "Bob", "Sam", "Priya", "Rosa", "Joe")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("organiser")
    database = folder / "street.sqlite3"
    script = (ROOT / "examples" / "organiser.txt").read_text()
    result = doorstep("demo", "--database", str(database), "--start", "2026-03-02T09:00+00:00", stdin=script, cwd=folder)
    return result, database


def test_the_organisers_week(run) -> None:  # type: ignore[no-untyped-def]
    result, _ = run
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    assert "🙋 Priya is asking for a neighbour who isn't online" in out
    assert "The organisers of Elm Street have taken down your post “raffle tickets" in out
    assert "⏳ Nobody has taken this ask on Elm Street yet" in out and "🔁 Re-posted in the group." in out
    assert "[Elm Street] Doorstep (#19):\n    🔔 Blue bin out tonight" in out
    assert "📊 Elm Street — the week of 2 March:\n    🆕 New neighbours: 6\n    🙋 Asks: 2" in out
    assert "Stopped — no more weekly summaries of Elm Street." in out
    assert out.count("🔔 Blue bin out tonight") == 1  # paused after the first
    assert "[to Sam, privately] Doorstep (#30):\n    👋 Hello from everyone on Elm Street!" in out
    assert "I couldn't reach Bob privately" in out
    assert "👋 Bob, hello from everyone on Elm Street!" in out


def test_the_chart_is_a_png_with_the_weeks_counts(run) -> None:  # type: ignore[no-untyped-def]
    result, database = run
    saved = re.search(r"📈 chart saved to (\S+)", result.stdout)
    assert saved is not None
    path = Path(saved.group(1))
    assert path.parent == database.parent / "charts"
    shown = counts_in(path.read_bytes())
    assert shown["weeks"][-1] == "2026-03-02"
    assert shown["series"]["Asks"][-1] == 2 and shown["series"]["New neighbours"][-1] == 6


def test_no_names_in_the_database(run) -> None:  # type: ignore[no-untyped-def]
    _, database = run
    found = []
    with sqlite3.connect(database) as db:
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for row in db.execute(f"SELECT * FROM {table}"):
                for value in row:
                    if isinstance(value, str):
                        found += [name for name in NAMES if re.search(rf"\b{name}\b", value, re.IGNORECASE)]
    assert found == []


def test_a_leaflet_and_a_poster_are_made_and_the_line_is_not_kept(run) -> None:  # type: ignore[no-untyped-def]
    result, database = run
    saved = dict(re.findall(r"🖨 (leaflet|poster)-\w+\.pdf saved to (\S+)", result.stdout))
    assert set(saved) == {"leaflet", "poster"}
    with sqlite3.connect(database) as db:
        (code,) = db.execute("SELECT code FROM street_codes").fetchone()
        assert not [row for table in ("conversations", "questions", "outbox")
                    for row in db.execute(f"SELECT * FROM {table}") if "number 12" in repr(row)]
    for kind, pdf in saved.items():
        document = pypdfium2.PdfDocument(Path(pdf).read_bytes())
        try:
            text = document[0].get_textpage().get_text_range()
        finally:
            document.close()
        assert f"/start {code}" in text
        preview = Path(pdf).with_suffix(".png")
        assert [found.text for found in zxingcpp.read_barcodes(Image.open(preview))] == [f"/start {code}"]
    leaflet = pypdfium2.PdfDocument(Path(saved["leaflet"]).read_bytes())
    try:
        text = " ".join(leaflet[0].get_textpage().get_text_range().split())
    finally:
        leaflet.close()
    assert "Elm Street: sąsiedzi pomagają sąsiadom" in text and "or knock at number 12 — Olga" in text
