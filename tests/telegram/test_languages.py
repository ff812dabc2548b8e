"""Neighbours whose Telegram app is set to Polish or Romanian hear Doorstep in it, through the real
adapter and the real catalogues; the group keeps the street's language."""

from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.i18n import Catalogues
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet


@pytest.fixture
async def tg(api: FakeBotApi, tmp_path: Path) -> AsyncIterator[TelegramStreet]:
    street = await TelegramStreet.open(api, tmp_path / "doorstep.sqlite3", catalogues=Catalogues.load())
    yield street
    await street.close()


async def test_the_apps_language_is_the_one_doorstep_speaks(tg: TelegramStreet, api: FakeBotApi) -> None:
    ania = api.user("Ania", language_code="pl")
    sam = api.user("Sam", language_code="en-GB", started=True)
    elm = api.group("Elm Street", [ania, sam])
    api.dm(ania, "/start")
    assert (await api.next_in(ania, 0)).text.startswith("Dzień dobry! 👋 Jestem Doorstep")
    api.dm(ania, "/help")
    assert (await api.next_in(ania, 1)).text.startswith("👋 Oto, w czym mogę pomóc:")

    api.say(sam, elm, "/offer I can pick up shopping on weekday mornings")
    await api.next_in(elm, 0)
    api.say(ania, elm, "/ask Czy ktoś mógłby jutro rano kupić mleko?")
    card = await api.next_in(elm, 1)
    assert card.text.splitlines()[:2] == ["🙋 Ania could use a hand", "🛒 Shopping · Tuesday 3 March in the morning"]
    told = await api.next_in(sam, 0)
    assert told.text.startswith("🔔 A neighbour could use a hand")
    api.press(sam, told, "I can help")
    question = await api.next_in(ania, 2)
    assert question.text.startswith("🙋 Sam może pomóc w Twojej prośbie: „Czy ktoś mógłby jutro rano kupić mleko?”")
    api.press(ania, question, "Tak — podaj")
    in_touch = await api.next_in(ania, 3)
    assert in_touch.text.startswith("🤝 Ty i Sam jesteście w kontakcie")
    assert (await api.next_in(sam, 1)).text.startswith("🤝 Ania said yes!")


async def test_romanian_too_and_a_choice_outlasts_the_app(tg: TelegramStreet, api: FakeBotApi) -> None:
    maria = api.user("Maria", language_code="ro")
    api.dm(maria, "/help")
    assert (await api.next_in(maria, 0)).text.startswith("👋 Iată ce pot face:")
    api.dm(maria, "/language")
    choose = await api.next_in(maria, 1)
    assert choose.text == "În ce limbă să-ți scriu?"
    api.press(maria, choose, "Polski")
    assert (await api.next_in(maria, 2)).text == "Świetnie — od teraz piszę do Ciebie po polsku."
    api.dm(maria, "/help")  # her app still says Romanian; her own choice stands
    assert (await api.next_in(maria, 3)).text.startswith("👋 Oto, w czym mogę pomóc:")


async def test_command_menus_in_each_language(tg: TelegramStreet, api: FakeBotApi) -> None:
    assert dict(api.commands["all_private_chats"])["ask"] == "Ask your street for a hand"
    assert dict(api.commands["all_private_chats/pl"])["ask"] == "Poproś sąsiadów o pomoc"
    assert dict(api.commands["all_private_chats/ro"])["checkin"] == "Un salut blând în fiecare zi, dacă vrei"
    assert set(dict(api.commands["all_group_chats/pl"])) == {"help", "ask", "offer", "board"}
