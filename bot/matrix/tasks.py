"""Work started from inside nio's sync loop runs as its own task: a callback that waited for a later
event (someone joining a private chat) would hold up the very sync that brings that event."""

from __future__ import annotations

import asyncio
import logging
from typing import Coroutine

log = logging.getLogger(__name__)


class Spawner:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()

    def spawn(self, work: Coroutine, name: str) -> asyncio.Task:
        task = asyncio.create_task(work, name=f"matrix:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("matrix task failed task=%s", task.get_name(), exc_info=task.exception())

    @property
    def busy(self) -> int:
        return len(self._tasks)

    async def drain(self, timeout: float) -> None:
        """Let what is in flight finish for up to `timeout` seconds, then cancel the rest — tasks
        started meanwhile by those in flight (a room catching up hands over one event after another)
        included."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (running := self._running()) and (left := deadline - loop.time()) > 0:
            await asyncio.wait(running, timeout=left)
        pending = self._running()
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)

    def _running(self) -> set[asyncio.Task]:
        return {task for task in self._tasks if not task.done()}


class InFlight:
    """Counts sends in progress, so a reaction that races its own message can wait for it to be saved."""

    def __init__(self) -> None:
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def __enter__(self) -> None:
        self._count += 1
        self._idle.clear()

    def __exit__(self, *exc: object) -> None:
        self._count -= 1
        if self._count == 0:
            self._idle.set()

    @property
    def busy(self) -> bool:
        return self._count > 0

    async def settled(self, timeout: float) -> None:
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except asyncio.TimeoutError:
            pass
