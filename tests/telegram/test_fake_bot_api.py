"""The fake Bot API itself speaks Telegram's protocol, so the adapter tests against it mean something."""

from __future__ import annotations

import asyncio
import json
import time
from io import BytesIO
from typing import Any, AsyncIterator

import pytest
from aiohttp import ClientSession, FormData
from PIL import Image

from tests.telegram.fake_bot_api import FakeBotApi, Fault, FloodLimits, Limit


@pytest.fixture
async def http() -> AsyncIterator[ClientSession]:
    async with ClientSession() as session:
        yield session


async def call(http: ClientSession, api: FakeBotApi, method: str, *, form: bool = False, token: str | None = None,
               **params: Any) -> tuple[int, dict]:
    url = f"{api.base_url}{token or api.token}/{method}"
    if form:
        data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
        async with http.post(url, data=data) as answer:
            return answer.status, await answer.json()
    async with http.post(url, json=params) as answer:
        return answer.status, await answer.json()


async def test_token_and_method_errors_look_like_telegram(http: ClientSession, api: FakeBotApi) -> None:
    assert await call(http, api, "getMe", token="1:wrong") == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
    assert (await call(http, api, "sendPigeon"))[0] == 404
    status, body = await call(http, api, "getMe")
    assert status == 200 and body["result"]["username"] == api.username and body["result"]["is_bot"]


async def test_form_and_json_bodies_and_telegrams_refusals(http: ClientSession, api: FakeBotApi) -> None:
    rosa, sam = api.user("Rosa", started=True), api.user("Sam")
    elm = api.group("Elm Street", [rosa])
    status, body = await call(http, api, "sendMessage", form=True, chat_id=elm.id, text="<b>Hi</b> &amp; bye",
                              parse_mode="HTML", reply_markup={"inline_keyboard": [[{"text": "Go", "callback_data": "h:1"}]]})
    assert status == 200 and body["result"]["text"] == "Hi & bye"
    assert api.messages_in(elm)[0].buttons[0][0].callback_data == "h:1"
    assert (await call(http, api, "sendMessage", chat_id=rosa.id, text="hello"))[0] == 200
    assert await call(http, api, "sendMessage", chat_id=sam.id, text="hello") == (
        403, {"ok": False, "error_code": 403, "description": "Forbidden: bot can't initiate conversation with a user"})
    status, body = await call(http, api, "sendMessage", chat_id=elm.id, text="<b>unclosed", parse_mode="HTML")
    assert status == 400 and body["description"].startswith("Bad Request: can't parse entities")
    status, body = await call(http, api, "sendMessage", chat_id=elm.id, text="x",
                              reply_markup={"inline_keyboard": [[{"text": "Go", "callback_data": "x" * 65}]]})
    assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")
    assert (await call(http, api, "sendMessage", chat_id=elm.id, text="x" * 4097))[1]["description"] == "Bad Request: message is too long"
    message_id = api.messages_in(elm)[0].message_id
    status, body = await call(http, api, "editMessageText", chat_id=elm.id, message_id=message_id, text="<b>Hi</b> &amp; bye",
                              parse_mode="HTML", reply_markup={"inline_keyboard": [[{"text": "Go", "callback_data": "h:1"}]]})
    assert status == 400 and body["description"].startswith("Bad Request: message is not modified")
    status, _ = await call(http, api, "editMessageText", chat_id=elm.id, message_id=message_id, text="Sorted")
    assert status == 200 and api.messages_in(elm)[0].buttons == [] and api.messages_in(elm)[0].edits == ["Hi & bye"]


async def test_long_polling_with_offsets(http: ClientSession, api: FakeBotApi) -> None:
    rosa = api.user("Rosa")
    started = time.monotonic()
    status, body = await call(http, api, "getUpdates", timeout=1)
    assert (status, body["result"]) == (200, []) and time.monotonic() - started >= 0.9
    waiting = asyncio.create_task(call(http, api, "getUpdates", timeout=5))
    await asyncio.sleep(0.1)
    api.dm(rosa, "/start")
    status, body = await asyncio.wait_for(waiting, 2)
    [update] = body["result"]
    assert update["message"]["text"] == "/start"
    assert (await call(http, api, "getUpdates"))[1]["result"] == [update]  # not confirmed yet
    assert (await call(http, api, "getUpdates", offset=update["update_id"] + 1))[1]["result"] == []


async def test_a_second_poller_ends_the_first(http: ClientSession, api: FakeBotApi) -> None:
    first = asyncio.create_task(call(http, api, "getUpdates", timeout=5))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(call(http, api, "getUpdates", timeout=0))
    status, body = await asyncio.wait_for(first, 2)
    assert status == 409 and "terminated by other getUpdates request" in body["description"]
    assert (await second)[0] == 200


