"""Turns a `Msg` into text. Adapters supply the translation, how to escape text for their markup,
and how to show a person (a mention); the shape of the message stays here, in one place."""

from __future__ import annotations

from typing import Callable, Iterator

from handlers.messages import UNTRANSLATED, Lines, Msg, Param, Person, Quote

Translate = Callable[[str, str], str]  # (locale, message id) -> translated template


def no_translation(locale: str, key: str) -> str:
    return key


def persons_in(message: Msg) -> Iterator[Person]:
    """Everyone a message mentions, so an adapter can look up their names before rendering."""
    for value in message.params.values():
        if isinstance(value, Person):
            yield value
        elif isinstance(value, Msg):
            yield from persons_in(value)
        elif isinstance(value, Lines):
            for item in value.items:
                yield from persons_in(item)


def render(
    message: Msg,
    locale: str,
    *,
    translate: Translate = no_translation,
    escape: Callable[[str], str] = lambda text: text,
    person: Callable[[Person], str] = lambda who: who.name or "",
) -> str:
    def value(param: Param) -> str:
        if isinstance(param, Msg):
            return text_of(param)
        if isinstance(param, Lines):
            return "\n".join(text_of(item) for item in param.items)
        if isinstance(param, Person):
            return person(param)
        if isinstance(param, Quote):
            return escape(param.text)
        return escape(str(param))

    def text_of(current: Msg) -> str:
        template = current.key if current.key in UNTRANSLATED else escape(translate(locale, current.key))
        return template.format_map({name: value(param) for name, param in current.params.items()})

    return text_of(message)
