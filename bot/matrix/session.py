"""Logging the bot in and keeping the same device across restarts.

The device id and access token are kept in `session.json` under the store path, next to
matrix-nio's encryption store and sync position: a restart is the same device, so encrypted rooms
keep working and no old command is answered twice."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Awaitable, Callable, TypeVar

from aiohttp import ClientError
from nio import AsyncClient, AsyncClientConfig, LoginResponse, WhoamiResponse

from bot.errors import PlatformStartFailed
from config.settings import MatrixSettings

log = logging.getLogger(__name__)

SESSION_FILE = "session.json"
TRANSIENT = (ClientError, asyncio.TimeoutError, OSError)
T = TypeVar("T")


class MatrixStartFailed(PlatformStartFailed):
    """The bot can't get onto Matrix; the message says why, in plain words."""


@dataclass(frozen=True)
class Session:
    user_id: str
    device_id: str
    access_token: str


def load_session(store_path: Path) -> Session | None:
    try:
        data = json.loads((store_path / SESSION_FILE).read_text())
        return Session(data["user_id"], data["device_id"], data["access_token"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_session(store_path: Path, session: Session) -> None:
    """Written whole (a crash leaves the old file) and readable only by the bot's own user."""
    target = store_path / SESSION_FILE
    scratch = target.with_suffix(".tmp")
    fd = os.open(scratch, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        json.dump(asdict(session), file)
    os.replace(scratch, target)


def client_config() -> AsyncClientConfig:
    # max_timeouts=0: a connection error comes straight back to us (the sync loop and the sender
    # retry with their own patience); 429s are retried by nio itself, after retry_after_ms.
    return AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True, max_timeouts=0, request_timeout=60)


async def patiently(call: Callable[[], Awaitable[T]], patience_s: float, homeserver: str) -> T:
    """Try again while the homeserver can't be reached, for up to `patience_s` seconds."""
    deadline = time.monotonic() + patience_s
    pause = 0.5
    while True:
        try:
            return await call()
        except TRANSIENT as error:
            if time.monotonic() >= deadline:
                raise MatrixStartFailed(f"can't reach the Matrix homeserver at {homeserver} ({type(error).__name__})") from None
            log.warning("homeserver not reachable yet, trying again wait_s=%.1f", pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, 10)


def build_client(settings: MatrixSettings) -> AsyncClient:
    """The bot's client, on the device it used last time (if any); not logged in yet."""
    assert settings.homeserver and settings.user_id
    store_path = settings.store_path
    store_path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        store_path.chmod(0o700)  # encryption keys and the access token: the bot's own user only
    saved = load_session(store_path)
    device_id = saved.device_id if saved is not None and saved.user_id == settings.user_id else None
    return AsyncClient(settings.homeserver, settings.user_id, device_id=device_id, store_path=str(store_path), config=client_config())


async def log_in(client: AsyncClient, settings: MatrixSettings, *, patience_s: float = 60) -> bool:
    """Log in (reusing the saved session when it still works) and load the encryption store. The
    device's keys are uploaded by the caller (`bot.matrix.start`). True when this made a new device."""
    saved = load_session(settings.store_path)
    if saved is not None and saved.user_id != settings.user_id:
        log.warning("the saved Matrix session is for another account; logging in afresh")
        saved = None
    new_device = False
    if settings.access_token is not None:
        await _with_token(client, settings, settings.access_token.get_secret_value(), patience_s)
    elif saved is None or not await _with_token(client, settings, saved.access_token, patience_s, quietly=True):
        await _with_password(client, settings, patience_s)
        new_device = True
    log.info("matrix logged in device=%s", client.device_id)
    return new_device


async def upload_device_keys(client: AsyncClient, settings: MatrixSettings, *, patience_s: float = 60) -> None:
    """The device's own keys, if the homeserver lacks them."""
    if client.should_upload_keys:
        await patiently(client.keys_upload, patience_s, str(settings.homeserver))


async def forget_new_device(client: AsyncClient, settings: MatrixSettings) -> None:
    """Sign out a device this start made, when the start can't go on: the account is left as it was."""
    with contextlib.suppress(*TRANSIENT):
        await client.logout()
    (settings.store_path / SESSION_FILE).unlink(missing_ok=True)


async def _with_token(
    client: AsyncClient, settings: MatrixSettings, token: str, patience_s: float, *, quietly: bool = False
) -> bool:
    client.access_token = token
    answer = await patiently(client.whoami, patience_s, str(settings.homeserver))
    if not isinstance(answer, WhoamiResponse) or not answer.device_id:
        client.access_token = ""
        if quietly:
            return False
        raise MatrixStartFailed(f"DOORSTEP_MATRIX__ACCESS_TOKEN was refused by the homeserver ({answer})")
    if answer.user_id != settings.user_id:
        raise MatrixStartFailed(
            f"DOORSTEP_MATRIX__ACCESS_TOKEN belongs to {answer.user_id}, not DOORSTEP_MATRIX__USER_ID {settings.user_id}"
        )
    client.restore_login(answer.user_id, answer.device_id, token)
    save_session(settings.store_path, Session(answer.user_id, answer.device_id, token))
    return True


async def _with_password(client: AsyncClient, settings: MatrixSettings, patience_s: float) -> None:
    if settings.password is None:
        raise MatrixStartFailed("DOORSTEP_MATRIX__PASSWORD is needed: the saved session is no longer valid")
    password = settings.password.get_secret_value()
    answer = await patiently(
        lambda: client.login(password, device_name=settings.device_name), patience_s, str(settings.homeserver)
    )
    if not isinstance(answer, LoginResponse):
        raise MatrixStartFailed(f"the homeserver refused DOORSTEP_MATRIX__PASSWORD for {settings.user_id} ({answer})")
    save_session(settings.store_path, Session(answer.user_id, answer.device_id, answer.access_token))
