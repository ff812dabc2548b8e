"""A4 pages as PDF, drawn with fpdf2 from the core's description (handlers/kernel/printables.py):
text in DejaVu Sans (embedded, so Polish and Romanian letters print everywhere), the QR code drawn
as vector squares from segno's matrix (sharp at any size, on any printer).

A page never runs onto a second one: when the street's own words are long, everything on it is
drawn again a little smaller until it fits."""

from __future__ import annotations

from typing import Callable

import segno
from fpdf import FPDF, XPos, YPos

from bot.printing.fonts import fonts, printable
from bot.printing.links import PrintLink
from handlers.kernel.messages import Msg
from handlers.kernel.printables import Printable, PrintKind

Say = Callable[[Msg, str], str]  # (message, locale) -> the words, in that language

PAGE_W, PAGE_H = 210.0, 297.0  # A4, in millimetres
MARGIN = 15.0
WIDTH = PAGE_W - 2 * MARGIN
GUTTER = 8.0  # between two languages side by side
INK = (30, 30, 36)
SOFT = (100, 100, 110)
ACCENT = (40, 110, 90)
PT = 0.3528  # millimetres in a point
LEADING = 1.3
SCALES = (1.0, 0.92, 0.85, 0.78, 0.7, 0.62, 0.55)  # tried in turn until the page fits
QR_ERROR = "m"  # recovers from ~15% damage: a fold or a thumbprint
FOOT = PAGE_H - MARGIN - 6  # where the line on privacy goes
TABS = 8
TAB_HEIGHT = 82.0
FAMILY = "DejaVu"


class _Page:
    """One page being laid out at a scale: text blocks, top to bottom, each returning where it ended."""

    def __init__(self, pdf: FPDF, scale: float) -> None:
        self.pdf = pdf
        self.scale = scale

    def text(self, x: float, y: float, width: float, words: str, size: float, *, bold: bool = False,
             colour: tuple[int, int, int] = INK, align: str = "L", one_line: bool = False) -> float:
        """A block of text; `one_line` makes it smaller rather than break it (a link)."""
        words = printable(words)
        if not words:
            return y
        size *= self.scale
        self.pdf.set_font(FAMILY, "B" if bold else "", size)
        while one_line and self.pdf.get_string_width(words) > width - 1 and size > 6:
            size -= 0.5
            self.pdf.set_font(FAMILY, "B" if bold else "", size)
        self.pdf.set_text_color(*colour)
        self.pdf.set_xy(x, y)
        self.pdf.multi_cell(width, size * PT * LEADING, words, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT)
        return self.pdf.get_y()

    def qr(self, x: float, y: float, size: float, url: str) -> None:
        """The QR code in a `size` square, with a quiet border of two modules inside it."""
        matrix = segno.make(url, error=QR_ERROR, micro=False).matrix
        border = 2
        module = size / (len(matrix) + 2 * border)
        self.pdf.set_fill_color(0, 0, 0)
        for row, cells in enumerate(matrix):
            column = 0
            while column < len(cells):
                if not cells[column]:
                    column += 1
                    continue
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                self.pdf.rect(x + (border + start) * module, y + (border + row) * module,
                              (column - start) * module, module, style="F")


def _columns(count: int) -> list[tuple[float, float]]:
    """(x, width) of each language's column."""
    width = (WIDTH - GUTTER * (count - 1)) / count
    return [(MARGIN + index * (width + GUTTER), width) for index in range(count)]


def _both(printable_: Printable, message: Msg, say: Say) -> str:
    """A short line in every language of the page, one after another."""
    return " / ".join(dict.fromkeys(say(message, locale) for locale in printable_.locales))


def _about_the_street(page: _Page, item: Printable, say: Say, y: float, title_size: float) -> float:
    """The title, the intro and the lists, in a column per language; where the longest one ends."""
    ends = []
    for (x, width), locale in zip(_columns(len(item.locales)), item.locales):
        at = page.text(x, y, width, say(item.title, locale), title_size, bold=True, colour=ACCENT)
        at = page.text(x, at + 4 * page.scale, width, say(item.intro, locale), 14)
        for section in item.sections:
            at = page.text(x, at + 6 * page.scale, width, say(section.heading, locale), 15, bold=True)
            for line in section.items:
                at = page.text(x, at + 1.5 * page.scale, width, "•  " + say(line, locale), 14)
        ends.append(at)
    return max(ends)


