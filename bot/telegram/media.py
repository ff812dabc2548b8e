"""Pictures and files that go with a message: a weekly chart becomes a photo (its PNG drawn by
bot/charts.py in the reader's language), an attachment a document, a page to print a photo of its
first page and the PDF as a document (bot/printing, its QR code holding the bot's deep link). The
message's words go with the last of them as its caption when they fit (Telegram allows 1,024
characters there), else after them."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InputFile

from bot import printing
from bot.charts import render_weekly_chart, worth_drawing
from bot.printing import links
from handlers.kernel.messages import Outgoing
from handlers.kernel.render import Translate, render

MAX_CAPTION = 1024  # characters, after entities are parsed
CHART_FILENAME = "summary.png"


@dataclass(frozen=True)
class Upload:
    method: str  # the Bot API method: sendPhoto or sendDocument
    field: str  # the parameter the file goes in
    filename: str
    mime: str
    data: bytes

    def input_file(self) -> InputFile:
        """A fresh file for each try (a retry sends it again)."""
        upload = InputFile(self.data, filename=self.filename)
        upload.mimetype = self.mime
        return upload


def has_uploads(outgoing: Outgoing) -> bool:
    return worth_drawing(outgoing.chart) or outgoing.attachment is not None or outgoing.printable is not None


def uploads_for(outgoing: Outgoing, locale: str, translate: Translate, bot_username: str) -> list[Upload]:
    uploads = []
    if outgoing.chart is not None and worth_drawing(outgoing.chart):
        png = render_weekly_chart(outgoing.chart, lambda label: render(label, locale, translate=translate))
        uploads.append(Upload("sendPhoto", "photo", CHART_FILENAME, "image/png", png))
    if outgoing.attachment is not None:
        attachment = outgoing.attachment
        uploads.append(Upload("sendDocument", "document", attachment.filename, attachment.mime, attachment.data))
    if outgoing.printable is not None:
        link = links.telegram(bot_username, outgoing.printable.street_code)
        printed = printing.print_out(outgoing.printable, link, lambda text, language: render(text, language, translate=translate))
        uploads.append(Upload("sendPhoto", "photo", printed.png_filename, printing.PNG, printed.png))
        uploads.append(Upload("sendDocument", "document", printed.pdf_filename, printing.PDF, printed.pdf))
    return uploads
