"""Drive the core as a street would: neighbours speak in the group or privately and press buttons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.clock import ManualClock
from bot.location import located
from handlers.app import Doorstep
from handlers.kernel.incoming import Incoming, IncomingKind
from storage import SqliteStore
from tests.fakes import RecordingNotifier, Sent

PLATFORM = "test"
GROUP = "group-1"


@dataclass
class StreetKit:
    core: Doorstep
    store: SqliteStore
    notifier: RecordingNotifier
    clock: ManualClock
    titles: dict[str, str] = field(default_factory=dict)  # group chat -> its name (default "Elm Street")

    def _fields(self, who: str, *, private: bool, chat: str = GROUP) -> dict:
        return dict(
            platform=PLATFORM, chat_id=who if private else chat, user_id=who, is_private=private,
            user_name=who.capitalize(), chat_title=None if private else self.titles.get(chat, "Elm Street"),
        )

    def _incoming(self, who: str, *, private: bool, chat: str = GROUP, **fields) -> Incoming:  # type: ignore[no-untyped-def]
        return Incoming(**self._fields(who, private=private, chat=chat), **fields)

    async def say(
        self, who: str, text: str, *, chat: str = GROUP, addressed: bool = True, reply_to: str | None = None
    ) -> list[Sent]:
        """`who` says `text` in the group (maybe as a reply to a message); returns what the bot sent in answer."""
        self.notifier.take()
        await self.core.handle(self._incoming(
            who, private=False, chat=chat, text=text, addressed_to_bot=addressed, reply_to=reply_to,
        ))
        return self.notifier.sent

    async def tell(self, who: str, text: str) -> list[Sent]:
        """`who` says `text` to the bot in private."""
        self.notifier.take()
        await self.core.handle(self._incoming(who, private=True, text=text))
        return self.notifier.sent

    async def press(self, who: str, payload: str, *, private: bool = True, chat: str = GROUP) -> list[Sent]:
        self.notifier.take()
        await self.core.handle(
            self._incoming(who, private=private, chat=chat, kind=IncomingKind.PRESS, payload=payload, ref="press-1")
        )
        return self.notifier.sent

    async def share(self, who: str, latitude: object, longitude: object, *, private: bool = True, chat: str = GROUP,
                    addressed: bool = True) -> list[Sent]:
        """`who` shares a location pin; it becomes a cell at the adapter's edge (bot/location.py)."""
        self.notifier.take()
        fields = self._fields(who, private=private, chat=chat)
        await self.core.handle(located(latitude=latitude, longitude=longitude, addressed_to_bot=addressed, **fields))
        return self.notifier.sent

    async def join(self, who: str, chat: str = GROUP) -> None:
        await self.core.handle(self._incoming(who, private=False, chat=chat, kind=IncomingKind.JOINED))

    async def leave(self, who: str, chat: str = GROUP) -> None:
        await self.core.handle(self._incoming(who, private=False, chat=chat, kind=IncomingKind.LEFT))

    async def wait(self, delta: timedelta) -> list[Sent]:
        self.notifier.take()
        self.clock.advance(delta)
        await self.core.run_due()
        return self.notifier.sent

    async def count(self, table: str, where: str = "1 = 1") -> int:
        return int(await self.store.db.fetch_value(f"SELECT COUNT(*) FROM {table} WHERE {where}"))

    async def snapshot(self) -> dict[str, list[tuple]]:
        """Everything a neighbour or organiser changes by acting (not who was seen when), to check nothing did."""
        tables = (
            "posts", "responses", "cards", "suggestions", "conversations", "held_messages", "street_settings", "hellos",
            "digest_subscriptions", "reminders",
        )
        return {t: [tuple(row) for row in await self.store.db.fetch_all(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}


def card_of(sent: list[Sent]) -> Sent:
    cards = [s for s in sent if s.outgoing.card_of is not None]
    assert len(cards) == 1, [s.text for s in sent]
    return cards[0]


def only(sent: list[Sent]) -> Sent:
    assert len(sent) == 1, [s.text for s in sent]
    return sent[0]
