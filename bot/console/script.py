"""Reading the console street's lines: who says what, where, and the few `:` commands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

_NAME = r"(?P<name>[^\W\d_][\w'-]{0,30})"
_PRIVATE = re.compile(rf"^{_NAME}\s*\((?:private|privately|dm)\)\s*:\s?(?P<text>.*)$", re.IGNORECASE)
_GROUP = re.compile(rf"^{_NAME}\s*:\s?(?P<text>.*)$")
_REPLY = re.compile(rf"^{_NAME}\s+(?:replies|reply)\s+to\s+#?(?P<number>\d{{1,9}})\s*:\s?(?P<text>.*)$", re.IGNORECASE)
_PRESS = re.compile(rf"^{_NAME}\s+(?:presses|taps|press|tap)\s+(?P<what>.+)$", re.IGNORECASE)
_JOIN = re.compile(rf"^{_NAME}\s+(?P<what>joins|leaves)$", re.IGNORECASE)
_FORWARD = re.compile(rf"^{_NAME}\s+forwards?\s+(?:it\s+|that\s+)?to\s+(?P<to>[^\W\d_][\w'-]{{0,30}})$", re.IGNORECASE)
_SHARE = re.compile(
    rf"^{_NAME}(?P<private>\s*\((?:private|privately|dm)\))?\s+(?:shares|shared)(?:\s+(?:a\s+)?location)?\s+(?P<where>.+)$",
    re.IGNORECASE,
)
_LOCATION_CONTROL = re.compile(rf"^:location\s+{_NAME}\s+(?P<where>.+)$", re.IGNORECASE)
_COLON = re.compile(r"^:(?P<command>[a-z]+)\s*(?P<arg>.*)$", re.IGNORECASE)
_DURATION = re.compile(r"(\d+)\s*(w|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?)\b", re.IGNORECASE)
_UNITS = {"w": timedelta(weeks=1), "d": timedelta(days=1), "h": timedelta(hours=1), "m": timedelta(minutes=1)}


@dataclass(frozen=True)
class Say:
    name: str
    text: str
    private: bool
    reply_to: str | None = None  # the number of the bot's message replied to (in the group)


@dataclass(frozen=True)
class Press:
    name: str
    what: str  # a button's number or (part of) its label


@dataclass(frozen=True)
class Membership:
    name: str
    joined: bool


@dataclass(frozen=True)
class Forward:
    """Forward the newest private message that has a link button (like an invitation) to someone."""

    name: str
    to: str


@dataclass(frozen=True)
class Share:
    """A location shared as a pin: `where` is "lat,lon", turned into a cell before the core sees it."""

    name: str
    where: str
    private: bool

    def __repr__(self) -> str:  # never print the coordinates, even while debugging
        return f"Share(name={self.name!r}, private={self.private})"


@dataclass(frozen=True)
class Control:
    command: str
    arg: str


@dataclass(frozen=True)
class Blank:
    pass


Line = Say | Press | Membership | Forward | Share | Control | Blank


def parse_line(raw: str) -> Line | None:
    """One line of a console script; None when it can't be read."""
    line = raw.strip()
    if not line or line.startswith("#"):
        return Blank()
    if match := _LOCATION_CONTROL.match(line):
        return Share(match.group("name"), match.group("where").strip(), private=True)
    if match := _SHARE.match(line):
        return Share(match.group("name"), match.group("where").strip(), private=bool(match.group("private")))
    if match := _COLON.match(line):
        return Control(match.group("command").lower(), match.group("arg").strip())
    if match := _PRIVATE.match(line):
        return Say(match.group("name"), match.group("text"), private=True)
    if match := _REPLY.match(line):
        return Say(match.group("name"), match.group("text"), private=False, reply_to=match.group("number"))
    if match := _PRESS.match(line):
        return Press(match.group("name"), match.group("what").strip())
    if match := _JOIN.match(line):
        return Membership(match.group("name"), match.group("what").lower() == "joins")
    if match := _FORWARD.match(line):
        return Forward(match.group("name"), match.group("to"))
    if match := _GROUP.match(line):
        return Say(match.group("name"), match.group("text"), private=False)
    return None


def parse_duration(text: str) -> timedelta | None:
    """'2h', '3 days', '1d 4h', '90 minutes' -> timedelta; None if nothing in it reads as time."""
    found = _DURATION.findall(text)
    if not found or _DURATION.sub("", text).strip(" ,and"):
        return None
    return sum((int(amount) * _UNITS[unit[0].lower()] for amount, unit in found), timedelta())


def echo(raw: str) -> str:
    """A script line as it may be shown back: a location share without its coordinates."""
    line = parse_line(raw)
    if isinstance(line, Share):
        return f"{line.name}{' (private)' if line.private else ''} shares a location"
    return raw.rstrip()
