"""How choices and messages look on Matrix, without a homeserver: reaction keys, typed answers, HTML
that escapes what neighbours wrote, pills for people, and `!` for commands."""

from __future__ import annotations

from bot.matrix.choices import (
    KEYCAPS,
    assign_keys,
    match_reaction,
    match_reply,
    normalise_key,
    without_reply_fallback,
    words_of,
)
from bot.matrix.markup import Markup, without_leading_emoji
from bot.matrix.organisers import RoomPowers
from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.messages import Choice, Person, Quote, msg
from handlers.posts import texts as posts_texts
from storage.repositories.matrix_prompts import Prompt

YES_NO = (Choice(msg(posts_texts.BUTTON_YES_SHARE), "ok:1"), Choice(msg(texts.BUTTON_NOT_THIS_TIME), "no:1"))
CATEGORIES = tuple(Choice(msg(f"Category {n}"), f"fc:1:c{n}") for n in range(1, 13))


def _prompt(choices: tuple[Choice, ...]) -> Prompt:
    composed = Markup().compose(msg("Pick one"), choices, "en", {})
    return Prompt("$event", "!room", composed.choices)


def test_reaction_keys_read_naturally_and_never_clash() -> None:
    assert assign_keys((Choice(msg(posts_texts.BUTTON_CAN_HELP), "h:1"),)) == ["👍"]
    assert assign_keys(YES_NO) == ["✅", "❌"]
    done_or_cant = (Choice(msg(posts_texts.BUTTON_DONE), "dn:1"), Choice(msg(posts_texts.BUTTON_CANT_MAKE_IT), "cm:1"))
    assert assign_keys(done_or_cant) == ["✅", "❌"]
    # Two choices that would both be ✅: the second is numbered by its place instead.
    assert assign_keys((Choice(msg(posts_texts.BUTTON_DONE), "dn:1"), Choice(msg(posts_texts.BUTTON_KEEP_OPEN), "ko:1"))) == ["✅", "2️⃣"]
    keys = assign_keys(CATEGORIES + (Choice(msg(texts.BUTTON_CANCEL), "fx:1"),))
    assert keys[:10] == list(KEYCAPS) and keys[10:12] == [None, None] and keys[12] == "❌"


def test_reactions_as_clients_send_them() -> None:
    prompt = _prompt(YES_NO)
    assert match_reaction(prompt, "✅").payload == "ok:1"  # type: ignore[union-attr]
    assert match_reaction(prompt, "✅\ufe0f").payload == "ok:1"  # type: ignore[union-attr]
    assert match_reaction(prompt, "✔️").payload == "ok:1"  # type: ignore[union-attr]
    assert match_reaction(prompt, "❤️") is None
    assert normalise_key("👍🏽") == normalise_key("👍") and normalise_key("1⃣") == normalise_key("1️⃣")


def test_typed_answers() -> None:
    prompt = _prompt(YES_NO)
    for said, payload in [("1", "ok:1"), ("2", "no:1"), ("Yes please", "ok:1"), ("yes", "ok:1"), ("no!", "no:1"),
                          ("not this time", "no:1"), ("✅", "ok:1"), (" Not This Time. ", "no:1")]:
        assert match_reply(prompt, said).payload == payload, said  # type: ignore[union-attr]
    for said in ("3", "0", "maybe", "", "yes " * 30):
        assert match_reply(prompt, said) is None, said
    many = _prompt(CATEGORIES)
    assert match_reply(many, "12").payload == "fc:1:c12"  # type: ignore[union-attr]
    assert match_reply(_prompt((Choice(msg(posts_texts.BUTTON_CAN_HELP), "h:7"),)), "yes").payload == "h:7"  # type: ignore[union-attr]


def test_reply_fallbacks_and_label_words() -> None:
    assert without_reply_fallback("> <@bot:x> Shall I?\n> second line\n\nyes please") == "yes please"
    assert without_reply_fallback("yes") == "yes"
    assert words_of("🙏 Yes please!") == "yes please" and words_of("😕 I can't make it") == "i cant make it"
    assert without_leading_emoji("🙋 I can help") == "I can help" and without_leading_emoji("“Quoted”") == "“Quoted”"


