"""Printed leaflets and posters (bot/printing): the PDF opens and its first page renders, its text
holds the street's name and link with Polish and Romanian letters intact, and the QR code in the PNG
preview reads back as the street's link — on Telegram a deep link with the code, on Matrix a
matrix.to link with the code printed to send."""

from __future__ import annotations

from datetime import datetime, timezone
from io import BytesIO

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from bot.i18n import Catalogues
from bot.printing import Printed, links, print_out
from handlers.kernel.domain import Post, PostKind, PostStatus, Street, When
from handlers.kernel.render import render
from handlers.kernel.settings import CoreSettings
from handlers.kernel.street_settings import defaults
from handlers.leaflets import pages

CATALOGUES = Catalogues.load()
CODE = "k7mq2xwp"
SETTINGS = defaults(CoreSettings())
NOW = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def say(text, language: str) -> str:  # type: ignore[no-untyped-def]
    return render(text, language, translate=CATALOGUES.translate)


def _leaflet(title: str, locales: tuple[str, ...], link: links.PrintLink, contact: str | None = None,
             hello: str = "") -> Printed:
    settings = SETTINGS if not hello else SETTINGS.__class__(**{**vars(SETTINGS), "hello_text": hello})
    return print_out(pages.leaflet(Street(1, "telegram", "-100", title), settings, CODE, locales, contact), link, say)


def _text_of(pdf: bytes, page: int = 0) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return " ".join(document[page].get_textpage().get_text_range().split())
    finally:
        document.close()


def _pages(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _qr_codes(png: bytes) -> list[str]:
    with Image.open(BytesIO(png)) as image:
        return [found.text for found in zxingcpp.read_barcodes(image)]


def _ink(image: Image.Image) -> float:
    """How much of a page is printed on (not white)."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:200]) / sum(histogram)


TELEGRAM = links.telegram("ElmStreetDoorstepBot", CODE)


@pytest.mark.parametrize(("language", "street", "expected"), [
    ("en", "Elm Street", ["Elm Street: neighbours helping neighbours", "What neighbours swap here", "Shopping",
                          "Scan the code with your phone's camera"]),
    ("pl", "Ulica Źródlana", ["Ulica Źródlana: sąsiedzi pomagają sąsiadom", "W czym sobie tu pomagamy", "Zakupy",
                              "Zeskanuj kod aparatem telefonu", "Nie masz smartfona?", "zapukaj pod numer 12 — Łucja"]),
    ("ro", "Strada Ștefan cel Mare", ["Strada Ștefan cel Mare: vecini care se ajută între ei", "La ce ne ajutăm aici",
                                      "Cumpărături", "Scanează codul cu camera telefonului", "Nu ai smartphone?"]),
])
def test_a_leaflet_opens_with_the_streets_name_and_link_in_its_language(language: str, street: str,
                                                                         expected: list[str]) -> None:
    printed = _leaflet(street, (language,), TELEGRAM, contact="albo zapukaj pod numer 12 — Łucja")
    assert printed.pdf.startswith(b"%PDF-") and _pages(printed.pdf) == 2  # the page, and the tabs
    first = _text_of(printed.pdf)
    for words in expected:
        assert words in first, (words, first)
    assert "t.me/ElmStreetDoorstepBot?start=k7mq2xwp" in first
    assert "🛒" not in first  # emoji are for chats; the font has no colour pictures
    # The first page, drawn, is a page with things on it — and the preview is that page.
    document = pypdfium2.PdfDocument(printed.pdf)
    try:
        drawn = document[0].render(scale=0.5).to_pil()
    finally:
        document.close()
    assert 0.02 < _ink(drawn) < 0.5
    with Image.open(BytesIO(printed.png)) as preview:
        assert preview.format == "PNG" and preview.width < preview.height
    assert _qr_codes(printed.png) == [TELEGRAM.url]


def test_two_languages_side_by_side_and_the_tabs() -> None:
    printed = _leaflet("Ulica Źródlana", ("pl", "ro"), TELEGRAM)
    first = _text_of(printed.pdf)
    assert "Ulica Źródlana: sąsiedzi pomagają sąsiadom" in first
    assert "Ulica Źródlana: vecini care se ajută între ei" in first
    tabs = _text_of(printed.pdf, 1)
    assert tabs.count("t.me/ElmStreetDoorstepBot?start=k7mq2xwp") == 1 + 8  # under the big code, and on each tab
    assert tabs.count("Pomoc sąsiedzka: Ulica Źródlana") == 1 + 8


def test_on_matrix_the_code_is_printed_to_send() -> None:
    matrix = links.matrix("@doorstep:example.org")
    printed = _leaflet("Elm Street", ("en",), matrix)
    assert _qr_codes(printed.png) == ["https://matrix.to/#/@doorstep:example.org"]
    first = _text_of(printed.pdf)
    assert "matrix.to/#/@doorstep:example.org" in first and "Then send this code: k7mq-2xwp" in first
    assert _text_of(printed.pdf, 1).count("k7mq-2xwp") == 1 + 8


def test_a_long_hello_still_fits_on_its_page() -> None:
    hello = "Witajcie sąsiedzi! " * 26  # the longest hello a street may set, near enough
    printed = _leaflet("Ulica Źródlana", ("pl", "ro"), TELEGRAM, contact="albo zapukaj pod numer 12", hello=hello)
    assert _pages(printed.pdf) == 2
    first = _text_of(printed.pdf)
    assert "albo zapukaj pod numer 12" in first and "Doorstep nie zapisuje imion" in first
    assert _qr_codes(printed.png) == [TELEGRAM.url]


def test_a_poster_is_one_page_of_offers_from_a_neighbour() -> None:
    offers = [
        Post(index, 1, 5, PostKind.OFFER, category, When(), words, False, PostStatus.OPEN, NOW, NOW)
        for index, (category, words) in enumerate([
            ("meals", "zupa w niedziele dla każdego, kto ma ochotę"), ("lending", "drabina i wiertarka do pożyczenia"),
        ], start=1)
    ]
    settings = SETTINGS.__class__(**{**vars(SETTINGS), "language": "pl"})
    poster = pages.poster(Street(1, "telegram", "-100", "Ulica Źródlana"), settings, CODE, offers)
    printed = print_out(poster, TELEGRAM, say)
    assert _pages(printed.pdf) == 1
    text = _text_of(printed.pdf)
    assert "Do wzięcia w tym tygodniu: Ulica Źródlana" in text and "Proponuje ktoś z sąsiadów" in text
    assert "Posiłki i gotowanie: „zupa w niedziele dla każdego, kto ma ochotę”" in text
    assert _qr_codes(printed.png) == [TELEGRAM.url]
