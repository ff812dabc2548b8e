"""What an adapter needs of the core, and nothing more: hand it what happened, and read the commands
it knows for the platform's menus. Adapters depend on this, not on `handlers.app.Doorstep`; what they
keep themselves and the core must look after is handed in where the core is composed (`AdaptersOwn`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Protocol, Sequence

from handlers.kernel.inbox import Arrival
from handlers.kernel.incoming import Incoming
from handlers.kernel.router import Command, DueWork
from handlers.kernel.settings import CoreSettings
from handlers.kernel.turn import ForgetHook


class Core(Protocol):
    @property
    def settings(self) -> CoreSettings:
        """The core's own settings (languages spoken, the operator's default language)."""

    async def handle(self, incoming: Incoming) -> None:
        """Do what a neighbour asked; a kind word back, never an exception."""

    async def receive(self, platform: str, arrivals: Sequence[Arrival], position: str | None = None
                      ) -> list[asyncio.Future[None] | None]:
        """Write what the platform delivered (and how far its deliveries now go) to the inbox; each is
        handled in turn. Tell the platform it arrived only once this returns. For each arrival: what is
        done once it is handled and its messages have gone out (None: a redelivery still waiting)."""

    async def inbox_position(self, platform: str) -> str | None:
        """How far the platform's deliveries have been written to the inbox (its own cursor)."""

    def menu(self, private: bool, organisers: bool = False) -> list[Command]:
        """Commands worth listing in a platform's menu (see `Router.menu`)."""

    def knows_command(self, name: str) -> bool:
        """Whether `name` (without its / or !) is one of the core's commands."""


@dataclass(frozen=True)
class AdaptersOwn:
    """What platform adapters keep themselves and the core must look after, handed in where the core
    is composed: their due work (e.g. retention of what they store) and what to delete when someone
    asks to be forgotten."""

    due: tuple[DueWork, ...] = ()
    forget: tuple[ForgetHook, ...] = ()
