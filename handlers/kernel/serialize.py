"""Outgoing messages as JSON: the few that must wait in storage (someone not reachable yet), and
every message on its way (the outbox).

Names are never written: a Person is kept as platform and user id only."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from handlers.kernel.domain import Neighbour, Street
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import (
    CardUpdate,
    Choice,
    Destination,
    Lines,
    MessageRef,
    Msg,
    Outgoing,
    Param,
    Person,
    Quote,
    ToPerson,
    ToPresser,
    ToStreet,
    WeeklyChart,
)
from handlers.kernel.texts import SOMEONE


def _param(value: Param) -> Any:
    if isinstance(value, Msg):
        return {"msg": _msg(value)}
    if isinstance(value, Person):
        return {"person": [value.platform, value.user_id]}
    if isinstance(value, Quote):
        return {"quote": value.text}
    if isinstance(value, Lines):
        return {"lines": [_msg(item) for item in value.items]}
    return value


def _msg(message: Msg) -> dict:
    written: dict = {"key": message.key, "params": {name: _param(value) for name, value in message.params.items()}}
    if message.plural is not None:
        written.update(plural=message.plural, count=message.count)
    return written


def _read_param(raw: Any) -> Param:
    if isinstance(raw, dict):
        if "msg" in raw:
            return _read_msg(raw["msg"])
        if "person" in raw:
            return Person(*raw["person"])
        if "quote" in raw:
            return Quote(raw["quote"])
        if "lines" in raw:
            return Lines(tuple(_read_msg(item) for item in raw["lines"]))
    return raw


def _read_msg(raw: dict) -> Msg:
    params = {name: _read_param(value) for name, value in raw["params"].items()}
    return Msg(raw["key"], params, raw.get("plural"), raw.get("count"))


def _chart(chart: WeeklyChart | None) -> dict | None:
    if chart is None:
        return None
    return {
        "title": _msg(chart.title),
        "weeks": [week.isoformat() for week in chart.weeks],
        "series": [[_msg(label), list(counts)] for label, counts in chart.series],
    }


def _read_chart(raw: dict | None) -> WeeklyChart | None:
    if raw is None:
        return None
    return WeeklyChart(
        _read_msg(raw["title"]),
        tuple(date.fromisoformat(week) for week in raw["weeks"]),
        tuple((_read_msg(label), tuple(counts)) for label, counts in raw["series"]),
    )


def encode_private(outgoing: Outgoing) -> str:
    assert isinstance(outgoing.to, ToPerson)
    person = outgoing.to.person
    return json.dumps({
        "to": [person.platform, person.user_id],
        "text": _msg(outgoing.text),
        "choices": [[_msg(c.label), c.payload, c.opens_private] for c in outgoing.choices],
        "locale": outgoing.locale,
        "chart": _chart(outgoing.chart),
    }, ensure_ascii=False)


def decode_private(raw: str) -> Outgoing:
    data = json.loads(raw)
    choices = tuple(Choice(_read_msg(label), payload, opens) for label, payload, opens in data["choices"])
    return Outgoing(
        ToPerson(Person(*data["to"])), _read_msg(data["text"]), choices, locale=data.get("locale"),
        chart=_read_chart(data.get("chart")),
    )


def encode_question(prompt: Msg, choices: tuple[Choice, ...]) -> str:
    """A question as asked: its prompt and its choices (labels and payloads). Anyone mentioned is
    written as "a neighbour", so the row names nobody but the person it was asked of."""
    return json.dumps({
        "prompt": _msg(_nobody_named(prompt)),
        "choices": [[_msg(_nobody_named(c.label)), c.payload] for c in choices],
    }, ensure_ascii=False)


def decode_question(raw: str) -> tuple[Msg, tuple[Choice, ...]]:
    data = json.loads(raw)
    return _read_msg(data["prompt"]), tuple(Choice(_read_msg(label), payload) for label, payload in data["choices"])


def _nobody_named(message: Msg) -> Msg:
    def unnamed(value: Param) -> Param:
        if isinstance(value, Person):
            return Msg(SOMEONE)
        if isinstance(value, Msg):
            return _nobody_named(value)
        if isinstance(value, Lines):
            return Lines(tuple(_nobody_named(item) for item in value.items))
        return value

    return Msg(message.key, {name: unnamed(value) for name, value in message.params.items()}, message.plural, message.count)


def person_marker(platform: str, user_id: str) -> str:
    """How a person appears inside a stored message, to find the messages that mention them."""
    return json.dumps([platform, user_id], ensure_ascii=False)


# --- messages on their way (the outbox) ---
# Everything about a message, so that one left unsent by a crash goes out as it was decided. Names
# are still never written: a mention left over is named by the platform when it is sent.


def _street(street: Street | None) -> list | None:
    return None if street is None else [street.id, street.platform, street.chat_id, street.title]


def _read_street(raw: list | None) -> Street | None:
    return None if raw is None else Street(*raw)


def _choices(choices: tuple[Choice, ...]) -> list:
    return [[_msg(c.label), c.payload, c.opens_private, c.asks_location] for c in choices]


def _read_choices(raw: list) -> tuple[Choice, ...]:
    return tuple(Choice(_read_msg(label), payload, opens, asks) for label, payload, opens, asks in raw)


def _refs(refs: tuple[MessageRef, ...] | None) -> list | None:
    return None if refs is None else [[ref.platform, ref.chat_id, ref.message_id, ref.thread] for ref in refs]


def _read_refs(raw: list | None) -> tuple[MessageRef, ...] | None:
    return None if raw is None else tuple(MessageRef(*ref) for ref in raw)


def _destination(to: Destination) -> dict:
    if isinstance(to, ToStreet):
        return {"street": _street(to.street), "reply_to": to.reply_to, "thread": to.thread, "homed": to.homed}
    if isinstance(to, ToPresser):
        return {"presser": [to.person.platform, to.person.user_id], "ref": to.ref}
    return {"person": [to.person.platform, to.person.user_id]}


def _read_destination(raw: dict) -> Destination:
    if "street" in raw:
        street = _read_street(raw["street"])
        assert street is not None
        return ToStreet(street, raw.get("reply_to"), raw.get("thread"), raw.get("homed", False))
    if "presser" in raw:
        return ToPresser(Person(*raw["presser"]), raw.get("ref"))
    return ToPerson(Person(*raw["person"]))


def _neighbour(neighbour: Neighbour | None) -> list | None:
    if neighbour is None:
        return None
    return [neighbour.id, neighbour.platform, neighbour.user_id, neighbour.reachable, neighbour.language,
            neighbour.language_chosen]


def kept_in_memory_only(effect: Outgoing | CardUpdate) -> bool:
    """A message with a file (someone's own data) or a page to print (with words typed for it alone)
    is never written down, not even on its way: a crash before it goes loses it, and it is asked for again."""
    return isinstance(effect, Outgoing) and (effect.attachment is not None or effect.printable is not None)


def encode_effect(effect: Outgoing | CardUpdate, neighbour: Neighbour | None = None) -> str:
    """A prepared message or card update (with the recipient as the database knew them) as JSON. A
    file or a page to print is never written (see `kept_in_memory_only`)."""
    if isinstance(effect, CardUpdate):
        return json.dumps({
            "card": effect.post_id, "text": _msg(effect.text), "choices": _choices(effect.choices),
            "locale": effect.locale, "nearby_text": _msg(effect.nearby_text) if effect.nearby_text else None,
            "refs": _refs(effect.refs), "nearby_refs": _refs(effect.nearby_refs),
        }, ensure_ascii=False)
    assert not kept_in_memory_only(effect)
    return json.dumps({
        "to": _destination(effect.to), "text": _msg(effect.text), "choices": _choices(effect.choices),
        "card_of": effect.card_of, "locale": effect.locale, "fallback": _street(effect.fallback),
        "fallback_thread": effect.fallback_thread, "receipt": effect.receipt, "hold": effect.hold_if_unreachable,
        "chart": _chart(effect.chart), "neighbour": _neighbour(neighbour),
    }, ensure_ascii=False)


def decode_effect(raw: str) -> tuple[Outgoing | CardUpdate, Neighbour | None]:
    data = json.loads(raw)
    if "card" in data:
        update = CardUpdate(
            data["card"], _read_msg(data["text"]), _read_choices(data["choices"]), data.get("locale"),
            _read_msg(data["nearby_text"]) if data.get("nearby_text") else None,
            _read_refs(data.get("refs")), _read_refs(data.get("nearby_refs")),
        )
        return update, None
    outgoing = Outgoing(
        _read_destination(data["to"]), _read_msg(data["text"]), _read_choices(data["choices"]),
        card_of=data.get("card_of"), locale=data.get("locale"), fallback=_read_street(data.get("fallback")),
        fallback_thread=data.get("fallback_thread"), receipt=data.get("receipt"),
        hold_if_unreachable=data.get("hold", True), chart=_read_chart(data.get("chart")),
    )
    neighbour = data.get("neighbour")
    return outgoing, Neighbour(*neighbour) if neighbour else None


# --- what arrived (the inbox) ---


def encode_incoming(incoming: Incoming) -> str:
    """What someone did, as the adapter made it — without their name (it is never stored)."""
    return json.dumps({
        name: value for name, value in asdict(incoming).items() if name != "user_name" and value is not None
    }, ensure_ascii=False)


def decode_incoming(raw: str) -> Incoming:
    data = json.loads(raw)
    data["kind"] = IncomingKind(data.get("kind", IncomingKind.MESSAGE))
    return Incoming(**data)
