"""Doorstep's messages as Matrix shows them: an `m.notice` with a plain body and HTML, people as
mention pills, commands with the `!` prefix, choices listed with the reaction for each, and, where
the core offers a "share my location" button, how to share a pin instead."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from bot.matrix import texts as matrix_texts
from bot.matrix.choices import KEYCAPS, assign_keys, prompt_choices
from bot.matrix.threads import in_thread
from handlers.kernel.messages import Choice, Msg, Person, msg
from handlers.kernel.render import Translate, no_translation, persons_in, render
from storage.repositories.matrix_prompts import PromptChoice

HTML_FORMAT = "org.matrix.custom.html"
# "/ask" in a sentence, not inside a word or a link; or a command on its own (a parameter).
_COMMAND_IN_TEXT = re.compile(r"(?<![\w/:.])/([a-z][a-z0-9_]*)\b")
_COMMAND_ALONE = re.compile(r"/([A-Za-z][A-Za-z0-9_]{0,31})")


def localpart(user_id: str) -> str:
    return user_id[1:].split(":", 1)[0] if user_id.startswith("@") else user_id


def pill(user_id: str, name: str) -> str:
    return f'<a href="https://matrix.to/#/{html.escape(user_id)}">{html.escape(name, quote=False)}</a>'


def without_leading_emoji(label: str) -> str:
    """"🙋 I can help" -> "I can help": the reaction shown in front takes the emoji's place."""
    for index, ch in enumerate(label):
        if unicodedata.category(ch)[0] in "LN" or ch in "“\"'(":
            return label[index:].strip()
    return label.strip()


@dataclass(frozen=True)
class Composed:
    """An `m.notice` ready to send, and its choices as they'll be remembered."""

    content: dict[str, Any]
    choices: tuple[PromptChoice, ...]

    @property
    def keys(self) -> list[str]:
        return [choice.key for choice in self.choices if choice.key is not None]


class Markup:
    def __init__(self, translate: Translate = no_translation) -> None:
        self._translate = translate
        self._is_command: Callable[[str], bool] = lambda name: False

    def know_commands(self, is_command: Callable[[str], bool]) -> None:
        """Which words are commands, so "/ask" in a sentence is shown as "!ask"."""
        self._is_command = is_command

    def people(self, message: Msg, choices: Sequence[Choice] = ()) -> list[Person]:
        found = list(persons_in(message))
        for choice in choices:
            found.extend(persons_in(choice.label))
        return found

    def _template(self, locale: str, key: str) -> str:
        def to_bang(match: re.Match[str]) -> str:
            return f"!{match.group(1)}" if self._is_command(match.group(1)) else match.group(0)

        return _COMMAND_IN_TEXT.sub(to_bang, self._translate(locale, key))

    @staticmethod
    def _value(text: str) -> str:
        """A parameter as shown: a command named on its own ("/frobnicate") gets Matrix's prefix."""
        return f"!{text[1:]}" if _COMMAND_ALONE.fullmatch(text) else text

    def _name(self, names: Mapping[str, str], who: Person) -> str:
        return names.get(who.user_id) or who.name or localpart(who.user_id)

    def plain(self, message: Msg, locale: str, names: Mapping[str, str]) -> str:
        return render(message, locale, translate=self._template, escape=self._value, person=lambda who: self._name(names, who))

    def html(self, message: Msg, locale: str, names: Mapping[str, str]) -> str:
        text = render(
            message, locale, translate=self._template, escape=lambda s: html.escape(self._value(s), quote=False),
            person=lambda who: pill(who.user_id, self._name(names, who)),
        )
        return text.replace("\n", "<br>")

    def compose(
        self, message: Msg, choices: Sequence[Choice], locale: str, names: Mapping[str, str], *,
        reply_to: str | None = None, thread: str | None = None, latest: str | None = None,
    ) -> Composed:
        """An `m.notice`, replying to `reply_to` if given, and in the thread whose root is `thread` if
        given (`latest`: the thread's latest message, for clients without threads; see threads.py)."""
        body, formatted = self.plain(message, locale, names), self.html(message, locale, names)
        # A "share my location" button has no reaction: Matrix clients share a pin from their own menu.
        pressable = [choice for choice in choices if not choice.asks_location]
        keys = assign_keys(pressable)
        labels = [self.plain(choice.label, locale, names) for choice in pressable]
        if pressable:
            lines = self._choice_lines(keys, labels)
            hint = self.plain(self._hint(keys), locale, names)
            body += "\n\n" + "\n".join([*lines, hint])
            formatted += "<br><br>" + "<br>".join([*(html.escape(line, quote=False) for line in lines), f"<i>{html.escape(hint, quote=False)}</i>"])
        if len(pressable) < len(choices):
            how = self.plain(msg(matrix_texts.MATRIX_HOW_TO_SHARE_LOCATION), locale, names)
            body += "\n\n" + how
            formatted += f"<br><br><i>{html.escape(how, quote=False)}</i>"
        content: dict[str, Any] = {
            "msgtype": "m.notice", "body": body, "format": HTML_FORMAT, "formatted_body": formatted,
            "m.mentions": {"user_ids": sorted({who.user_id for who in self.people(message, choices)})},
        }
        if thread is not None:
            content["m.relates_to"] = in_thread(thread, latest or thread, reply_to)
        elif reply_to is not None:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
        return Composed(content, prompt_choices(pressable, keys, labels))

    @staticmethod
    def _choice_lines(keys: Sequence[str | None], labels: Sequence[str]) -> list[str]:
        shown = [without_leading_emoji(label) for label in labels]
        if all(text == str(position) for position, text in enumerate(shown, start=1)):
            return []  # numbered already in the message itself (the board)
        return [
            f"{key} {text}" if key is not None else f"{position}. {text}"
            for position, (key, text) in enumerate(zip(keys, shown), start=1)
        ]

    @staticmethod
    def _hint(keys: Sequence[str | None]) -> Msg:
        if any(key in KEYCAPS or key is None for key in keys):
            return msg(matrix_texts.MATRIX_CHOOSE_BY_NUMBER)
        return msg(matrix_texts.MATRIX_CHOOSE_BY_REACTION, keys=" / ".join(key for key in keys if key))

    @staticmethod
    def edit(original_event_id: str, composed: Composed) -> dict[str, Any]:
        """An `m.replace` edit of the bot's own message (clients show the new text in its place)."""
        new = dict(composed.content)
        new.pop("m.relates_to", None)
        return {
            "msgtype": "m.notice",
            "body": f"* {new['body']}",
            "format": HTML_FORMAT,
            "formatted_body": f"* {new['formatted_body']}",
            "m.new_content": new,
            "m.mentions": {},  # an edit doesn't notify anyone again
            "m.relates_to": {"rel_type": "m.replace", "event_id": original_event_id},
        }
