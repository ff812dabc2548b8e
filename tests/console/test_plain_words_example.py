"""examples/plain-words.txt on the console street, end to end (the real CLI and a real SQLite file):
Margaret's plain words become an ask with a typed yes, Sam is forgotten with a typed yes, Ania writes in Polish."""

from tests.console.test_console_street import ROOT, doorstep

START = "2026-03-02T09:00+00:00"  # a Monday, 09:00 in London


def test_the_plain_words_street_plays_through(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = doorstep("demo", "--start", START, stdin=(ROOT / "examples" / "plain-words.txt").read_text(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr and "/help" not in out.split("Hello dear", 1)[1]
    after_margaret = out.split("» margaret (private): yes please", 1)[1]
    assert after_margaret.lstrip().startswith("[Elm Street] Doorstep (#6):\n    🙋 A neighbour could use a hand\n    🛒 Shopping · Tuesday 3 March")
    assert "🚗 Lifts & transport · Thursday 5 March at 10:00" in out
    assert "💊 Recepty i apteka · we wtorek 3 marca rano" in out
    assert "Sorry, I didn't catch which one you meant" in out.split("» sam (private): maybe?", 1)[1].split("»", 1)[0]
    assert "I've forgotten you" in out.split("» sam (private): yes", 1)[1].split("»", 1)[0]
    assert "Closed. Thank you! 💛" in out.split("» margaret (private): no, not any more", 1)[1]
