"""Whatever a neighbour types or presses, they get a short, kind reply and nothing changes."""

import pytest

from handlers.app import Doorstep
from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.posts import texts as posts_texts
from handlers.words import texts as words_texts
from tests.kit import StreetKit, only

KIND_REPLIES = {
    posts_texts.TOO_LONG, texts.NO_WORDS, texts.CONTROL_CHARACTERS, help_texts.UNKNOWN_COMMAND, texts.BUTTON_EXPIRED,
    texts.POST_NOT_FOUND, texts.NOT_UNDERSTOOD, texts.NO_STREET_YET, words_texts.HELLO, words_texts.NOT_SURE,
}


@pytest.mark.parametrize(
    "text",
    [
        "/ask " + "x" * 5000,
        "/offer " + "milk " * 1000,
        "/ask 🐕🐕🐕",
        "/ask !!!",
        "/offer milk\x00please",
        "/ask \x1b[31mred\x1b[0m",
        "/frobnicate",
        "/ask@SomeoneElsesBot_with_a_very_long_name " + "y" * 600,
    ],
)
async def test_bad_text_in_the_group(street: StreetKit, text: str) -> None:
    before = await street.snapshot()
    reply = only(await street.say("rosa", text))
    assert reply.key in KIND_REPLIES
    assert len(reply.text) < 200
    assert await street.snapshot() == before


@pytest.mark.parametrize("text", ["hello?", "🙂", "\x00\x01", "/ask " + "z" * 5000, "/nope"])
async def test_bad_text_in_private(street: StreetKit, text: str) -> None:
    await street.tell("rosa", "/start")
    before = await street.snapshot()
    reply = only(await street.tell("rosa", text))
    assert reply.key in KIND_REPLIES
    assert await street.snapshot() == before


@pytest.mark.parametrize(
    "payload",
    ["", "h", "h:", "h:0", "h:99999999999999999999", "ok:1", "dn:-1", "fc:1:shopping", "fw:1:mars.any",
     "fs:1:1", "x" * 200, "h:1:2:3", "kp:abc", "cm:1", "wd:1", "no:1", "t:1", "fx:1", "inbox"],
)
async def test_stale_or_forged_buttons(street: StreetKit, payload: str) -> None:
    before = await street.snapshot()
    reply = only(await street.press("rosa", payload))
    assert reply.key in KIND_REPLIES | {texts.NOT_FOR_YOU, texts.ALREADY_DONE}
    assert await street.snapshot() == before


async def test_a_crash_inside_a_use_case_becomes_an_apology(street: StreetKit) -> None:
    async def broken(turn, text):  # type: ignore[no-untyped-def]
        await turn.store.posts.add(
            street_id=turn.street.id, author_id=turn.neighbour.id, kind="ask", category="other",  # type: ignore[arg-type]
            when=None, body="x", anonymous=False, now=turn.now, expires_at=turn.now,  # type: ignore[arg-type]
        )
        raise RuntimeError("boom")

    core: Doorstep = street.core
    core.router.command("broken", broken)
    reply = only(await street.say("rosa", "/broken"))
    assert reply.key == texts.SOMETHING_WENT_WRONG
    assert await street.count("posts") == 0  # the half-done work was rolled back
    # ...and the street carries on.
    assert only(await street.say("rosa", "/board")).key == posts_texts.BOARD_EMPTY


async def test_joins_and_leaves_are_quiet(street: StreetKit) -> None:
    await street.join("carol")
    assert street.notifier.sent == []
    assert await street.count("street_members") == 1
    await street.core.handle(Incoming("test", "group-1", "carol", False, IncomingKind.LEFT))
    assert await street.count("street_members") == 0
