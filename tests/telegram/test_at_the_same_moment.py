"""Two neighbours tap "I can help" on the same card at the same moment — two real callback queries in
one batch of updates — and the asker taps yes to both at once: exactly one becomes the helper, the
other is told kindly, every tap is answered, and the card ends up sorted once."""

from __future__ import annotations

from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet


async def test_two_helpers_and_two_yeses_at_once(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam, joe = (api.user(name, started=True) for name in ("Rosa", "Sam", "Joe"))
    elm = api.group("Elm Street", [rosa, sam, joe])
    api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
    card = await api.next_in(elm, 0)

    taps = [api.press(sam, card, "I can help"), api.press(joe, card, "I can help")]  # queued together
    for tap in taps:
        assert (await api.answered(tap))["text"].startswith("Thank you! 💛")
    questions = await api.until(lambda: len(api.messages_in(rosa)) >= 2 and api.messages_in(rosa)[:2],
                                what="Rosa hearing of both")
    yeses = [api.press(rosa, question, "share my username") for question in questions]  # queued together
    for yes in yeses:
        await api.answered(yes)
    await api.until(lambda: card.text.startswith("✅ Sorted"), what="the card to show it's sorted")

    in_touch = await api.until(lambda: [m for who in (sam, joe) for m in api.messages_in(who) if "said yes" in m.text],
                               what="the helper hearing yes")
    others = await api.until(lambda: [m for who in (sam, joe) for m in api.messages_in(who) if "someone else" in m.text],
                             what="the other hearing kindly")
    assert len(in_touch) == 1 and len(others) == 1 and in_touch[0].chat_id != others[0].chat_id
    assert await tg.count("responses", "status = 'confirmed'") == 1
    assert [m.text for m in api.messages_in(rosa) if "went wrong" in m.text] == []
    assert all(len(api.answers(tap)) == 1 for tap in taps + yeses)
