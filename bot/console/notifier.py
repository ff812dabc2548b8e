"""Prints what the bot says, and remembers which buttons each neighbour can see."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot import printing
from bot.charts import render_weekly_chart, worth_drawing
from bot.console.directory import PLATFORM, ConsoleDirectory
from bot.printing import links
from handlers.kernel.messages import (
    Attachment,
    Choice,
    MessageRef,
    Msg,
    Outgoing,
    Person,
    SendResult,
    SendStatus,
    ToPerson,
    ToPresser,
    ToStreet,
)
from handlers.kernel.render import Translate, no_translation, render

GROUP = "group"
PRIVATE = "private"


@dataclass
class Shown:
    """A message with buttons, and who can see it: a group (by chat id) or one neighbour."""

    number: int
    where: str  # GROUP or PRIVATE
    chat_or_user: str
    choices: tuple[Choice, ...]
    labels: tuple[str, ...]  # as shown, in the reader's language
    text: str = ""  # as shown, so it can be forwarded
    english: tuple[str, ...] = ()  # the labels in English, so a script can press them in any language


class ConsoleNotifier:
    def __init__(self, out: TextIO, directory: ConsoleDirectory, street_names: dict[str, str],
                 translate: Translate = no_translation, charts: Path | None = None) -> None:
        self._out = out
        self._charts = charts  # where pictures are saved (the console can't show them)
        self._directory = directory
        self._street_names = street_names  # chat id -> the name typed for it
        self._translate = translate
        self._counter = 0
        self.shown: list[Shown] = []
        self.unreachable: set[str] = set()  # user ids that never opened a private chat

    def _text(self, message: Msg, locale: str) -> str:
        return render(message, locale, translate=self._translate, person=self._name)

    def _name(self, person: Person) -> str:
        return person.name or self._directory.name(person.user_id) or "a neighbour"

    def _print(self, heading: str, body: str, labels: tuple[str, ...]) -> None:
        self._out.write(f"{heading}\n")
        for line in body.splitlines():
            self._out.write(f"    {line}\n")
        if labels:
            buttons = "   ".join(f"[{index}] {label}" for index, label in enumerate(labels, 1))
            self._out.write(f"    {buttons}\n")
        self._out.flush()

    def _labels(self, choices: tuple[Choice, ...], locale: str) -> tuple[str, ...]:
        return tuple(self._text(choice.label, locale) for choice in choices)

    def _english(self, choices: tuple[Choice, ...]) -> tuple[str, ...]:
        return tuple(render(choice.label, "en", person=self._name) for choice in choices)

    async def send(self, outgoing: Outgoing) -> SendResult:
        to = outgoing.to
        if isinstance(to, ToPerson) and to.person.user_id in self.unreachable:
            return SendResult(SendStatus.UNREACHABLE)
        self._counter += 1
        locale = outgoing.locale or "en"
        body = self._text(outgoing.text, locale)
        if isinstance(to, ToPresser):
            self._out.write(f"[only {self._name(to.person)} sees] {body}\n")
            self._out.flush()
            return SendResult(SendStatus.SENT)
        if isinstance(to, ToStreet):
            where, key = GROUP, to.street.chat_id
            heading = f"[{self._street_names.get(key, to.street.title or key)}] Doorstep (#{self._counter}):"
        else:
            where, key = PRIVATE, to.person.user_id
            heading = f"[to {self._name(to.person)}, privately] Doorstep (#{self._counter}):"
        labels = self._labels(outgoing.choices, locale)
        self._print(heading, body, labels)
        if outgoing.chart is not None and worth_drawing(outgoing.chart):
            self._save_chart(outgoing, locale)
        if outgoing.attachment is not None:
            self._save_attachment(outgoing.attachment)
        if outgoing.printable is not None:
            self._save_printed(outgoing)
        self.shown.append(Shown(self._counter, where, key, outgoing.choices, labels, body, self._english(outgoing.choices)))
        return SendResult(SendStatus.SENT, MessageRef(PLATFORM, key, str(self._counter)))

    def _save_chart(self, outgoing: Outgoing, locale: str) -> None:
        assert outgoing.chart is not None
        if self._charts is None:
            self._out.write("    📈 (a chart, not saved)\n")
            return
        self._charts.mkdir(parents=True, exist_ok=True)
        path = self._charts / f"chart-{self._counter}.png"
        path.write_bytes(render_weekly_chart(outgoing.chart, lambda message: self._text(message, locale)))
        self._out.write(f"    📈 chart saved to {path}\n")
        self._out.flush()

    def _save_attachment(self, attachment: Attachment) -> None:
        if self._charts is None:
            self._out.write(f"    📎 {attachment.filename} (not saved)\n")
            return
        self._charts.mkdir(parents=True, exist_ok=True)
        path = self._charts / f"{self._counter}-{attachment.filename}"
        path.write_bytes(attachment.data)
        os.chmod(path, 0o600)  # it may be someone's own data
        self._out.write(f"    📎 {attachment.filename} saved to {path}\n")
        self._out.flush()

    def _save_printed(self, outgoing: Outgoing) -> None:
        """A page to print: its PDF and the PNG of its first page; the QR code holds what a
        neighbour would type here to arrive through it."""
        assert outgoing.printable is not None
        if self._charts is None:
            self._out.write(f"    🖨 {outgoing.printable.filename}.pdf (not saved)\n")
            return
        link = links.console(outgoing.printable.street_code)
        printed = printing.print_out(outgoing.printable, link, lambda text, language: self._text(text, language))
        self._charts.mkdir(parents=True, exist_ok=True)
        for filename, data in ((printed.pdf_filename, printed.pdf), (printed.png_filename, printed.png)):
            path = self._charts / f"{self._counter}-{filename}"
            path.write_bytes(data)
            self._out.write(f"    🖨 {filename} saved to {path}\n")
        self._out.flush()

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        for shown in self.shown:
            if str(shown.number) == ref.message_id:
                shown.choices = choices
                shown.labels = self._labels(choices, locale)
                shown.english = self._english(choices)
                where = self._street_names.get(ref.chat_id, ref.chat_id)
                self._print(f"[{where}] Doorstep updated #{ref.message_id}:", self._text(text, locale), shown.labels)
                return True
        return False

    def forward(self, from_user: str, to_user: str) -> bool:
        """Like forwarding in a chat app: the newest private message with a link button goes to
        someone else, keeping only its link buttons (other buttons act for the one they were sent to)."""
        for shown in reversed(self.shown):
            links = [(choice, label) for choice, label in zip(shown.choices, shown.labels) if choice.opens_private]
            if shown.where == PRIVATE and shown.chat_or_user == from_user and links:
                self._counter += 1
                heading = f"[{self._directory.name(from_user)} forwarded to {self._directory.name(to_user)}] (#{self._counter}):"
                choices, labels = tuple(c for c, _ in links), tuple(label for _, label in links)
                self._print(heading, shown.text, labels)
                self.shown.append(Shown(self._counter, PRIVATE, to_user, choices, labels, shown.text, self._english(choices)))
                return True
        return False
