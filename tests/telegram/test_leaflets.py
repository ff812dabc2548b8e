"""A street's leaflet on Telegram, end to end: the organiser gets its preview as a photo and the PDF
as a document; the QR code in the photo reads as the bot's deep link with the street's code, and a
new neighbour following it lands in the street's welcome, where /ask posts on Elm Street as "a
neighbour" — their name nowhere on the card."""

from __future__ import annotations

from io import BytesIO

import zxingcpp
from PIL import Image

from tests.telegram.fake_bot_api import FakeBotApi, FakeChat, FakeMessage, FakeUser
from tests.telegram.street import TelegramStreet


async def said_to(api: FakeBotApi, where: FakeChat | FakeUser, words: str) -> FakeMessage:
    found = await api.until(lambda: [m for m in api.messages_in(where) if words in m.text], what=f"“{words}”")
    return found[-1]


async def test_a_new_neighbour_follows_the_leaflets_qr_code_into_the_street(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, sam, nina = api.user("Olga", started=True), api.user("Sam", started=True), api.user("Nina")
    elm = api.group("Elm Street", [sam], owner=olga)
    api.say(olga, elm, "/board")
    await api.next_in(elm, 0)

    api.dm(olga, "/leaflet")  # one language here, so straight to the line for people without a smartphone
    await said_to(api, olga, "Anything for neighbours without a smartphone?")
    api.dm(olga, "or knock at number 12")
    pdf = await said_to(api, olga, "Here's the leaflet for Elm Street")
    photo = api.messages_in(olga)[-2]
    assert pdf.document is not None and pdf.document.data.startswith(b"%PDF-") and pdf.button("New code")
    assert photo.photo is not None and photo.text == ""  # the preview first; the words are the PDF's caption
    with Image.open(BytesIO(photo.photo.data)) as preview:
        [link] = [found.text for found in zxingcpp.read_barcodes(preview)]
    code = await tg.store.db.fetch_value("SELECT code FROM street_codes")
    assert link == f"https://t.me/{api.username}?start={code}"

    # Nina scans it: Telegram opens a private chat and sends /start <code>.
    api.dm(nina, f"/start {link.split('?start=')[1]}")
    welcome = await said_to(api, nina, "Welcome, neighbour — this is Doorstep for Elm Street.")
    assert welcome.button("Ask for a hand") and welcome.button("Offer something")
    in_group = len(api.messages_in(elm))
    api.dm(nina, "/ask could someone post a letter for me tomorrow?")
    card = await api.next_in(elm, in_group)
    assert "could use a hand" in card.text and "Nina" not in card.text and card.mentions == []
    await said_to(api, nina, "Posted on Elm Street as from “a neighbour”")
