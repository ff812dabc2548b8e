"""A PNG of a PDF's first page, drawn by PDFium (pypdfium2): the preview is the page itself, so what
organisers see in the chat is what prints."""

from __future__ import annotations

import threading
from io import BytesIO

import pypdfium2

DPI = 110  # sharp on a phone, small enough to send as a photo; the QR code reads at this size
_PDFIUM = threading.Lock()  # PDFium is not safe to call from two threads at once


def first_page_png(pdf: bytes, dpi: int = DPI) -> bytes:
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            image = document[0].render(scale=dpi / 72).to_pil()
        finally:
            document.close()
    out = BytesIO()
    image.convert("RGB").save(out, "PNG", optimize=True)
    return out.getvalue()
