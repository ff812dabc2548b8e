"""The operator's side of the bot's cross-signing: `doorstep check-config` says what state it is in,
`doorstep backup` carries the identity and `doorstep restore` puts it back, and `doorstep
reset-cross-signing` replaces an identity lost for good (the homeserver asks for the password)."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path

from bot.matrix.identity import identity_path
from storage import SqliteStore
from tests.matrix.conftest import Bot, StreetOnMatrix
from tests.matrix.cross_signed import cross_signed_devices

ROOT = Path(__file__).resolve().parents[2]


async def _doorstep(bot: Bot, database: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DOORSTEP_")}
    environment.update({
        "PYTHONPATH": str(ROOT),
        "DOORSTEP_DATABASE__PATH": str(database),
        "DOORSTEP_MATRIX__HOMESERVER": str(bot.settings.homeserver),
        "DOORSTEP_MATRIX__USER_ID": bot.user_id,
        "DOORSTEP_MATRIX__PASSWORD": bot.account.password,
        "DOORSTEP_MATRIX__STORE_PATH": str(bot.settings.store_path),
    })
    return await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True,
        env=environment, cwd=database.parent, timeout=60,
    )


async def test_check_config_backup_restore_and_reset(street: StreetOnMatrix, tmp_path: Path) -> None:
    bot = await street.bot(start=False)
    database = tmp_path / "operator.sqlite3"
    await (await SqliteStore.open(database)).close()

    before = await _doorstep(bot, database, "check-config")
    assert before.returncode == 0, before.stderr
    assert "identity file: none at" in before.stdout and "homeserver: not asked" in before.stdout

    await bot.start()
    device = bot.adapter.client.device_id
    await bot.stop()
    master = identity_path(bot.settings.store_path).read_text()
    ready = await _doorstep(bot, database, "check-config")
    assert "homeserver: publishes the same master and self-signing keys" in ready.stdout
    assert f"device {device}: signed by the self-signing key" in ready.stdout
    assert bot.account.password not in ready.stdout

    made = await _doorstep(bot, database, "backup", str(tmp_path / "backup.sqlite3"))
    assert made.returncode == 0, made.stderr
    beside = tmp_path / "backup.sqlite3.matrix-cross-signing.json"
    assert f"cross-signing identity to {beside}" in made.stdout
    assert beside.read_text() == master and stat.S_IMODE(os.stat(beside).st_mode) == 0o600

    identity_path(bot.settings.store_path).unlink()  # lost
    lost = await _doorstep(bot, database, "check-config")
    assert "the identity file is missing — start-up will stop" in lost.stdout
    back = await _doorstep(bot, database, "restore", str(tmp_path / "backup.sqlite3"))
    assert back.returncode == 0, back.stderr
    assert "Restored the Matrix cross-signing identity" in back.stdout
    assert identity_path(bot.settings.store_path).read_text() == master
    await bot.restart()  # starts as before
    await bot.stop()

    # Lost for good: a new identity replaces the old one, with the password the homeserver asks for.
    identity_path(bot.settings.store_path).unlink()
    reset = await _doorstep(bot, database, "reset-cross-signing")
    assert reset.returncode == 0, reset.stderr
    assert "new cross-signing identity" in reset.stdout
    assert identity_path(bot.settings.store_path).read_text() != master
    await bot.restart()
    keys = street.server.query_keys(bot.account.access_token, bot.user_id)
    assert cross_signed_devices(keys, bot.user_id) == {bot.adapter.client.device_id}
    now = await _doorstep(bot, database, "check-config")
    assert "homeserver: publishes the same master and self-signing keys" in now.stdout
