import pytest

from handlers.app import build_router
from handlers.kernel.router import parse_command, parse_payload, payload


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


def test_payloads_fit_telegram_and_reject_junk() -> None:
    assert parse_payload(payload("h", 123)) == ("h", ["123"])
    assert parse_payload("fw:12:tomorrow.morning") == ("fw", ["12", "tomorrow.morning"])
    for junk in ("", "x" * 70, "h:1:2:3:4", "h:<script>", "H:1", "h:1;drop", "h:" + "1" * 41):
        assert parse_payload(junk) is None
    assert parse_payload("h") == ("h", [])


def test_menus_list_only_described_commands_for_their_chat() -> None:
    router = build_router()
    private = {command.name for command in router.menu(private=True)}
    group = {command.name for command in router.menu(private=False)}
    assert {"ask", "offer", "board", "mine", "help"} <= private
    assert "mine" not in group and "start" not in group
