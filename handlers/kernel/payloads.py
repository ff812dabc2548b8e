"""Buttons as typed values: each kind of button is a small frozen dataclass with a unique code.

    @dataclass(frozen=True)
    class OfferHelp(Payload, code="h"):
        post_id: int

`OfferHelp(12).pack()` is "h:12", the string a platform carries; `OfferHelp.unpack("h:12")` gives the
value back, and None for anything else (another code, a field too many or too few, a field of the
wrong type), so a handler only ever sees well-formed presses. The wire format is the one buttons
have always had (code, then the fields in declared order, separated by ":"), so buttons sent before
an upgrade keep working as long as a kind keeps its code and its fields' order.

Fields are `int` (a non-negative number, like a record id), `str` (letters, digits, "_", ".", "-")
or a `StrEnum` (one of its values). A kind may refuse values in `__post_init__` by raising
ValueError: such a press reads as malformed too."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Callable, ClassVar, Generic, TypeVar, get_type_hints

SEPARATOR = ":"
MAX_BYTES = 64  # Telegram's limit for callback data
MAX_FIELDS = 3
_CODE = re.compile(r"[a-z]{1,3}")
_FIELD = re.compile(r"[A-Za-z0-9_.\-]{1,40}")
_NUMBER = re.compile(r"[0-9]{1,18}")  # fits SQLite's 64-bit integers
_WIRE = re.compile(r"[a-z]{1,3}(?::[A-Za-z0-9_.\-]{1,40}){0,3}")

P = TypeVar("P", bound="Payload")


class PayloadError(ValueError):
    """A kind that can't be a button, or a value a button can't carry: a mistake in the code, found
    when the router is built or the button is made, never at a neighbour's press."""


class DuplicateCode(PayloadError):
    """Two kinds of button registered with one code: a press could not tell them apart."""


@dataclass(frozen=True)
class _Field:
    name: str
    read: Callable[[str], object]  # raises ValueError when the text isn't one
    write: Callable[[object], str]


class Payload:
    """Base of every kind of button (and of every receipt, which uses the same spelling)."""

    code: ClassVar[str]
    # A press that can't be undone (forget me, take a post down, stop check-ins): typed, it needs a
    # plain yes, never a guess (handlers/kernel/answers.py).
    destructive: ClassVar[bool] = False

    def __init_subclass__(cls, *, code: str, destructive: bool = False, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not _CODE.fullmatch(code):
            raise PayloadError(f"{cls.__name__}: a code is one to three lower-case letters, not {code!r}")
        cls.code = code
        cls.destructive = destructive

    def pack(self) -> str:
        """The string a platform carries; raises PayloadError if it can't be a button."""
        raw = SEPARATOR.join([self.code, *(spec.write(getattr(self, spec.name)) for spec in fields_of(type(self)))])
        if len(raw.encode()) > MAX_BYTES or not _WIRE.fullmatch(raw):
            raise PayloadError(f"{type(self).__name__} can't be packed into a button: {raw!r}")
        return raw

    @classmethod
    def unpack(cls: type[P], raw: str) -> P | None:
        """The value `raw` spells, or None if it is not a well-formed button of this kind."""
        if len(raw.encode()) > MAX_BYTES or not _WIRE.fullmatch(raw):
            return None
        code, *texts = raw.split(SEPARATOR)
        specs = fields_of(cls)
        if code != cls.code or len(texts) != len(specs):
            return None
        try:
            return cls(**{spec.name: spec.read(text) for spec, text in zip(specs, texts)})
        except ValueError:
            return None


def code_of(raw: str) -> str | None:
    """The code a well-formed payload starts with (to find its kind), or None."""
    if len(raw.encode()) > MAX_BYTES or not _WIRE.fullmatch(raw):
        return None
    return raw.split(SEPARATOR, 1)[0]


@cache
def fields_of(kind: type[Payload]) -> tuple[_Field, ...]:
    """How each of a kind's fields is spelled, in order; raises PayloadError for a kind that can't
    be a button (not a frozen dataclass, too many fields, a type a button can't carry)."""
    if not dataclasses.is_dataclass(kind) or not kind.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise PayloadError(f"{kind.__name__}: a kind of button is a frozen dataclass")
    declared = dataclasses.fields(kind)
    if len(declared) > MAX_FIELDS:
        raise PayloadError(f"{kind.__name__}: a button carries at most {MAX_FIELDS} fields")
    hints = get_type_hints(kind)
    return tuple(_spelling(kind, field.name, hints[field.name]) for field in declared)


def _spelling(kind: type, name: str, hint: object) -> _Field:
    if hint is int:
        return _Field(name, _read_number, _write_number)
    if hint is str:
        return _Field(name, _read_text, _write_text)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        for member in hint:
            _write_text(member.value)
        return _Field(name, hint, lambda value: _write_text(hint(value).value))
    raise PayloadError(f"{kind.__name__}.{name}: a button's field is an int, a str or a StrEnum, not {hint!r}")


def _read_number(text: str) -> int:
    if not _NUMBER.fullmatch(text):
        raise ValueError(text)
    return int(text)


def _write_number(value: object) -> str:
    if type(value) is not int or not _NUMBER.fullmatch(str(value)):
        raise PayloadError(f"a button's number is a non-negative int, not {value!r}")
    return str(value)


def _read_text(text: str) -> str:
    if not _FIELD.fullmatch(text):
        raise ValueError(text)
    return text


def _write_text(value: object) -> str:
    if not isinstance(value, str) or not _FIELD.fullmatch(value):
        raise PayloadError(f"a button's text is 1 to 40 letters, digits, '_', '.' or '-', not {value!r}")
    return str(value)


@dataclass(frozen=True)
class Registered(Generic[P]):
    kind: type[P]
    handler: Callable


class Kinds:
    """The kinds a router knows, by code: one kind per code, checked as each is added."""

    def __init__(self, what: str) -> None:
        self._what = what  # "button" or "receipt", for the error
        self._by_code: dict[str, Registered] = {}

    def add(self, kind: type[Payload], handler: Callable) -> None:
        fields_of(kind)  # a kind that can't be a button fails here, at start-up
        if (taken := self._by_code.get(kind.code)) is not None:
            raise DuplicateCode(
                f"{self._what} code {kind.code!r} is used by both {taken.kind.__qualname__} and {kind.__qualname__}"
            )
        self._by_code[kind.code] = Registered(kind, handler)

    def read(self, raw: str) -> tuple[Payload, Callable] | None:
        """The typed value `raw` spells and its handler, or None (unknown code, malformed)."""
        code = code_of(raw)
        registered = self._by_code.get(code) if code is not None else None
        value = registered.kind.unpack(raw) if registered is not None else None
        return (value, registered.handler) if value is not None and registered is not None else None

    @property
    def kinds(self) -> list[type[Payload]]:
        return [registered.kind for registered in self._by_code.values()]

    @property
    def codes(self) -> list[str]:
        return sorted(self._by_code)