def _way_in(page: _Page, item: Printable, link: PrintLink, say: Say, y: float, qr_size: float) -> float:
    """The QR code, and beside it what it is for, the link as printed and (where needed) the code."""
    qr_size *= page.scale
    page.qr(MARGIN, y, qr_size, link.url)
    x = MARGIN + qr_size + 6
    width = PAGE_W - MARGIN - x
    at = y + 3
    for index, locale in enumerate(item.locales):
        at = page.text(x, at, width, say(item.scan, locale), 13, bold=index == 0, colour=INK if index == 0 else SOFT)
        at += 2 * page.scale
    at = page.text(x, at + 1, width, link.shown, 13, bold=True, colour=ACCENT, one_line=True)
    if link.needs_code:
        at = page.text(x, at + 2, width, _both(item, item.send_code, say), 13, bold=True)
    return max(at, y + qr_size)


def _front(page: _Page, item: Printable, link: PrintLink, say: Say) -> float:
    """The leaflet's page (or the poster), with a line on privacy at its foot: where the rest ends."""
    poster = item.kind is PrintKind.POSTER
    at = _about_the_street(page, item, say, MARGIN, (28 if poster else 26) if len(item.locales) == 1 else 20)
    at = _way_in(page, item, link, say, at + 10 * page.scale, 72 if poster else 80)
    if item.contact:
        at = page.text(MARGIN, at + 10 * page.scale, WIDTH, _both(item, item.contact_heading, say), 15, bold=True)
        at = page.text(MARGIN, at + 1, WIDTH, item.contact, 18, bold=True, colour=ACCENT)
    page.text(MARGIN, FOOT, WIDTH, _both(item, item.privacy, say), 10, colour=SOFT)
    return at


def _tabs(pdf: FPDF, item: Printable, link: PrintLink, say: Say) -> None:
    """The second page: the way in, large, above a row of tabs to tear off, each with the link."""
    assert item.tab is not None
    page = _Page(pdf, 1.0)
    at = MARGIN
    for index, locale in enumerate(item.locales):
        at = page.text(MARGIN, at, WIDTH, say(item.tab, locale), 22 if index == 0 else 16, bold=True,
                       colour=ACCENT if index == 0 else SOFT, align="C")
    for locale in item.locales:
        at = page.text(MARGIN, at + 3, WIDTH, say(item.scan, locale), 13, align="C")
    tabs_top = PAGE_H - 10 - TAB_HEIGHT
    qr_size = min(100.0, tabs_top - at - (40 if link.needs_code else 28))
    page.qr((PAGE_W - qr_size) / 2, at + 4, qr_size, link.url)
    at = page.text(MARGIN, at + 6 + qr_size, WIDTH, link.shown, 15, bold=True, colour=ACCENT, align="C",
                   one_line=True)
    if link.needs_code:
        page.text(MARGIN, at + 2, WIDTH, _both(item, item.send_code, say), 13, bold=True, align="C")

    tab_width = WIDTH / TABS
    pdf.set_draw_color(*SOFT)
    pdf.set_line_width(0.3)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.line(MARGIN, tabs_top, PAGE_W - MARGIN, tabs_top)
    for index in range(1, TABS):
        pdf.line(MARGIN + index * tab_width, tabs_top, MARGIN + index * tab_width, PAGE_H - 10)
    pdf.set_dash_pattern()
    lines = [(printable(say(item.tab, item.locales[0])), False), (link.shown, True)]
    if link.needs_code:
        lines.append((printable(_both(item, item.send_code, say)), True))
    room = TAB_HEIGHT - 8
    for index in range(TABS):
        x = MARGIN + index * tab_width + 5
        y = PAGE_H - 14
        for number, (words, bold) in enumerate(lines):
            size = 10.0
            pdf.set_font(FAMILY, "B" if bold else "", size)
            while pdf.get_string_width(words) > room and size > 5:
                size -= 0.5
                pdf.set_font(FAMILY, "B" if bold else "", size)
            pdf.set_text_color(*(ACCENT if bold else INK))
            with pdf.rotation(90, x, y):
                pdf.text(x, y + number * 6, words)


def _new_pdf(item: Printable, say: Say) -> FPDF:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    found = fonts()
    pdf.add_font(FAMILY, "", found.regular)
    pdf.add_font(FAMILY, "B", found.bold)
    pdf.set_creator("Doorstep")
    pdf.set_title(printable(say(item.title, item.locales[0])))
    pdf.set_lang(item.locales[0])
    return pdf


def render_pdf(item: Printable, link: PrintLink, say: Say) -> bytes:
    """The leaflet (its page, then the page of tabs) or the poster, as PDF bytes."""
    for scale in SCALES:
        pdf = _new_pdf(item, say)
        pdf.add_page()
        if _front(_Page(pdf, scale), item, link, say) <= FOOT - 4 or scale == SCALES[-1]:
            break
    if item.tab is not None:
        pdf.add_page()
        _tabs(pdf, item, link, say)
    return bytes(pdf.output())
