"""`doorstep run` with DOORSTEP_MATRIX__* set, as an operator starts it: a real process against the
test homeserver, stopped with SIGTERM. Its logs carry no message text and no secrets."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.matrix.conftest import StreetOnMatrix, unique

ROOT = Path(__file__).resolve().parents[2]


def _environment(street: StreetOnMatrix, folder: Path, user_id: str, password: str) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DOORSTEP_")}
    environment.update({
        "DOORSTEP_DATABASE__PATH": str(folder / "doorstep.sqlite3"),
        "DOORSTEP_MATRIX__HOMESERVER": street.server.url,
        "DOORSTEP_MATRIX__USER_ID": user_id,
        "DOORSTEP_MATRIX__PASSWORD": password,
        "DOORSTEP_MATRIX__STORE_PATH": str(folder / "matrix"),
        "DOORSTEP_LOG_LEVEL": "INFO",
        "PYTHONPATH": str(ROOT),
    })
    return environment


async def _doorstep_run(folder: Path, environment: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=folder, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def test_doorstep_run_with_matrix_settings(street: StreetOnMatrix, tmp_path: Path) -> None:
    account = street.server.register(unique("doorstep"))
    process = await _doorstep_run(tmp_path, _environment(street, tmp_path, account.user_id, account.password))
    try:
        rosa = await street.neighbour("Rosa")
        room = await rosa.create_room("Elm Street", invite=[account.user_id])
        await rosa.notice(room, contains="I help neighbours", sender=account.user_id, timeout=60)
        mark = rosa.mark()
        await rosa.say(room, "!offer I can fix bikes on Sunday afternoons")
        card = await rosa.notice(room, contains="Rosa is offering", after=mark, sender=account.user_id)
        assert "fix bikes" in card.body
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), 30)
    logs = err.decode()
    assert process.returncode == 0, logs
    assert 'msg="doorstep running" platforms=matrix' in logs
    for secret_or_words in (account.password, "fix bikes", "I help neighbours", rosa.user_id):
        assert secret_or_words not in logs
    session = (tmp_path / "matrix" / "session.json")
    assert session.stat().st_mode & 0o077 == 0


async def test_a_refused_password_stops_with_one_line(street: StreetOnMatrix, tmp_path: Path) -> None:
    account = street.server.register(unique("doorstep"))
    process = await _doorstep_run(tmp_path, _environment(street, tmp_path, account.user_id, "not-the-password"))
    _, err = await asyncio.wait_for(process.communicate(), 60)
    last = err.decode().strip().splitlines()[-1]
    assert process.returncode == 2
    assert last.startswith("doorstep: can't connect:") and "DOORSTEP_MATRIX__PASSWORD" in last
    assert "not-the-password" not in err.decode()
