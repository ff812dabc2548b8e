"""Pictures and files on Telegram: a weekly chart is a photo (its PNG drawn in the reader's language),
with the words as its caption when they fit; a file is a document; both paced and retried like any
message, and the words still arrive if Telegram won't take the picture."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from bot.charts import counts_in
from handlers.kernel.messages import Attachment, Choice, Outgoing, Person, Quote, SendStatus, ToPerson, WeeklyChart, msg
from handlers.kernel.render import no_translation, read_plural_key
from handlers.organisers import texts as organisers_texts
from tests.telegram.fake_bot_api import FakeBotApi, FakeUser, Fault
from tests.telegram.street import TelegramStreet

WEEKS = tuple(date(2026, 1, 12) + timedelta(weeks=n) for n in range(8))
POLISH = {organisers_texts.CHART_ASKS: "Prośby", organisers_texts.CHART_OFFERS: "Oferty"}


def polish(locale: str, key: str) -> str:
    if locale != "pl":
        return no_translation(locale, key)
    plural = read_plural_key(key)
    if plural is not None and plural[0] == organisers_texts.CHART_TITLE.singular:
        return "{street}: ostatnie {weeks} tygodni"
    return POLISH.get(key, no_translation(locale, key))


def chart() -> WeeklyChart:
    return WeeklyChart(msg(organisers_texts.CHART_TITLE, street="Elm Street", weeks=8), WEEKS, (
        (msg(organisers_texts.CHART_ASKS), (0, 0, 0, 0, 0, 1, 3, 2)),
        (msg(organisers_texts.CHART_OFFERS), (0, 0, 0, 0, 0, 0, 0, 1)),
    ))


def summary_for(user: FakeUser, words: str = "📊 Elm Street — the week of 2 March", **extra: object) -> Outgoing:
    return Outgoing(ToPerson(Person("telegram", str(user.id))), msg("{text}", text=Quote(words)),
                    (Choice(msg(organisers_texts.BUTTON_STOP_DIGEST), "odx:1"),), locale="pl", chart=chart(), **extra)  # type: ignore[arg-type]


async def test_a_chart_is_a_photo_with_the_words_as_its_caption(api: FakeBotApi, tmp_path: Path) -> None:
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", translate=polish)
    try:
        olga = api.user("Olga", started=True)
        result = await street.adapter.notifier.send(summary_for(olga))
        [photo] = api.messages_in(olga)
        assert result.status is SendStatus.SENT and result.ref is not None
        assert result.ref.message_id == str(photo.message_id)
        assert photo.photo is not None and photo.photo.data.startswith(b"\x89PNG\r\n\x1a\n")
        assert photo.text == "📊 Elm Street — the week of 2 March"  # the caption
        assert photo.button("Stop").callback_data == "odx:1"
        shown = counts_in(photo.photo.data)
        assert shown["title"] == "Elm Street: ostatnie 8 tygodni"
        assert shown["series"] == {"Prośby": [0, 0, 0, 0, 0, 1, 3, 2], "Oferty": [0] * 7 + [1]}  # in her language
        assert shown["weeks"][0] == "2026-01-12"
        assert (api.calls("sendPhoto"), api.calls("sendMessage")) == (1, 0)
    finally:
        await street.close()


async def test_words_too_long_for_a_caption_come_after_the_photo(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga = api.user("Olga", started=True)
    result = await tg.adapter.notifier.send(summary_for(olga, "📊 " + "counts and more counts " * 60))
    photo, words = api.messages_in(olga)
    assert photo.photo is not None and photo.text == "" and photo.buttons == []
    assert words.text.startswith("📊 counts and more") and words.button("Stop")
    assert result.ref is not None and result.ref.message_id == str(words.message_id)  # where the buttons are


async def test_a_file_is_a_document(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa", started=True)
    data = json.dumps({"posts": [], "check_in": None}).encode()
    attachment = Attachment("doorstep-rosa.json", "application/json", data)
    result = await tg.adapter.notifier.send(Outgoing(
        ToPerson(Person("telegram", str(rosa.id))), msg("{text}", text=Quote("Everything I keep about you")),
        attachment=attachment,
    ))
    [sent] = api.messages_in(rosa)
    assert result.status is SendStatus.SENT
    assert sent.document is not None and sent.photo is None
    assert (sent.document.filename, sent.document.mime_type, sent.document.data) == (
        "doorstep-rosa.json", "application/json", data)
    assert sent.text == "Everything I keep about you"


async def test_a_picture_telegram_refuses_still_lets_the_words_through(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga = api.user("Olga", started=True)
    api.faults.append(Fault({"sendPhoto"}, status=400, description="Bad Request: IMAGE_PROCESS_FAILED", times=None))
    result = await tg.adapter.notifier.send(summary_for(olga))
    [words] = api.messages_in(olga)
    assert result.status is SendStatus.SENT and words.photo is None
    assert words.text == "📊 Elm Street — the week of 2 March" and words.button("Stop")


async def test_someone_who_never_started_the_bot_gets_no_photo(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga = api.user("Olga")
    result = await tg.adapter.notifier.send(summary_for(olga))
    assert result.status is SendStatus.UNREACHABLE
    assert api.messages_in(olga) == [] and api.calls("sendMessage") == 0


async def test_photos_are_retried_when_telegram_asks_to_wait(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga = api.user("Olga", started=True)
    api.faults.append(Fault({"sendPhoto"}, status=429, description="Too Many Requests: retry after 1",
                            parameters={"retry_after": 1}))
    result = await tg.adapter.notifier.send(summary_for(olga))
    assert result.sent and [m.text for m in api.messages_in(olga)] == ["📊 Elm Street — the week of 2 March"]
    assert api.rate_limited == 1 and tg.adapter.sender.rate_limited == 1
    assert api.calls("sendPhoto") == 2 and api.calls("sendMessage") == 0