def test_a_notice_with_html_pills_escaped_words_and_bang_commands() -> None:
    markup = Markup()
    markup.know_commands(lambda name: name in {"ask", "offer", "help"})
    message = msg("{who} says {words} — try /ask or /help, not /nothing or http://x/ask", who=Person("matrix", "@sam:x"),
                  words=Quote("<b>milk</b> & /offer"))
    composed = markup.compose(message, YES_NO, "en", {"@sam:x": "Sam <3"}, reply_to="$card")
    content = composed.content
    assert content["msgtype"] == "m.notice" and content["format"] == "org.matrix.custom.html"
    assert content["body"].startswith("Sam <3 says <b>milk</b> & /offer — try !ask or !help, not /nothing or http://x/ask")
    assert '<a href="https://matrix.to/#/@sam:x">Sam &lt;3</a>' in content["formatted_body"]
    assert "&lt;b&gt;milk&lt;/b&gt; &amp; /offer" in content["formatted_body"]
    assert "✅ Yes please — share my username\n❌ Not this time\nReact with ✅ / ❌ — or reply to this message with your choice." in content["body"]
    assert content["m.mentions"] == {"user_ids": ["@sam:x"]}
    assert content["m.relates_to"] == {"m.in_reply_to": {"event_id": "$card"}}
    assert [c.key for c in composed.choices] == ["✅", "❌"] and composed.choices[0].words == "yes please share my username"
    unknown = markup.compose(msg(help_texts.UNKNOWN_COMMAND, command="/frobnicate"), (), "en", {}).content
    assert "“!frobnicate”" in unknown["body"] and "!help" in unknown["body"]


def test_the_board_is_not_listed_twice_and_edits_replace() -> None:
    board = tuple(Choice(msg(posts_texts.BUTTON_HELP_NUMBER, number=n), f"h:{n}") for n in (1, 2))
    composed = Markup().compose(msg("1. one\n2. two"), board, "en", {})
    assert composed.content["body"] == "1. one\n2. two\n\nReact with a number — or reply to this message with it."
    edit = Markup.edit("$card", composed)
    assert edit["m.relates_to"] == {"rel_type": "m.replace", "event_id": "$card"}
    assert edit["body"].startswith("* ") and edit["m.new_content"]["body"] == composed.content["body"]
    assert edit["m.mentions"] == {}


def test_room_powers_from_state() -> None:
    create_v12 = {"type": "m.room.create", "sender": "@rosa:x", "content": {"room_version": "12", "additional_creators": ["@sam:x"]}}
    levels = {"type": "m.room.power_levels", "content": {"users": {"@carol:x": 50}, "users_default": 10}}
    powers = RoomPowers.from_state([create_v12, levels])
    assert powers.level("@rosa:x") is None and powers.level("@sam:x") is None
    assert powers.level("@carol:x") == 50 and powers.level("@dan:x") == 10
    create_v10 = {"type": "m.room.create", "sender": "@rosa:x", "content": {"room_version": "10", "creator": "@rosa:x"}}
    assert RoomPowers.from_state([create_v10, levels]).level("@rosa:x") == 10
    assert RoomPowers.from_state([create_v10]).level("@rosa:x") == 100  # no power levels yet: the creator's


def test_library_log_lines_keep_only_a_hash_of_matrix_ids() -> None:
    import io
    import logging

    from bot import logs

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    quiet = {name: logging.getLogger(name).level for name in logs.QUIET_LIBRARIES}
    stream = io.StringIO()
    logs.configure("INFO", stream)
    try:
        logging.getLogger("nio.crypto.log").warning("Missing session for %s and @sam:example.org:8448", "@rosa:example.org")
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for name, was in quiet.items():
            logging.getLogger(name).setLevel(was)
    line = stream.getvalue()
    assert "rosa" not in line and "sam" not in line
    assert f"user:{logs.hashed('@rosa:example.org')}" in line and f"user:{logs.hashed('@sam:example.org:8448')}" in line
