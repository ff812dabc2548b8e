"""Calls to the homeserver tried again while it is away or answers "not now", for a set patience:
sending, and reading back what a sync left out."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Awaitable, Callable, TypeVar

from bot.matrix.session import TRANSIENT

log = logging.getLogger(__name__)

T = TypeVar("T")
LONGEST_PAUSE_S = 30.0


class TryAgain(Exception):
    """One attempt failed in a way that may pass; the message says how (no content in it)."""


async def keep_trying(what: str, attempt: Callable[[], Awaitable[T | None]], patience_s: float) -> T | None:
    """Run `attempt` until it gives an answer (None included), trying again while it fails in a
    way that may pass, for up to `patience_s` seconds; None (logged) after that."""
    deadline = time.monotonic() + patience_s
    pause = 0.5
    while True:
        try:
            return await attempt()
        except TRANSIENT as error:
            problem = f"homeserver unreachable ({type(error).__name__})"
        except TryAgain as error:
            problem = str(error)
        if time.monotonic() + pause > deadline:
            log.warning("gave up what=%s after_s=%.0f error=%r", what, patience_s, problem)
            return None
        log.info("trying again what=%s wait_s=%.1f error=%r", what, pause, problem)
        await asyncio.sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE_S)
