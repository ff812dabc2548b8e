"""A location shared on Matrix, read straight from the event's content (nio has no class for it) and
made a coarse cell at once (`bot.location`): an `m.location` message carries a `geo_uri`, and MSC3488
the same `geo:` URI as `m.location` / `org.matrix.msc3488.location` `{"uri": …}`. The coordinates go no
further than this module: never stored, logged or echoed."""

from __future__ import annotations

from typing import Any

from bot.location import NotALocation, cell_or_none, coordinates_from_geo_uri

LOCATION_MSGTYPE = "m.location"
# Event types a location may arrive as on its own (MSC3488's extensible-event form), besides
# `m.room.message` with msgtype m.location.
LOCATION_EVENT_TYPES = ("m.location", "org.matrix.msc3488.location")
_URI_BLOCKS = ("m.location", "org.matrix.msc3488.location")


def is_location(event_type: str, content: dict[str, Any]) -> bool:
    if event_type == "m.room.message":
        return content.get("msgtype") == LOCATION_MSGTYPE
    return event_type in LOCATION_EVENT_TYPES


def geo_uri(content: dict[str, Any]) -> str | None:
    """The `geo:` URI of a location event: MSC3488's block if there is one, else `geo_uri`."""
    for key in _URI_BLOCKS:
        block = content.get(key)
        if isinstance(block, dict) and isinstance(block.get("uri"), str):
            return block["uri"]
    uri = content.get("geo_uri")
    return uri if isinstance(uri, str) else None


def cell_of(content: dict[str, Any]) -> str | None:
    """The coarse cell a shared location lies in; None if it can't be read as a place."""
    uri = geo_uri(content)
    if uri is None:
        return None
    try:
        return cell_or_none(*coordinates_from_geo_uri(uri))
    except NotALocation:
        return None
