"""What goes on the street's leaflet and poster (the adapters make the files: bot/printing)."""

from __future__ import annotations

from handlers.kernel.domain import Post, Street
from handlers.kernel.messages import Msg, Quote, as_is, msg
from handlers.kernel.printables import Printable, PrintKind, Section
from handlers.kernel.street_settings import StreetSettings
from handlers.leaflets import codes, texts
from handlers.posts.cards import words
from handlers.posts.categories import CATEGORIES, OTHER, label
from handlers.street.people import street_name

OFFERS_ON_A_POSTER = 12  # what fits on one page in large print
OFFER_WORDS = 90  # characters of each offer's words


def _common(street: Street, code: str) -> dict:
    return dict(
        street_code=code,
        scan=msg(texts.LEAFLET_SCAN),
        send_code=msg(texts.LEAFLET_SEND_CODE, code=codes.shown(code)),
        privacy=msg(texts.LEAFLET_PRIVACY),
        contact_heading=msg(texts.LEAFLET_CONTACT),
    )


def leaflet(street: Street, settings: StreetSettings, code: str, locales: tuple[str, ...],
            contact: str | None) -> Printable:
    """The leaflet: the street's own hello (or the usual words), the kinds of help neighbours swap, the
    QR code, and the organiser's line for neighbours without a smartphone; then a page of tabs."""
    name = street_name(street)
    intro: Msg = as_is(Quote(settings.hello_text)) if settings.hello_text else msg(texts.LEAFLET_INTRO)
    kinds = tuple(msg(label(category.code)) for category in CATEGORIES if category.code != OTHER)
    return Printable(
        PrintKind.LEAFLET, locales=locales,
        title=msg(texts.LEAFLET_TITLE, street=name), intro=intro,
        sections=(Section(msg(texts.LEAFLET_KINDS), kinds),),
        contact=contact or None, tab=msg(texts.LEAFLET_TAB, street=name),
        filename=f"leaflet-{code}", **_common(street, code),
    )


def _offer_line(offer: Post) -> Msg:
    kind = msg(label(offer.category))
    said = words(offer, OFFER_WORDS)
    return kind if said is None else msg(texts.POSTER_OFFER, category=kind, words=said)


def poster(street: Street, settings: StreetSettings, code: str, offers: list[Post]) -> Printable:
    """What's on offer this week: each offer's kind and words, as from "a neighbour" — never who,
    never an ask, nothing past its expiry (the caller passes only offers still open)."""
    lines = tuple(_offer_line(offer) for offer in offers[:OFFERS_ON_A_POSTER])
    return Printable(
        PrintKind.POSTER, locales=(settings.language,),
        title=msg(texts.POSTER_TITLE, street=street_name(street)), intro=msg(texts.POSTER_INTRO),
        sections=(Section(msg(texts.POSTER_OFFERS), lines),),
        filename=f"poster-{code}", **_common(street, code),
    )
