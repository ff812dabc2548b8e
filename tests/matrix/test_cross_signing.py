"""The bot's own device, cross-signed by a small identity of its own: what any client's `/keys/query`
shows, the same identity after a restart and on a new device (the old one signed out), neighbours
whose apps share room keys only with cross-signed devices (MSC4153), and an identity file that is
damaged or missing stopping start-up without changing anything on the homeserver."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.matrix.identity import identity_path
from bot.matrix.session import MatrixStartFailed, load_session
from bot.matrix.signing import SigningKey, unpadded_base64
from tests.matrix.conftest import Bot, StreetOnMatrix, StreetRoom, polled_until
from tests.matrix.cross_signed import cross_signed_devices, only_key, signed_by
from tests.matrix.neighbour import Neighbour
from tests.matrix.test_doorstep_run import _doorstep_run, _environment

NO_ANSWER_S = 4.0  # the bot answers "!board" within a second or so; four is plenty to see it won't


def _published(bot: Bot, asker: Neighbour) -> dict:
    return asker.server.query_keys(asker.account.access_token, bot.user_id)


def _seeds(bot: Bot) -> list[str]:
    saved = json.loads(identity_path(bot.settings.store_path).read_text())
    return [saved["master_seed"], saved["self_signing_seed"]]


async def test_the_bot_device_is_cross_signed_and_keeps_its_identity_across_restarts(
    street: StreetOnMatrix, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    device = bot.adapter.client.device_id

    keys = _published(bot, rosa)
    master, self_signing = keys["master_keys"][bot.user_id], keys["self_signing_keys"][bot.user_id]
    assert master["usage"] == ["master"] and self_signing["usage"] == ["self_signing"]
    assert signed_by(self_signing, bot.user_id, only_key(master))
    assert signed_by(keys["device_keys"][bot.user_id][device], bot.user_id, only_key(self_signing))
    assert cross_signed_devices(keys, bot.user_id) == {device}
    assert bot.user_id not in keys.get("user_signing_keys", {}), "the bot never signs other people"

    file = identity_path(bot.settings.store_path)
    assert file.stat().st_mode & 0o777 == 0o600
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert all(seed not in logged for seed in _seeds(bot))

    await bot.restart()
    again = _published(bot, rosa)
    assert bot.adapter.client.device_id == device
    assert again["master_keys"][bot.user_id] == master, "the same identity after a restart"
    assert again["self_signing_keys"][bot.user_id] == self_signing
    assert cross_signed_devices(again, bot.user_id) == {device}


async def test_a_new_device_is_signed_and_the_old_one_signed_out(street: StreetOnMatrix) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    old_device = bot.adapter.client.device_id
    master = _published(bot, rosa)["master_keys"][bot.user_id]

    # The store is lost; the identity comes back from a backup, as `doorstep restore` puts it back.
    await bot.stop()
    kept = identity_path(bot.settings.store_path).read_text()
    shutil.rmtree(bot.settings.store_path)
    bot.settings.store_path.mkdir(parents=True)
    identity_path(bot.settings.store_path).write_text(kept)
    await bot.restart()

    new_device = bot.adapter.client.device_id
    keys = _published(bot, rosa)
    assert new_device != old_device
    assert keys["master_keys"][bot.user_id] == master
    assert cross_signed_devices(keys, bot.user_id) == {new_device}
    assert old_device not in keys["device_keys"][bot.user_id]
    assert old_device not in street.server.device_ids(bot.user_id), "the old device was signed out"


async def test_a_neighbour_who_shares_keys_only_with_cross_signed_devices_is_answered(
    street: StreetOnMatrix, street_room: StreetRoom,
) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    sam = await street.neighbour("Sam", only_cross_signed=True)
    room = await street_room(rosa, bot, sam, encrypted=True)

    mark = sam.mark()
    await sam.say(room, "!board")
    await sam.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
    assert (bot.user_id, bot.adapter.client.device_id) not in sam.withheld_from
    assert (rosa.user_id, rosa.client.device_id) in sam.withheld_from, "the neighbours' own devices aren't cross-signed"


async def test_without_its_identity_the_bot_cannot_read_such_a_neighbour(
    street: StreetOnMatrix, street_room: StreetRoom, caplog: pytest.LogCaptureFixture,
) -> None:
    """The same neighbour as above, and the bot with cross-signing switched off: the message arrives
    but can't be read, so it is never answered. Once the neighbour shares with every device, it is."""
    caplog.set_level(logging.INFO, logger="bot")
    bot = await street.bot(cross_signing=False)
    rosa = await street.neighbour("Rosa")
    sam = await street.neighbour("Sam", only_cross_signed=True)
    room = await street_room(rosa, bot, sam, encrypted=True)
    assert bot.user_id not in _published(bot, rosa).get("master_keys", {})
    assert not identity_path(bot.settings.store_path).exists()
    # The bot's hello to the room goes out from its outbox and may come late: not an answer to count.
    await sam.notice(room, contains="I help neighbours", sender=bot.user_id)

    mark = sam.mark()
    await sam.say(room, "!board")
    assert (bot.user_id, bot.adapter.client.device_id) in sam.withheld_from
    await polled_until(lambda: any("could not decrypt an event" in r.getMessage() for r in caplog.records),
                       "the bot to receive the message it can't read")
    await asyncio.sleep(NO_ANSWER_S)
    assert sam.found(mark, room, lambda seen: seen.event.sender == bot.user_id) is None, sam.describe()

    sam.share_with_every_device(room)
    await sam.say(room, "!board")
    await sam.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)