async def test_flood_limits_answer_429_with_retry_after(http: ClientSession) -> None:
    async with FakeBotApi(limits=FloodLimits(overall=None, group=Limit(2, 60.0), private=None)) as api:
        elm = api.group("Elm Street")
        for _ in range(2):
            assert (await call(http, api, "sendMessage", chat_id=elm.id, text="hi"))[0] == 200
        status, body = await call(http, api, "sendMessage", chat_id=elm.id, text="hi")
        assert status == 429 and body["parameters"]["retry_after"] in (59, 60) and api.rate_limited == 1


async def test_injected_faults(http: ClientSession, api: FakeBotApi) -> None:
    api.faults.append(Fault({"getMe"}, status=502, description="Bad Gateway", times=2))
    assert [(await call(http, api, "getMe"))[0] for _ in range(3)] == [502, 502, 200]
    api.faults.append(Fault(None, status=None, delay=0.3, times=1))
    started = time.monotonic()
    assert (await call(http, api, "getMe"))[0] == 200 and time.monotonic() - started >= 0.3


async def test_callback_queries_take_one_answer(http: ClientSession, api: FakeBotApi) -> None:
    rosa = api.user("Rosa")
    elm = api.group("Elm Street", [rosa])
    await call(http, api, "sendMessage", chat_id=elm.id, text="card",
               reply_markup={"inline_keyboard": [[{"text": "🙋 I can help", "callback_data": "h:1"}]]})
    query = api.press(rosa, api.messages_in(elm)[0], "I can help")
    assert (await call(http, api, "answerCallbackQuery", callback_query_id=query, text="Thanks"))[0] == 200
    status, body = await call(http, api, "answerCallbackQuery", callback_query_id=query)
    assert status == 400 and "query is too old" in body["description"]
    assert len(api.answers(query)) == 2  # both recorded, so a test can insist on exactly one


async def upload(http: ClientSession, api: FakeBotApi, method: str, field: str, data: bytes, filename: str,
                 **params: Any) -> tuple[int, dict]:
    """A multipart upload, the way Bot API clients send files."""
    form = FormData()
    for key, value in params.items():
        form.add_field(key, value if isinstance(value, str) else json.dumps(value))
    form.add_field(field, data, filename=filename, content_type="application/octet-stream")
    async with http.post(f"{api.base_url}{api.token}/{method}", data=form) as answer:
        return answer.status, await answer.json()


async def test_photos_and_documents_are_uploaded_and_checked(http: ClientSession, api: FakeBotApi) -> None:
    rosa = api.user("Rosa", started=True)
    picture = BytesIO()
    Image.new("RGB", (40, 20), (255, 255, 255)).save(picture, "PNG")
    status, body = await upload(http, api, "sendPhoto", "photo", picture.getvalue(), "chart.png",
                                chat_id=str(rosa.id), caption="<b>Counts</b>", parse_mode="HTML")
    assert status == 200 and body["result"]["caption"] == "Counts"
    assert [size["width"] for size in body["result"]["photo"]] == [90, 40]
    assert api.messages_in(rosa)[0].photo.data == picture.getvalue()  # type: ignore[union-attr]
    assert (await upload(http, api, "sendPhoto", "photo", b"not a picture", "x.png", chat_id=str(rosa.id)))[1][
        "description"] == "Bad Request: IMAGE_PROCESS_FAILED"
    too_long = await upload(http, api, "sendPhoto", "photo", picture.getvalue(), "chart.png", chat_id=str(rosa.id),
                            caption="x" * 1025)
    assert too_long == (400, {"ok": False, "error_code": 400, "description": "Bad Request: message caption is too long"})
    assert (await call(http, api, "sendPhoto", chat_id=rosa.id))[1]["description"] == \
        "Bad Request: there is no photo in the request"
    status, body = await upload(http, api, "sendDocument", "document", b'{"a": 1}', "mine.json", chat_id=str(rosa.id))
    assert status == 200 and body["result"]["document"]["file_name"] == "mine.json"
    assert (await upload(http, api, "sendDocument", "document", b"", "empty.txt", chat_id=str(rosa.id)))[1][
        "description"] == "Bad Request: file must be non-empty"


async def test_a_reply_keyboard_stays_until_removed_and_its_message_cannot_be_edited(
    http: ClientSession, api: FakeBotApi,
) -> None:
    rosa = api.user("Rosa", started=True)
    keyboard = {"keyboard": [[{"text": "📍 Share", "request_location": True}]], "one_time_keyboard": True}
    status, body = await call(http, api, "sendMessage", chat_id=rosa.id, text="Where?", reply_markup=keyboard)
    assert status == 200 and api.private_chat(rosa).keyboard is not None
    edit = await call(http, api, "editMessageText", chat_id=rosa.id, message_id=body["result"]["message_id"], text="!")
    assert edit == (400, {"ok": False, "error_code": 400, "description": "Bad Request: message can't be edited"})
    await call(http, api, "sendMessage", chat_id=rosa.id, text="Thanks", reply_markup={"remove_keyboard": True})
    assert api.private_chat(rosa).keyboard is None
