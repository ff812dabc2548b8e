"""Pictures and files that go with a message: a weekly chart becomes a photo (its PNG drawn by
bot/charts.py in the reader's language), an attachment a document. The message's words go with the
last of them as its caption when they fit (Telegram allows 1,024 characters there), else after them."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InputFile

from bot.charts import render_weekly_chart
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
    return outgoing.chart is not None or outgoing.attachment is not None


def uploads_for(outgoing: Outgoing, locale: str, translate: Translate) -> list[Upload]:
    uploads = []
    if outgoing.chart is not None:
        png = render_weekly_chart(outgoing.chart, lambda label: render(label, locale, translate=translate))
        uploads.append(Upload("sendPhoto", "photo", CHART_FILENAME, "image/png", png))
    if outgoing.attachment is not None:
        attachment = outgoing.attachment
        uploads.append(Upload("sendDocument", "document", attachment.filename, attachment.mime, attachment.data))
    return uploads
