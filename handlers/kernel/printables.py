"""Pages to print, described by the core and made into files by the adapters (bot/printing): what
goes on the page, in which languages, and the street's code. The link the code travels in is the
platform's own (a Telegram deep link, a matrix.to link and the code to send), so only the adapter
can draw the QR code."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handlers.kernel.messages import Msg


class PrintKind(StrEnum):
    LEAFLET = "leaflet"  # through the doors: a page about the street, and a page of tear-off tabs
    POSTER = "poster"  # for a noticeboard: what's on offer this week


@dataclass(frozen=True)
class Section:
    """A heading and its lines (kinds of help; offers, each as from "a neighbour")."""

    heading: Msg
    items: tuple[Msg, ...]


@dataclass(frozen=True)
class Printable:
    """One page to print (and, for a leaflet, a page of tabs). Every `Msg` is said in each of
    `locales`, side by side when there are two; `contact` is printed as the organiser typed it."""

    kind: PrintKind
    street_code: str  # the street's code (handlers/leaflets/codes.py), carried by the QR code's link
    locales: tuple[str, ...]  # one or two languages
    title: Msg
    intro: Msg
    sections: tuple[Section, ...]
    scan: Msg  # what the QR code is for
    send_code: Msg  # for a link that can't carry the code (Matrix): "then send this code: …"
    privacy: Msg  # a line on what is kept
    contact_heading: Msg  # above the organiser's line for neighbours without a smartphone
    contact: str | None = None  # typed by the organiser for this file only; never stored
    tab: Msg | None = None  # the words on each tear-off tab; None: no page of tabs
    filename: str = "doorstep"  # without an extension: the adapter adds .pdf and .png
