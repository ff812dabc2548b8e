"""Platform adapters as the composition root sees them, and the routers that let one core talk to
several platforms at once (a street on Telegram and one on Matrix, in one process)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from handlers.kernel.core import AdaptersOwn
from handlers.kernel.domain import Street
from handlers.kernel.messages import Choice, MessageRef, Msg, Outgoing, SendResult, SendStatus, ToStreet
from handlers.kernel.ports import Notifier, OrganiserCheck

if TYPE_CHECKING:

    from handlers.kernel.core import Core

log = logging.getLogger(__name__)


class PlatformAdapter(Protocol):
    """One chat platform: it turns updates into `Incoming` for the core and sends what the core says."""

    platform: str
    notifier: Notifier
    organisers: OrganiserCheck

    @property
    def own_work(self) -> AdaptersOwn:
        """What it keeps itself that the core must look after (due work, forgetting someone)."""

    @property
    def connected(self) -> bool:
        """Whether the platform answered recently (for /healthz)."""

    async def start(self, core: Core) -> None:
        """Connect and start handing updates to `core.handle`; return once running."""

    async def stop(self) -> None:
        """Stop receiving, finish what is in flight, disconnect."""


def own_work_of(adapters: list[PlatformAdapter]) -> AdaptersOwn:
    return AdaptersOwn(
        due=tuple(work for adapter in adapters for work in adapter.own_work.due),
        forget=tuple(hook for adapter in adapters for hook in adapter.own_work.forget),
    )


def _platform_of(outgoing: Outgoing) -> str:
    to = outgoing.to
    return to.street.platform if isinstance(to, ToStreet) else to.person.platform


class NotifierByPlatform:
    def __init__(self, adapters: list[PlatformAdapter]) -> None:
        self._notifiers = {adapter.platform: adapter.notifier for adapter in adapters}

    async def send(self, outgoing: Outgoing) -> SendResult:
        notifier = self._notifiers.get(_platform_of(outgoing))
        if notifier is None:
            log.error("no adapter for platform=%s", _platform_of(outgoing))
            return SendResult(SendStatus.FAILED)
        return await notifier.send(outgoing)

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        notifier = self._notifiers.get(ref.platform)
        return await notifier.edit(ref, text, choices, locale) if notifier else False


class OrganisersByPlatform:
    def __init__(self, adapters: list[PlatformAdapter]) -> None:
        self._checks = {adapter.platform: adapter.organisers for adapter in adapters}

    async def is_organiser(self, street: Street, user_id: str) -> bool:
        check = self._checks.get(street.platform)
        return await check.is_organiser(street, user_id) if check else False

    async def organisers_of(self, street: Street) -> list[str]:
        check = self._checks.get(street.platform)
        return await check.organisers_of(street) if check else []

    async def is_in_group(self, street: Street, user_id: str) -> bool:
        check = self._checks.get(street.platform)
        return await check.is_in_group(street, user_id) if check else False