async def test_a_damaged_identity_file_stops_start_up_and_changes_nothing(street: StreetOnMatrix, tmp_path: Path) -> None:
    account = street.server.register("doorstep-damaged")
    environment = _environment(street, tmp_path, account.user_id, account.password)
    process = await _doorstep_run(tmp_path, environment)  # a first start: identity made and published
    rosa = await street.neighbour("Rosa")
    file = identity_path(tmp_path / "matrix")
    await polled_until(lambda: cross_signed_devices(street.server.query_keys(rosa.account.access_token, account.user_id),
                                                    account.user_id),
                       "the first start to sign its device", timeout=60)
    process.terminate()
    await asyncio.wait_for(process.communicate(), 30)

    before_keys = rosa.server.query_keys(rosa.account.access_token, account.user_id)
    before_devices = street.server.device_ids(account.user_id)
    damaged = file.read_text().replace('"master_seed": "', '"master_seed": "AAAA', 1)
    file.write_text(damaged)

    process = await _doorstep_run(tmp_path, environment)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    lines = err.decode().strip().splitlines()
    assert process.returncode == 2
    assert lines[-1].startswith("doorstep: can't connect:") and str(file) in lines[-1] and "damaged" in lines[-1]
    assert "restore" in lines[-1], "the line says what to do"
    assert all(json.loads(damaged)[seed] not in err.decode() for seed in ("master_seed", "self_signing_seed"))
    assert file.read_text() == damaged, "the file was left as it was"
    assert rosa.server.query_keys(rosa.account.access_token, account.user_id) == before_keys
    assert street.server.device_ids(account.user_id) == before_devices


async def test_a_missing_identity_file_stops_start_up_and_changes_nothing(street: StreetOnMatrix) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    await bot.stop()
    before_keys = _published(bot, rosa)
    before_devices = street.server.device_ids(bot.user_id)

    identity_path(bot.settings.store_path).unlink()
    with pytest.raises(MatrixStartFailed, match="already has a cross-signing identity .* is missing"):
        await bot.restart()
    assert not identity_path(bot.settings.store_path).exists(), "no new identity made in its place"

    # The whole store lost too: the login makes a device, which is signed out again before stopping.
    shutil.rmtree(bot.settings.store_path)
    with pytest.raises(MatrixStartFailed, match="is missing"):
        await bot.restart()
    assert _published(bot, rosa) == before_keys
    assert street.server.device_ids(bot.user_id) == before_devices


async def test_with_only_an_access_token_a_password_request_is_one_log_line_and_the_bot_runs(
    street: StreetOnMatrix, street_room: StreetRoom, caplog: pytest.LogCaptureFixture,
) -> None:
    """Synapse asks for the password whenever published keys would change (here: the file's
    self-signing key differs from the published one). With an access token alone the bot says so in one
    line, changes nothing, and carries on."""
    caplog.set_level(logging.INFO, logger="bot")
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    await bot.stop()
    published = _published(bot, rosa)
    file = identity_path(bot.settings.store_path)
    saved = json.loads(file.read_text())
    other = SigningKey.generate()
    file.write_text(json.dumps({**saved, "self_signing_seed": unpadded_base64(other.seed), "self_signing_key": other.public_key}))
    token = load_session(bot.settings.store_path)
    assert token is not None
    bot.settings = bot.settings.model_copy(update={"password": None, "access_token": SecretStr(token.access_token)})

    await bot.restart()
    asking = [r for r in caplog.records if "confirm its password" in r.getMessage()]
    assert len(asking) == 1 and "DOORSTEP_MATRIX__PASSWORD" in asking[0].getMessage()
    assert _published(bot, rosa)["self_signing_keys"] == published["self_signing_keys"]
    room = await street_room(rosa, bot)  # and it works as ever
    mark = rosa.mark()
    await rosa.say(room, "!board")
    await rosa.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
