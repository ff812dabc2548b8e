"""The console street: a small interpreter that lets one person play several neighbours.

    alice: /offer I can pick up shopping on Tuesdays     (Alice, in the street's group)
    bob (private): /mine                                  (Bob, in his private chat with the bot)
    bob presses I can help                                (press a button Bob can see, by label or number)
    bob (private) shares 51.5007,-0.1246                  (Bob shares a location pin with the bot privately)
    carol joins                                           (someone joins the group)
    :wait 2d                                              (move the clock on; due things happen)
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.clock import ManualClock
from bot.console.directory import PLATFORM, ConsoleDirectory
from bot.console.notifier import GROUP, PRIVATE, ConsoleNotifier, Shown
from bot.console.script import Control, Forward, Membership, Press, Say, Share, parse_duration, parse_line
from bot.location import located_from_text
from handlers.app import Doorstep
from handlers.help.language import ChooseMine
from handlers.kernel.domain import Street
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import Choice
from handlers.kernel.wording import fold

DEFAULT_STREET = "Elm Street"
MAX_DUE_STEPS = 10_000  # a bound on catching up through a long :wait

CONSOLE_HELP = """\
Talk to the street like this:
  alice: /offer I can pick up shopping on Tuesdays    Alice says it in the street's group
  bob (private): /mine                                 Bob says it to the bot privately
  bob presses I can help                               Bob presses a button he can see (label or number)
  olga replies to #3: /remove                          Olga replies in the group to the bot's message #3
  bob (private) shares 51.5007,-0.1246                 Bob shares a location pin privately (only a rough
                                                       area is kept; an organiser says /area first to set
                                                       the street's); :location bob 51.5,-0.12 is the same
  carol joins  /  carol leaves                         someone joins or leaves the group
  rosa forwards to sam                                 Rosa forwards her newest invitation (a link button) to Sam
  :wait 2h  (or 3d, 1w, 90m)                           move the clock on; whatever is due happens
  :street Mill Road                                    talk in another street's group
  :unreachable bob                                     Bob has never opened a private chat with the bot
  :organiser alice                                     Alice organises this street (then alice: /area)
  :as alice                                            plain lines are then Alice speaking in the group
  :language rosa pl                                    Rosa chooses Polish (/language, then Polski); buttons
                                                       can still be pressed by their English words
  :help, :quit"""


class ConsoleOrganisers:
    def __init__(self) -> None:
        self.by_street: dict[str, set[str]] = {}

    async def is_organiser(self, street: Street, user_id: str) -> bool:
        return user_id in self.by_street.get(street.chat_id, set())

    async def organisers_of(self, street: Street) -> list[str]:
        return sorted(self.by_street.get(street.chat_id, set()))

    async def is_in_group(self, street: Street, user_id: str) -> bool:
        return True  # whoever the console plays is in the street


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "street"


class ConsoleStreet:
    def __init__(
        self, core: Doorstep, clock: ManualClock, notifier: ConsoleNotifier, directory: ConsoleDirectory,
        organisers: ConsoleOrganisers, street_names: dict[str, str], out: TextIO, timezone: ZoneInfo,
    ) -> None:
        self._core = core
        self._clock = clock
        self._notifier = notifier
        self._directory = directory
        self._organisers = organisers
        self._street_names = street_names
        self._out = out
        self._zone = timezone
        self._speaker: str | None = None
        self._chat_id = ""
        self.switch_street(DEFAULT_STREET)

    def switch_street(self, name: str) -> None:
        self._chat_id = _slug(name)
        self._street_names[self._chat_id] = name

    def _say(self, text: str) -> None:
        self._out.write(f"{text}\n")
        self._out.flush()

    async def do(self, raw: str) -> bool:
        """Act on one line; False when the person wants to stop."""
        line = parse_line(raw)
        if line is None and self._speaker is not None:
            line = Say(self._speaker, raw.strip(), private=False)
        if line is None:
            self._say("(I couldn't read that line — :help shows how to talk to the street.)")
        elif isinstance(line, Control):
            return await self._control(line)
        elif isinstance(line, Say):
            await self._speak(line)
        elif isinstance(line, Press):
            await self._press(line)
        elif isinstance(line, Forward):
            forwarded = self._notifier.forward(self._directory.user_id(line.name), self._directory.user_id(line.to))
            if not forwarded:
                self._say(f"({self._directory.name(self._directory.user_id(line.name))} has nothing with a link to forward.)")
        elif isinstance(line, Share):
            await self._share(line)
        elif isinstance(line, Membership):
            kind = IncomingKind.JOINED if line.joined else IncomingKind.LEFT
            await self._core.handle(self._incoming(line.name, private=False, kind=kind))
        return True

    def _incoming(self, name: str, *, private: bool, kind: IncomingKind, text: str | None = None,
                  payload: str | None = None, reply_to: str | None = None) -> Incoming:
        user_id = self._directory.user_id(name)
        return Incoming(
            platform=PLATFORM, chat_id=user_id if private else self._chat_id, user_id=user_id, is_private=private,
            kind=kind, text=text, payload=payload, user_name=self._directory.name(user_id),
            chat_title=None if private else self._street_names[self._chat_id], ref=None, reply_to=reply_to,
        )

    async def _speak(self, line: Say) -> None:
        if line.private:
            self._notifier.unreachable.discard(self._directory.user_id(line.name))
        await self._core.handle(self._incoming(
            line.name, private=line.private, kind=IncomingKind.MESSAGE, text=line.text, reply_to=line.reply_to,
        ))

    async def _share(self, line: Share) -> None:
        """The pin becomes a cell right here, as a platform adapter would do it."""
        base = self._incoming(line.name, private=line.private, kind=IncomingKind.LOCATION)
        if line.private:
            self._notifier.unreachable.discard(base.user_id)
        fields = {name: getattr(base, name) for name in ("platform", "chat_id", "user_id", "is_private", "user_name", "chat_title")}
        await self._core.handle(located_from_text(line.where, **fields, addressed_to_bot=True))

    async def _press(self, line: Press) -> None:
        user_id = self._directory.user_id(line.name)
        found = self._find_choice(user_id, line.what)
        if found is None:
            self._say(f"({self._directory.name(user_id)} can't see a button like “{line.what}”.)")
            return
        shown, choice = found
        if choice.asks_location:
            self._say(f"(To share a location, say: {line.name} (private) shares 51.5007,-0.1246)")
            return
        if choice.opens_private:
            await self._speak(Say(line.name, f"/start {choice.payload}", private=True))
            return
        private = shown.where == PRIVATE  # buttons in the group are only visible in the current street
        await self._core.handle(self._incoming(line.name, private=private, kind=IncomingKind.PRESS, payload=choice.payload))

    def _find_choice(self, user_id: str, what: str) -> tuple[Shown, Choice] | None:
        """The newest button this neighbour can see that matches a number or words of its label (as
        shown, or in English, so that a script plays the same whatever language a neighbour speaks)."""
        wanted = fold(what).strip()
        for shown in reversed(self._notifier.shown):
            visible = (shown.where == GROUP and shown.chat_or_user == self._chat_id) or (
                shown.where == PRIVATE and shown.chat_or_user == user_id
            )
            if not visible or not shown.choices:
                continue
            if wanted.isdigit():
                index = int(wanted) - 1
                if 0 <= index < len(shown.choices):
                    return shown, shown.choices[index]
                continue
            for choice, label, english in zip(shown.choices, shown.labels, shown.english or shown.labels):
                if wanted and (wanted in fold(label) or wanted in fold(english)):
                    return shown, choice
        return None

    async def _control(self, line: Control) -> bool:
        command, arg = line.command, line.arg
        if command in ("quit", "exit", "q"):
            return False
        if command == "help":
            self._say(CONSOLE_HELP)
        elif command == "wait":
            await self._wait(arg)
        elif command == "street" and arg:
            self.switch_street(arg)
            self._say(f"(Now in {arg}'s group.)")
        elif command == "unreachable" and arg:
            self._notifier.unreachable.add(self._directory.user_id(arg))
        elif command in ("organiser", "organizer") and arg:
            self._organisers.by_street.setdefault(self._chat_id, set()).add(self._directory.user_id(arg))
        elif command == "as":
            self._speaker = arg or None
        elif command == "language":
            await self._language(arg)
        else:
            self._say("(I don't know that one — :help shows the console's commands.)")
        return True

    async def _language(self, arg: str) -> None:
        """`:language rosa pl`: Rosa says /language privately and taps Polski, as she would herself."""
        parts = arg.split()
        if len(parts) != 2:
            self._say("(Say whose language and which, like :language rosa pl.)")
            return
        name, code = parts[0], parts[1].lower()
        user_id = self._directory.user_id(name)
        await self._speak(Say(name, "/language", private=True))
        offered = next((shown.choices for shown in reversed(self._notifier.shown)
                        if shown.where == PRIVATE and shown.chat_or_user == user_id), ())
        languages = {
            chosen.language: choice.payload for choice in offered if (chosen := ChooseMine.unpack(choice.payload))
        }
        if code in languages:
            await self._core.handle(self._incoming(name, private=True, kind=IncomingKind.PRESS, payload=languages[code]))
        else:
            known = ", ".join(languages)
            self._say(f"(Doorstep doesn't speak “{code}” here; it knows {known}.)")

    async def _wait(self, arg: str) -> None:
        delta = parse_duration(arg)
        if delta is None or delta > timedelta(days=400):
            self._say("(Say how long, like :wait 2h or :wait 3d.)")
            return
        target = self._clock.now() + delta
        for _ in range(MAX_DUE_STEPS):
            due = await self._core.next_due()
            if due is None or due > target:
                break
            self._clock.move_to(max(due, self._clock.now()))
            await self._core.run_due()
        self._clock.move_to(target)
        await self._core.run_due()
        local = self._clock.now().astimezone(self._zone)
        self._say(f"⏩ It's now {local:%a %d %b, %H:%M}.")

