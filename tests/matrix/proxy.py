"""A TCP relay between the bot and the test homeserver that a test can cut and restore: the homeserver
"goes away" (connections dropped, or a reverse proxy answering 502) and comes back."""

from __future__ import annotations

import asyncio
import contextlib
from enum import Enum

BAD_GATEWAY = b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 22\r\nConnection: close\r\n\r\n<h1>502 Bad Gateway</h1>"


class Outage(Enum):
    DROP = "drop"  # connections are accepted and closed at once
    BAD_GATEWAY = "bad gateway"  # a reverse proxy whose homeserver is down


class Relay:
    def __init__(self, target_port: int) -> None:
        self._target_port = target_port
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.outage: Outage | None = None
        self.turned_away = 0
        self._changed = asyncio.Condition()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    async def start(self) -> Relay:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        self._drop_all()

    def cut(self, outage: Outage) -> None:
        self.outage = outage
        self._drop_all()

    def restore(self) -> None:
        self.outage = None

    async def turned_away_at_least(self, count: int, timeout: float = 20.0) -> None:
        async def wait() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.turned_away >= count)

        await asyncio.wait_for(wait(), timeout)

    def _drop_all(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.outage is not None:
            if self.outage is Outage.BAD_GATEWAY:
                with contextlib.suppress(Exception):
                    await reader.read(65536)
                    writer.write(BAD_GATEWAY)
                    await writer.drain()
            writer.transport.abort()
            async with self._changed:
                self.turned_away += 1
                self._changed.notify_all()
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self._target_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, upstream_writer))
        await asyncio.gather(self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer), return_exceptions=True)
        for each in (writer, upstream_writer):
            self._writers.discard(each)
            each.transport.abort()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        finally:
            writer.transport.abort()
