"""Keeping the bot's device cross-signed, at every start, so clients that share room keys only with
cross-signed devices (MSC4153) keep sharing them with the bot.

At start (`bot.matrix.session.log_in`): the identity file is read before anything goes to the
homeserver (a damaged one stops start-up right there); after logging in, what the homeserver publishes
for the account is compared with it *before* the device's own keys are uploaded, so a conflict stops
start-up having changed nothing. Then the identity is published if it isn't yet, the device is signed
by the self-signing key if it isn't yet, and devices of the bot's that an earlier store left behind
(signed by the same key, so certainly the bot's) are signed out."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from nio import AsyncClient

from bot.matrix.identity import CrossSigningIdentity, identity_path, save_identity
from bot.matrix.raw import call
from bot.matrix.session import MatrixStartFailed, patiently
from bot.matrix.signing import signature_is_valid
from config.settings import MatrixSettings

log = logging.getLogger(__name__)

KEYS_QUERY = "/_matrix/client/v3/keys/query"
UPLOAD_IDENTITY = "/_matrix/client/v3/keys/device_signing/upload"
UPLOAD_SIGNATURES = "/_matrix/client/v3/keys/signatures/upload"
DELETE_DEVICES = "/_matrix/client/v3/delete_devices"
PASSWORD_FLOW = "m.login.password"


@dataclass(frozen=True)
class PublishedKeys:
    """What the homeserver publishes for one account: its cross-signing public keys (None when it
    has none) and its devices' keys."""

    master: str | None
    self_signing: str | None
    devices: dict[str, dict[str, Any]] = field(default_factory=dict)

    def device_signed(self, user_id: str, device_id: str) -> bool:
        device = self.devices.get(device_id)
        return bool(device and self.self_signing and signature_is_valid(device, user_id, self.self_signing))

    def other_signed_devices(self, user_id: str, device_id: str) -> list[str]:
        return sorted(d for d in self.devices if d != device_id and self.device_signed(user_id, d))


def _only_key(keys: object, user_id: str) -> str | None:
    """The one Ed25519 public key of a cross-signing key object from /keys/query."""
    if not isinstance(keys, dict) or not isinstance(keys.get(user_id), dict):
        return None
    values = [v for k, v in (keys[user_id].get("keys") or {}).items() if k.startswith("ed25519:")]
    return values[0] if len(values) == 1 and isinstance(values[0], str) else None


async def published_keys(client: AsyncClient, user_id: str, *, patience_s: float = 0) -> PublishedKeys:
    query = {"device_keys": {user_id: []}}
    status, body = await patiently(lambda: call(client, "POST", KEYS_QUERY, query), patience_s, client.homeserver)
    if status != 200:
        raise MatrixStartFailed(f"the homeserver would not say which keys the bot account has ({_describe(status, body)})")
    devices = (body.get("device_keys") or {}).get(user_id) or {}
    return PublishedKeys(
        _only_key(body.get("master_keys"), user_id), _only_key(body.get("self_signing_keys"), user_id),
        {d: keys for d, keys in devices.items() if isinstance(keys, dict)},
    )


def _describe(status: int, body: dict[str, Any]) -> str:
    return f"{status} {body.get('errcode', '')}".strip()


