"""Outgoing messages as JSON, for the few that must wait in storage (someone not reachable yet).

Names are never written: a Person is kept as platform and user id only."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from handlers.kernel.messages import Choice, Lines, Msg, Outgoing, Param, Person, Quote, ToPerson, WeeklyChart
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
