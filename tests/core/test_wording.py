import pytest

from handlers.kernel.wording import TextProblem, check_post_text, shorten, tidy, tokens


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Could someone pick up milk?", None),
        ("", TextProblem.EMPTY),
        ("   \n  ", TextProblem.EMPTY),
        ("x" * 501, TextProblem.TOO_LONG),
        ("🐕🐕🐕", TextProblem.NO_WORDS),
        ("!!", TextProblem.NO_WORDS),
        ("milk\x00please", TextProblem.CONTROL_CHARACTERS),
        ("bell\x07", TextProblem.CONTROL_CHARACTERS),
        ("two lines\nare fine", None),
        ("Zakupy na jutro, proszę", None),
        ("👨‍👩‍👧 family shop", None),  # zero-width joiners are part of emoji, not control characters
    ],
)
def test_check_post_text(text: str, problem: TextProblem | None) -> None:
    assert check_post_text(text, 500) == problem


def test_tidy_collapses_spaces_but_keeps_lines() -> None:
    assert tidy("  milk   and\n\n bread  ") == "milk and\nbread"


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("could someone pick up some milk for me", 20) == "could someone pick…"
    assert shorten("short", 20) == "short"


def test_tokens_fold_accents() -> None:
    assert tokens("Cumpărături, ZAKUPY!") == ["cumparaturi", "zakupy"]
