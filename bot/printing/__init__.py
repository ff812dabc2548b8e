"""Pages to print, made from the core's description (handlers/kernel/printables.py): a PDF to print
and a PNG preview of its first page, with the QR code holding the platform's link to the street.
Shared by every adapter that sends files.

    links.py     the link a street's code travels in, per platform
    fonts.py     DejaVu Sans, found on the system, and what it can't draw left out
    pages.py     the A4 pages (fpdf2) and the QR code (segno)
    preview.py   the first page as a PNG (pypdfium2)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.printing.links import PrintLink
from handlers.kernel.printables import Printable

if TYPE_CHECKING:
    from bot.printing.pages import Say

PDF, PNG = "application/pdf", "image/png"


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    png: bytes  # the first page
    name: str  # the file's name, without an extension

    @property
    def pdf_filename(self) -> str:
        return f"{self.name}.pdf"

    @property
    def png_filename(self) -> str:
        return f"{self.name}.png"


def print_out(item: Printable, link: PrintLink, say: Say) -> Printed:
    """The PDF and its preview; `say(message, locale)` puts the core's words in each language."""
    # Loaded when a page is first printed, not at start: fpdf2 and pdfium cost a bot that never
    # prints a leaflet a tenth of a second and tens of MiB.
    from bot.printing.pages import render_pdf
    from bot.printing.preview import first_page_png

    pdf = render_pdf(item, link, say)
    return Printed(pdf, first_page_png(pdf), item.filename)
