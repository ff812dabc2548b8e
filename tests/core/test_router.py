import pytest

from handlers.app import build_router
from handlers.kernel.router import parse_command


@pytest.mark.parametrize(
    ("text", "name", "rest"),
    [
        ("/offer I can help", "offer", "I can help"),
        ("/offer@DoorstepBot I can help", "offer", "I can help"),
        ("!ask milk please", "ask", "milk please"),
        ("/ASK", "ask", ""),
        ("/board\n", "board", ""),
        ("/ask two\nlines", "ask", "two\nlines"),
    ],
)
def test_parse_command(text: str, name: str, rest: str) -> None:
    parsed = parse_command(text)
    assert parsed is not None and (parsed.name, parsed.rest) == (name, rest)


@pytest.mark.parametrize("text", ["hello", "/", "/ ask", "/123", "//ask", "!", ""])
def test_not_commands(text: str) -> None:
    assert parse_command(text) is None


def test_menus_list_only_described_commands_for_their_chat() -> None:
    router = build_router()
    private = {command.name for command in router.menu(private=True)}
    group = {command.name for command in router.menu(private=False)}
    assert {"ask", "offer", "board", "mine", "help"} <= private
    assert "mine" not in group and "start" not in group
