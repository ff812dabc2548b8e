"""Rendering for Telegram: escaping, mentions, keyboards, deep links and length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.telegram import markup
from bot.telegram.keyboards import location_keyboard
from handlers.kernel.messages import Choice, msg
from handlers.kernel.render import render
from tests.telegram.fake_bot_api import parse_html


def label(message) -> str:  # type: ignore[no-untyped-def]
    return render(message, "en")


def test_escaping_and_mentions_read_back_as_written() -> None:
    text = "Fish & chips <b>now</b> > later " + markup.mention("7007", "Ann <3")
    visible, links = parse_html(markup.escape("Fish & chips <b>now</b> > later ") + markup.mention("7007", "Ann <3"))
    assert visible == text.replace(markup.mention("7007", "Ann <3"), "Ann <3")
    assert links == [("tg://user?id=7007", "Ann <3")]


@given(st.text(max_size=300))
def test_any_text_escaped_is_valid_html_showing_the_same_text(text: str) -> None:
    visible, links = parse_html(markup.escape(text))
    assert visible == text and links == []


@given(st.text(alphabet=st.sampled_from("abcXYZ019_-:."), min_size=1, max_size=20))
def test_deep_link_payloads_survive_the_round_trip(payload: str) -> None:
    encoded = markup.encode_start(payload)
    assert encoded is not None and markup.decode_start(encoded) == payload


def test_deep_links() -> None:
    assert markup.deep_link("DoorstepBot", "inbox") == "https://t.me/DoorstepBot?start=inbox"
    assert markup.deep_link("DoorstepBot", "ok:12") == "https://t.me/DoorstepBot?start=ok_c12"
    assert markup.deep_link("DoorstepBot", "x" * 65) is None
    assert markup.deep_link("", "inbox") is None


def test_keyboards_put_short_labels_together_and_long_ones_alone() -> None:
    choices = [Choice(msg(f"🙋 {n}"), f"h:{n}") for n in range(1, 7)]
    choices += [Choice(msg("💊 Prescriptions & pharmacy"), "fc:1:pharmacy"), Choice(msg("Never mind"), "fx:1")]
    keys = markup.keyboard(choices, label, "DoorstepBot")
    assert keys is not None
    rows = [[button.text for button in row] for row in keys.inline_keyboard]
    assert rows == [["🙋 1", "🙋 2", "🙋 3", "🙋 4"], ["🙋 5", "🙋 6"], ["💊 Prescriptions & pharmacy"], ["Never mind"]]


def test_keyboards_carry_payloads_and_links_and_drop_what_telegram_cannot() -> None:
    choices = [
        Choice(msg("✅ Yes please"), "ok:12"),
        Choice(msg("💬 Open a private chat"), "inbox", opens_private=True),
        Choice(msg("Too long"), "h:" + "9" * 70),
    ]
    keys = markup.keyboard(choices, label, "DoorstepBot")
    assert keys is not None
    buttons = [button for row in keys.inline_keyboard for button in row]
    assert [(b.text, b.callback_data, b.url) for b in buttons] == [
        ("✅ Yes please", "ok:12", None),
        ("💬 Open a private chat", None, "https://t.me/DoorstepBot?start=inbox"),
    ]
    assert markup.keyboard([], label, "DoorstepBot") is None


def test_long_messages_are_split_between_lines_and_never_inside_markup() -> None:
    line = markup.escape("A & B " * 100)  # 600 characters, with entities
    mention = markup.mention("7007", "Ann")
    text = "\n".join([mention + " " + line] * 10)  # about 6,000 characters
    pieces = markup.split_message(text)
    assert len(pieces) == 2
    assert all(markup.visible_length(piece) <= markup.MAX_MESSAGE for piece in pieces)
    assert "\n".join(pieces) == text
    for piece in pieces:
        parse_html(piece)  # each piece is valid on its own


def test_a_single_huge_line_is_cut_at_safe_places() -> None:
    text = markup.escape("<&>" * 3000) + markup.mention("7007", "Ann")
    pieces = markup.split_message(text)
    assert [markup.visible_length(p) for p in pieces] == [4096, 4096, 811]
    assert "".join(pieces) == text
    assert "".join(parse_html(p)[0] for p in pieces) == "<&>" * 3000 + "Ann"


def test_length_counts_what_telegram_counts() -> None:
    assert markup.visible_length(markup.mention("1", "Ann") + " &amp; 👋") == len("Ann & ") + 2  # 👋 is two UTF-16 units


def test_location_choices_are_no_inline_buttons() -> None:
    choices = [Choice(msg("📍 Share my location"), "", asks_location=True), Choice(msg("Never mind"), "fx:1")]
    keys = markup.keyboard(choices, label, "DoorstepBot")
    assert keys is not None and [b.text for row in keys.inline_keyboard for b in row] == ["Never mind"]
    assert markup.keyboard(choices[:1], label, "DoorstepBot") is None


def test_a_location_keyboard_is_one_tap_and_folds_away() -> None:
    keys = location_keyboard(["📍 Share my location"])
    assert keys.one_time_keyboard and keys.resize_keyboard
    assert [(b.text, b.request_location) for row in keys.keyboard for b in row] == [("📍 Share my location", True)]


def test_where_a_sentence_starts() -> None:
    assert markup.starts_sentence("", tagged=False)
    assert markup.starts_sentence("🙋 ", tagged=False)
    assert markup.starts_sentence('🙋 <a href="tg://user?id=7">', tagged=True)
    assert markup.starts_sentence("Thank you! ", tagged=False)
    assert markup.starts_sentence("Rosa: 🙋 ", tagged=False)
    assert markup.starts_sentence("All set.\n🤝 ", tagged=False)
    assert not markup.starts_sentence("🤝 You and ", tagged=False)
    assert not markup.starts_sentence("<b>Rosa</b> and ", tagged=True)
    assert not markup.starts_sentence("about 5 ", tagged=False)
    assert not markup.starts_sentence("Fish &amp; ", tagged=True)
