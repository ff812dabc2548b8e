"""A street's leaflet on Matrix, end to end against a real homeserver: the organiser's private room
gets the preview as an encrypted picture and the PDF as an encrypted file; the QR code reads as a
matrix.to link to the bot and the page carries the code to send. A new neighbour who opens a chat
with the bot and sends the code is welcomed in the street's name, and !ask posts in the street's room
as "a neighbour"."""

from __future__ import annotations

import re
from io import BytesIO

import pypdfium2
import zxingcpp
from PIL import Image

from tests.matrix.conftest import StreetOnMatrix, StreetRoom


def _pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return " ".join(document[0].get_textpage().get_text_range().split())
    finally:
        document.close()


async def test_a_new_neighbour_sends_the_leaflets_code_and_asks_as_a_neighbour(
    street: StreetOnMatrix, street_room: StreetRoom,
) -> None:
    bot = await street.bot()
    rosa, nina = await street.neighbour("Rosa"), await street.neighbour("Nina")
    room = await street_room(rosa, bot)  # Rosa made the room: she organises it
    private = await rosa.private_room_with(bot.user_id)

    mark = rosa.mark()
    await rosa.say(private, "!leaflet")
    await rosa.notice(private, contains="Anything for neighbours without a smartphone?", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.say(private, "or knock at number 12")
    await rosa.notice(private, contains="Here's the leaflet for Elm Street", after=mark, sender=bot.user_id)

    def sent(msgtype: str):  # type: ignore[no-untyped-def]
        return rosa.found(mark, private, lambda seen: seen.event.sender == bot.user_id and seen.content.get("msgtype") == msgtype)

    picture = await rosa.until(lambda: sent("m.image"), what="the leaflet's preview")
    document = await rosa.until(lambda: sent("m.file"), what="the leaflet's PDF")
    assert "file" in picture.content and "file" in document.content  # encrypted, as the room is
    assert document.content["info"]["mimetype"] == "application/pdf"
    with Image.open(BytesIO(await rosa.download(picture))) as preview:
        [link] = [found.text for found in zxingcpp.read_barcodes(preview)]
    assert link == f"https://matrix.to/#/{bot.user_id}"
    page = _pdf_text(await rosa.download(document))
    assert f"matrix.to/#/{bot.user_id}" in page and "or knock at number 12" in page
    found = re.search(r"Then send this code: ([a-z0-9]{4}-[a-z0-9]{4})", page)
    assert found is not None

    # Nina follows the link (a chat with the bot, as Element opens one) and sends the code.
    mark = nina.mark()
    nina_private = await nina.open_private_chat(link.rsplit("/", 1)[1])
    await nina.notice(nina_private, contains="I'm Doorstep", after=mark, sender=bot.user_id)
    mark = nina.mark()
    await nina.say(nina_private, found.group(1))
    welcome = await nina.notice(nina_private, contains="Welcome, neighbour — this is Doorstep for Elm Street.",
                                after=mark, sender=bot.user_id)
    assert "!ask" in welcome.body and "Ask for a hand" in welcome.body

    mark, mark_rosa = nina.mark(), rosa.mark()
    await nina.say(nina_private, "!ask could someone post a letter for me tomorrow?")
    await nina.notice(nina_private, contains="as from “a neighbour”", after=mark, sender=bot.user_id)
    card = await rosa.notice(room, contains="could use a hand", after=mark_rosa, sender=bot.user_id)
    assert "Nina" not in card.body and nina.user_id not in card.body and "post a letter" in card.body
