"""Neighbours in other languages on the console street: `:language rosa pl`, and the Polish and
Romanian example streets end to end (the real CLI and a real SQLite file)."""

import pytest

from tests.console.test_console_street import ROOT, doorstep

START = "2026-03-02T09:00+00:00"  # a Monday, 09:00 in London


def test_a_neighbour_chooses_a_language_and_presses_buttons_in_it_or_in_english(tmp_path) -> None:  # type: ignore[no-untyped-def]
    script = "\n".join([
        ":language rosa pl",
        ":language sam ro",
        "sam: /offer I can pick up shopping on weekday mornings",
        "rosa: /ask Czy ktoś mógłby jutro rano kupić mleko?",
        "sam presses Pot să ajut",
        "rosa presses Yes please",  # the English words of "✅ Tak — podaj moją nazwę użytkownika"
        ":language joe xx",
        ":language joe",
    ]) + "\n"
    result = doorstep("demo", "--start", START, stdin=script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Świetnie — od teraz piszę do Ciebie po polsku." in out
    assert "Minunat — de acum îți scriu în română." in out
    assert "🔔 Cineva din vecini are nevoie de ajutor, iar asta se potrivește cu ce ai oferit:" in out
    assert "🙋 Sam może pomóc w Twojej prośbie" in out
    assert "🤝 Ty i Sam jesteście w kontakcie" in out and "🤝 Rosa a zis „da”!" in out
    assert "🎁 Sam is offering" in out  # the group still speaks the street's language
    assert "(Doorstep doesn't speak “xx” here; it knows en, pl, ro.)" in out
    assert "(Say whose language and which, like :language rosa pl.)" in out
    assert "can't see a button" not in out.split(":language joe xx")[0]


@pytest.mark.parametrize(("example", "lines"), [
    ("street-pl.txt", ("🎁 Tomek ma propozycję", "🛒 Zakupy · we wtorek 3 marca rano", "💛 Twoje przywitanie: pon, śr i pt o 09:30.",
                       "co tydzień w czwartek o 19:00: „Dziś wystawiamy niebieski kosz”",
                       "„Czy ktoś ma ochotę pogadać? ☕”", "🙋 Basia prosi o pomoc w imieniu kogoś z sąsiadów")),
    ("street-ro.txt", ("🎁 Andrei are o ofertă", "🛒 Cumpărături · marți, 3 martie dimineața", "💛 Salutul tău: lun, mie și vin la 09:30.",
                       "în fiecare joi la 19:00: „Diseară scoatem pubela albastră”",
                       "„Are cineva chef de o poveste? ☕”", "🙋 Elena cere ajutor pentru cineva din vecini")),
])
def test_the_polish_and_romanian_streets_play_through(tmp_path, example: str, lines: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = doorstep("demo", "--start", START, stdin=(ROOT / "examples" / example).read_text(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr and "can't see a button" not in out
    for line in lines:
        assert line in out
