"""Pictures and files on Matrix: the weekly summary's chart as an `m.image`, a page to print as an
`m.image` of its first page and the PDF as an `m.file` (bot/printing, its QR code holding a matrix.to
link to the bot), any other file as an `m.file`. The bytes go to the homeserver's media store first; in an encrypted room they are
encrypted before they leave, and the key travels inside the (encrypted) message, as `file`."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING, Any, Callable

from PIL import Image

from bot import printing
from bot.charts import render_weekly_chart
from bot.matrix.sender import Uploaded
from bot.printing import links
from handlers.kernel.messages import Attachment, Msg, WeeklyChart
from handlers.kernel.printables import Printable

if TYPE_CHECKING:
    from bot.printing.pages import Say

CHART_FILENAME = "weekly-summary.png"


@dataclass(frozen=True)
class MediaFile:
    msgtype: str  # m.image or m.file
    body: str  # what clients show with it: a caption, or the file's name
    filename: str
    mime: str
    data: bytes
    size: tuple[int, int] | None = None  # a picture's width and height

    def content(self, uploaded: Uploaded) -> dict[str, Any]:
        """The `m.room.message` that shows the uploaded file."""
        info: dict[str, Any] = {"mimetype": self.mime, "size": len(self.data)}
        if self.size is not None:
            info["w"], info["h"] = self.size
        content: dict[str, Any] = {"msgtype": self.msgtype, "body": self.body, "filename": self.filename, "info": info}
        if uploaded.decryption is None:
            content["url"] = uploaded.url
        else:
            content["file"] = {**uploaded.decryption, "url": uploaded.url, "mimetype": self.mime}
        return content


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(BytesIO(png)) as image:
        return image.size


def chart_file(chart: WeeklyChart, say: Callable[[Msg], str]) -> MediaFile:
    """The chart drawn in the reader's language (`say`), captioned with its title."""
    png = render_weekly_chart(chart, say)
    return MediaFile("m.image", say(chart.title), CHART_FILENAME, "image/png", png, _size(png))


def printed_files(item: Printable, bot_user_id: str, say: Say) -> list[MediaFile]:
    """The page's preview, then the PDF to print."""
    printed = printing.print_out(item, links.matrix(bot_user_id), say)
    return [
        MediaFile("m.image", printed.png_filename, printed.png_filename, printing.PNG, printed.png, _size(printed.png)),
        MediaFile("m.file", printed.pdf_filename, printed.pdf_filename, printing.PDF, printed.pdf),
    ]


def attachment_file(attachment: Attachment) -> MediaFile:
    return MediaFile("m.file", attachment.filename, attachment.filename, attachment.mime, attachment.data)
