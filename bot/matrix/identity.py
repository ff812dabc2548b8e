"""The bot account's cross-signing identity: a master key and a self-signing key (no user-signing key:
the bot never verifies other people), and the file that keeps their seeds beside the encryption store.

The file is the identity. Losing it while the homeserver still publishes its public keys means the bot
can no longer sign its devices; making a new one quietly would change the bot's identity under every
neighbour's client. So a file that is missing or damaged is never replaced here: `bot.matrix.cross_signing`
stops start-up and says what to do."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.matrix.signing import SigningKey, from_base64, unpadded_base64

IDENTITY_FILE = "cross_signing.json"
FORMAT = 1


class IdentityFileDamaged(Exception):
    """The identity file exists but can't be used; the message says why (never a seed)."""


@dataclass(frozen=True)
class CrossSigningIdentity:
    user_id: str
    master: SigningKey
    self_signing: SigningKey

    @classmethod
    def generate(cls, user_id: str) -> CrossSigningIdentity:
        return cls(user_id, SigningKey.generate(), SigningKey.generate())

    def master_key(self) -> dict[str, Any]:
        """The master key as `/keys/device_signing/upload` takes it."""
        return {"user_id": self.user_id, "usage": ["master"], "keys": {self.master.key_id: self.master.public_key}}

    def self_signing_key(self) -> dict[str, Any]:
        """The self-signing key, signed by the master key."""
        key = {"user_id": self.user_id, "usage": ["self_signing"],
               "keys": {self.self_signing.key_id: self.self_signing.public_key}}
        return self.master.sign(key, self.user_id)

    def signed_device(self, device_keys: dict[str, Any]) -> dict[str, Any]:
        """A device's keys (as `/keys/query` returned them) with only the self-signing key's signature,
        for `/keys/signatures/upload`."""
        bare = {k: v for k, v in device_keys.items() if k not in ("signatures", "unsigned")}
        return self.self_signing.sign(bare, self.user_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "user_id": self.user_id,
            "master_seed": unpadded_base64(self.master.seed),
            "master_key": self.master.public_key,
            "self_signing_seed": unpadded_base64(self.self_signing.seed),
            "self_signing_key": self.self_signing.public_key,
        }

    @classmethod
    def from_json(cls, data: object) -> CrossSigningIdentity:
        """Checked whole: each seed must give the public key written beside it, so one changed character
        is found here rather than as a signature the homeserver refuses."""
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("user_id"), str):
            raise IdentityFileDamaged("it is not a Doorstep cross-signing identity")
        keys = []
        for part in ("master", "self_signing"):
            try:
                key = SigningKey(from_base64(data[f"{part}_seed"]))
            except (KeyError, ValueError, TypeError):
                raise IdentityFileDamaged(f"its {part.replace('_', '-')} seed is missing or damaged") from None
            if key.public_key != data.get(f"{part}_key"):
                raise IdentityFileDamaged(f"its {part.replace('_', '-')} seed does not give its public key")
            keys.append(key)
        return cls(data["user_id"], keys[0], keys[1])


def identity_path(store_path: Path) -> Path:
    return store_path / IDENTITY_FILE


def load_identity(store_path: Path, user_id: str) -> CrossSigningIdentity | None:
    """The saved identity, or None when there is no file. Raises IdentityFileDamaged for a file that
    can't be read, is damaged, or belongs to another account."""
    path = identity_path(store_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise IdentityFileDamaged(f"{path} can't be read ({error.strerror})") from None
    try:
        identity = CrossSigningIdentity.from_json(json.loads(text))
    except ValueError:
        raise IdentityFileDamaged(f"{path} is damaged: it is not JSON") from None
    except IdentityFileDamaged as problem:
        raise IdentityFileDamaged(f"{path} is damaged: {problem}") from None
    if identity.user_id != user_id:
        raise IdentityFileDamaged(f"{path} is for {identity.user_id}, not {user_id}")
    return identity


def write_private(target: Path, text: str) -> None:
    """Written whole (a crash leaves the old file or none) and readable only by the bot's own user."""
    scratch = target.with_name(target.name + ".tmp")
    fd = os.open(scratch, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.chmod(scratch, 0o600)
    os.replace(scratch, target)


def save_identity(store_path: Path, identity: CrossSigningIdentity) -> None:
    write_private(identity_path(store_path), json.dumps(identity.to_json(), indent=1) + "\n")