class CrossSigning:
    """The start-up steps, in order: `check` (before the device's keys are uploaded), then `complete`."""

    def __init__(self, client: AsyncClient, settings: MatrixSettings, *, patience_s: float = 60) -> None:
        assert settings.user_id
        self._client = client
        self._settings = settings
        self._patience_s = patience_s
        self._user_id = settings.user_id
        self._file = identity_path(settings.store_path)

    async def check(self, identity: CrossSigningIdentity | None) -> CrossSigningIdentity:
        """The identity to use: the saved one, or a new one (saved at once) when the account has none.
        Raises MatrixStartFailed when the file and the homeserver disagree; nothing is changed then."""
        published = await self._published()
        if identity is None:
            if published.master is not None:
                raise MatrixStartFailed(
                    f"the homeserver already has a cross-signing identity for {self._user_id}, but {self._file} is "
                    "missing. Put it back from the backup (doorstep restore does, from the "
                    "….matrix-cross-signing.json file beside the database backup); only if it is lost for good, "
                    "run `doorstep reset-cross-signing` (neighbours' apps will show the bot's identity changed)"
                )
            identity = CrossSigningIdentity.generate(self._user_id)
            save_identity(self._settings.store_path, identity)  # before publishing: never keys up that no file holds
            log.info("matrix cross-signing identity created master_key=%s", identity.master.public_key)
        elif published.master not in (None, identity.master.public_key):
            raise MatrixStartFailed(
                f"the homeserver has a different cross-signing identity for {self._user_id} than {self._file} "
                f"(master key {published.master}, the file's {identity.master.public_key}). Put the right file "
                "back from a backup, or run `doorstep reset-cross-signing` to publish the file's identity"
            )
        return identity

    async def complete(self, identity: CrossSigningIdentity, *, replace: bool = False) -> bool:
        """Publish the identity if needed (replacing whatever is there, with `replace`), sign this device,
        sign out the bot's older devices. False (one log line says why) when the homeserver wants a
        password the bot wasn't given."""
        published = await self._published()
        if replace or (published.master, published.self_signing) != (
            identity.master.public_key, identity.self_signing.public_key,
        ):
            if not await self._publish(identity):
                return False
            published = await self._published()
        device_id = self._client.device_id
        if device_id not in published.devices:
            raise MatrixStartFailed(f"the homeserver doesn't list the keys of the bot's device {device_id}")
        if not published.device_signed(self._user_id, device_id):
            await self._sign_device(identity, published.devices[device_id])
            log.info("matrix device cross-signed device=%s", device_id)
        old = published.other_signed_devices(self._user_id, device_id)
        if old:
            await self._sign_out(old)
        log.info("matrix cross-signing ready master_key=%s device=%s", identity.master.public_key, device_id)
        return True

    async def _published(self) -> PublishedKeys:
        return await published_keys(self._client, self._user_id, patience_s=self._patience_s)

    async def _call(self, path: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """One POST, tried again while the homeserver can't be reached (each of these is safe to repeat)."""
        return await patiently(lambda: call(self._client, "POST", path, payload), self._patience_s, self._client.homeserver)

    async def _publish(self, identity: CrossSigningIdentity) -> bool:
        keys = {"master_key": identity.master_key(), "self_signing_key": identity.self_signing_key()}
        status, body = await self._with_password(UPLOAD_IDENTITY, keys, "publish its cross-signing keys")
        if status == 401:
            return False
        if status != 200:
            raise MatrixStartFailed(f"the homeserver refused the bot's cross-signing keys ({_describe(status, body)})")
        log.info("matrix cross-signing identity published master_key=%s", identity.master.public_key)
        return True

    async def _sign_device(self, identity: CrossSigningIdentity, device_keys: dict[str, Any]) -> None:
        device_id = self._client.device_id
        signed = {self._user_id: {device_id: identity.signed_device(device_keys)}}
        status, body = await self._call(UPLOAD_SIGNATURES, signed)
        failures = body.get("failures") or {}
        if status != 200 or failures:
            # failures, e.g. {"@bot:x": {"DEVICE": {"errcode": "M_INVALID_SIGNATURE"}}}: codes only, no keys
            why = _describe(status, body) if status != 200 else str(failures)
            raise MatrixStartFailed(f"the homeserver refused the bot device's cross-signature ({why})")

    async def _sign_out(self, devices: list[str]) -> None:
        status, body = await self._with_password(DELETE_DEVICES, {"devices": devices}, "sign out its old devices")
        if status == 200:
            log.info("matrix signed out the bot's old devices devices=%s", ",".join(devices))
        elif status != 401:
            log.warning("matrix could not sign out the bot's old devices devices=%s error=%r",
                        ",".join(devices), _describe(status, body))

    async def _with_password(self, path: str, payload: dict[str, Any], doing: str) -> tuple[int, dict[str, Any]]:
        """A call behind user-interactive auth: first without (Synapse lets an account publish its
        first identity without it), then with the configured password if the homeserver asks. A 401
        that a password can't answer is logged once, in words the operator can act on."""
        status, body = await self._call(path, payload)
        if status != 401 or "flows" not in body:
            return status, body
        offers_password = any(flow.get("stages") == [PASSWORD_FLOW] for flow in body.get("flows") or [])
        password = self._settings.password
        if password is None or not offers_password:
            fix = ("set DOORSTEP_MATRIX__PASSWORD as well as the access token (it is used only for this)"
                   if offers_password else "this homeserver wants it approved in the account's settings first")
            log.warning("matrix homeserver wants the bot to confirm its password, see README action=%r fix=%r", doing, fix)
            return 401, body
        auth = {
            "type": PASSWORD_FLOW, "identifier": {"type": "m.id.user", "user": self._user_id},
            "password": password.get_secret_value(), "session": body.get("session"),
        }
        status, body = await self._call(path, {**payload, "auth": auth})
        if status == 401:
            raise MatrixStartFailed(f"the homeserver refused DOORSTEP_MATRIX__PASSWORD when asked to {doing}")
        return status, body
