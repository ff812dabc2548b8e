"""The tests' fake Bot API (`tests/telegram/fake_bot_api.py`) in a process of its own, so that serving
Telegram's side costs the bot being measured nothing: on a real deployment Telegram is elsewhere.

The child serves the Bot API on one port of 127.0.0.1 and a small control API on another; the
benchmark (in the parent) builds streets, queues updates and reads counts through `TelegramServer`.

    python -m bench.telegram_server [--flood] [--latency-ms 50]   # prints "ready <api port> <control port>"
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

from tests.telegram.fake_bot_api import TOKEN, FakeBotApi, FakeChat, FakeUser, Fault, FloodLimits

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 30
CALL_TIMEOUT_S = 120
MAX_PEOPLE = 200_000  # what one request may create: every loop here is bounded


class Control:
    """The control API's handlers, in the child, next to the fake server they drive."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.people: dict[int, FakeUser] = {}
        self.groups: dict[int, FakeChat] = {}

    def routes(self) -> list[web.RouteDef]:
        return [
            web.post("/streets", self.streets),
            web.post("/updates", self.updates),
            web.get("/cards", self.cards),
            web.get("/stats", self.stats),
            web.get("/pending", self.pending),
        ]

    async def streets(self, request: web.Request) -> web.Response:
        """`groups` groups of `members` people each, plus `loners` people with only a private chat;
        everyone has opened a private chat with the bot."""
        body = await request.json()
        groups, members, loners = int(body.get("groups", 0)), int(body.get("members", 0)), int(body.get("loners", 0))
        if groups * members + loners > MAX_PEOPLE:
            raise web.HTTPBadRequest(text="too many people")
        made = []
        for number in range(groups):
            people = [self._person(f"N{number}x{n}") for n in range(members)]
            chat = self.api.group(f"Street {number + 1}", people)
            self.groups[chat.id] = chat
            made.append({"id": chat.id, "members": [p.id for p in people]})
        alone = [self._person(f"L{n}").id for n in range(loners)]
        return web.json_response({"groups": made, "loners": alone})

    def _person(self, name: str) -> FakeUser:
        person = self.api.user(name, started=True)
        self.people[person.id] = person
        return person

    async def updates(self, request: web.Request) -> web.Response:
        """Queue updates, each made afresh (new message and callback query ids) from a plain spec:
        {"say": text, "user": id, "chat": id} in a group, or {"press": data, "user": id, "chat": id,
        "message_id": id} on one of the bot's messages."""
        specs = (await request.json())["updates"]
        for spec in specs:
            user = self.people[int(spec["user"])]
            if "say" in spec:
                self.api.say(user, self.groups[int(spec["chat"])], spec["say"])
            elif "press" in spec:
                message = next(m for m in self.api.messages[int(spec["chat"])] if m.message_id == int(spec["message_id"]))
                self.api.press_data(user, message, spec["press"])
            else:
                raise web.HTTPBadRequest(text="an update is a say or a press")
        return web.json_response({"queued": len(specs)})

    async def cards(self, request: web.Request) -> web.Response:
        """The bot's messages with buttons in a group: their ids and callback data."""
        chat = self.groups[int(request.query["chat"])]
        found = [{"message_id": m.message_id, "data": [b.callback_data for b in m.flat_buttons if b.callback_data]}
                 for m in self.api.messages_in(chat) if any(b.callback_data for b in m.flat_buttons)]
        return web.json_response(found)

    async def stats(self, request: web.Request) -> web.Response:
        calls = Counter(method.lower() for method, _ in self.api.requests)
        statuses = Counter(str(status) for _, status in self.api.requests)
        return web.json_response({
            "rate_limited": self.api.rate_limited, "sent": len(self.api.sent), "calls": calls, "statuses": statuses,
        })

    async def pending(self, request: web.Request) -> web.Response:
        return web.json_response({"pending": self.api.pending_updates})


async def _serve(flood: bool, latency_ms: float) -> None:
    api = FakeBotApi(limits=FloodLimits.telegram() if flood else None)
    if latency_ms:  # every call answered this much later, as from a Bot API across the internet
        api.faults.append(Fault(status=None, delay=latency_ms / 1000, times=None))
    await api.start()
    control = web.Application(client_max_size=64 * 1024 * 1024)
    control.add_routes(Control(api).routes())
    runner = web.AppRunner(control, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    control_port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"ready {api.port} {control_port}", flush=True)
    await stop.wait()
    await runner.cleanup()
    await api.close()


@dataclass
class TelegramServer:
    """The parent's handle on the child: `base_url` for the bot, and the control calls."""

    process: subprocess.Popen
    api_port: int
    control_port: int
    session: ClientSession

    token = TOKEN

    @classmethod
    async def start(cls, *, flood: bool = False, latency_ms: float = 0) -> TelegramServer:
        command = [sys.executable, "-m", "bench.telegram_server", *(["--flood"] if flood else []),
                   "--latency-ms", str(latency_ms)]
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        try:
            line = await asyncio.wait_for(asyncio.to_thread(process.stdout.readline), START_TIMEOUT_S)
        except asyncio.TimeoutError:
            process.kill()
            raise RuntimeError("the fake Bot API did not start") from None
        words = line.split()
        if len(words) != 3 or words[0] != "ready":
            process.kill()
            raise RuntimeError(f"the fake Bot API did not start: {line!r}")
        session = ClientSession(timeout=ClientTimeout(total=CALL_TIMEOUT_S))
        return cls(process, int(words[1]), int(words[2]), session)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}/bot"

    async def _call(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        url = f"http://127.0.0.1:{self.control_port}{path}"
        async with self.session.request(method, url, json=body, params=query or None) as answer:
            if answer.status != 200:
                raise RuntimeError(f"control {path}: {answer.status} {await answer.text()}")
            return json.loads(await answer.text())

    async def streets(self, *, groups: int = 0, members: int = 0, loners: int = 0) -> dict:
        return await self._call("POST", "/streets", {"groups": groups, "members": members, "loners": loners})

    async def queue(self, specs: list[dict]) -> None:
        await self._call("POST", "/updates", {"updates": specs})

    async def cards(self, chat_id: int) -> list[dict]:
        return await self._call("GET", "/cards", chat=chat_id)

    async def stats(self) -> dict:
        return await self._call("GET", "/stats")

    async def pending(self) -> int:
        return int((await self._call("GET", "/pending"))["pending"])

    async def close(self) -> None:
        await self.session.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                await asyncio.to_thread(self.process.wait, 10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                await asyncio.to_thread(self.process.wait, 10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    async def __aenter__(self) -> TelegramServer:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="the fake Bot API in its own process")
    parser.add_argument("--flood", action="store_true", help="enforce Telegram's flood limits (30/s overall, …)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="answer every call this much later")
    args = parser.parse_args()
    asyncio.run(_serve(args.flood, args.latency_ms))


if __name__ == "__main__":
    main()
