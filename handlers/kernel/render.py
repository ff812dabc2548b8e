"""Turns a `Msg` into text. Adapters supply the translation, how to escape text for their markup,
and how to show a person (a mention); the shape of the message stays here, in one place."""

from __future__ import annotations

from typing import Callable, Iterator

from handlers.kernel.messages import UNTRANSLATED, Lines, Msg, Param, Person, Quote

Translate = Callable[[str, str], str]  # (locale, message id) -> translated template

# A sentence with plural forms is asked for as "singular␀plural␀number": one key, so a translator
# stays a plain (locale, key) -> text function. One that doesn't know plurals hands the key back.
PLURAL_SEPARATOR = "\x00"


def plural_key(singular: str, plural: str, number: int) -> str:
    return PLURAL_SEPARATOR.join((singular, plural, str(number)))


def read_plural_key(key: str) -> tuple[str, str, int] | None:
    parts = key.split(PLURAL_SEPARATOR)
    if len(parts) != 3 or not parts[2].lstrip("-").isdigit():
        return None
    return parts[0], parts[1], int(parts[2])


def in_english(key: str) -> str:
    """The English text for a key: the key itself, or for a plural key the form its number needs."""
    plural = read_plural_key(key)
    if plural is None:
        return key
    singular, many, number = plural
    return singular if number == 1 else many


def no_translation(locale: str, key: str) -> str:
    return in_english(key)


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

    def template_of(current: Msg) -> str:
        if current.key in UNTRANSLATED:
            return current.key
        if current.plural is None or current.count is None:
            return escape(translate(locale, current.key))
        key = plural_key(current.key, current.plural, int(current.params[current.count]))  # type: ignore[arg-type]
        translated = translate(locale, key)
        return escape(in_english(key) if PLURAL_SEPARATOR in translated else translated)

    def text_of(current: Msg) -> str:
        return template_of(current).format_map({name: value(param) for name, param in current.params.items()})

    return text_of(message)
