"""Where a shared location stops being a location: coordinates become one coarse H3 cell here, at the
adapter's edge, and nothing else of them goes any further. Never store, log or echo the coordinates.

For the adapters:
- Telegram: `located(latitude=message.location.latitude, longitude=message.location.longitude, ...)`.
- Matrix (`m.location`): `located_from_geo_uri(content["geo_uri"], ...)` (or the MSC3488
  `org.matrix.msc3488.location.uri`, which is the same `geo:` form).
- The console: `located_from_text("51.5007,-0.1246", ...)`.

Each returns an `Incoming` of kind LOCATION whose `cell` is None when the coordinates can't be read;
the core answers that kindly. See docs/location.md for why resolution 9."""

from __future__ import annotations

import math
import re
from typing import Any

import h3

from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.nearby.geo import RESOLUTION

_PAIR = re.compile(r"^\s*([+-]?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$")
_GEO_URI = re.compile(r"^geo:([+-]?\d{1,3}(?:\.\d+)?),([+-]?\d{1,3}(?:\.\d+)?)(?:,[^;]*)?(?:;.*)?$", re.IGNORECASE)
_LONGEST_TEXT = 200


class NotALocation(ValueError):
    """Coordinates that can't be a place on Earth (or can't be read). Its message names no numbers."""


def cell_of(latitude: Any, longitude: Any) -> str:
    """The coarse cell a point lies in. Raises NotALocation for anything but real coordinates
    (out of range, not numbers, NaN, or exactly 0,0 — a phone without a fix)."""
    if isinstance(latitude, bool) or isinstance(longitude, bool):
        raise NotALocation("not coordinates")
    try:
        lat, lng = float(latitude), float(longitude)
    except (TypeError, ValueError):
        raise NotALocation("not numbers") from None
    if not (math.isfinite(lat) and math.isfinite(lng)) or not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise NotALocation("out of range")
    if lat == 0 and lng == 0:
        raise NotALocation("no fix")
    try:
        return str(h3.latlng_to_cell(lat, lng, RESOLUTION))
    except (h3.H3BaseException, ValueError):
        raise NotALocation("not a place") from None


def coordinates_from_text(text: str) -> tuple[float, float]:
    """'51.5007,-0.1246' (or '51.5007 -0.1246') as latitude and longitude."""
    match = _PAIR.match(text[:_LONGEST_TEXT]) if isinstance(text, str) else None
    if match is None:
        raise NotALocation("not a latitude,longitude pair")
    return float(match.group(1)), float(match.group(2))


def coordinates_from_geo_uri(uri: str) -> tuple[float, float]:
    """A `geo:` URI (RFC 5870, as Matrix sends): 'geo:51.5008,0.1247;u=35'."""
    match = _GEO_URI.match(uri.strip()[:_LONGEST_TEXT]) if isinstance(uri, str) else None
    if match is None:
        raise NotALocation("not a geo: URI")
    return float(match.group(1)), float(match.group(2))


def cell_or_none(latitude: Any, longitude: Any) -> str | None:
    try:
        return cell_of(latitude, longitude)
    except NotALocation:
        return None


def located(*, latitude: Any, longitude: Any, **fields: Any) -> Incoming:
    """An Incoming for a shared location: only its cell goes in (None if unreadable)."""
    return Incoming(kind=IncomingKind.LOCATION, cell=cell_or_none(latitude, longitude), **fields)


def located_from_geo_uri(uri: str, **fields: Any) -> Incoming:
    try:
        latitude, longitude = coordinates_from_geo_uri(uri)
    except NotALocation:
        return Incoming(kind=IncomingKind.LOCATION, cell=None, **fields)
    return located(latitude=latitude, longitude=longitude, **fields)


def located_from_text(text: str, **fields: Any) -> Incoming:
    try:
        latitude, longitude = coordinates_from_text(text)
    except NotALocation:
        return Incoming(kind=IncomingKind.LOCATION, cell=None, **fields)
    return located(latitude=latitude, longitude=longitude, **fields)
