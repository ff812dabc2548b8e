"""Signing JSON the Matrix way (the spec's appendix "Signing JSON"): leave out `signatures` and
`unsigned`, encode the rest as canonical JSON, sign those bytes with Ed25519, and attach the signature
in unpadded base64 under the signer's user id and key id ("ed25519:<public key>").

Ed25519 comes from `cryptography` (PyCA): the vodozemac bindings nio ships sign only with a device's
own account key, and cross-signing needs keys of our own (docs/matrix-cross-signing.md)."""

from __future__ import annotations

import base64
import binascii
import copy
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from nio.api import Api

SEED_BYTES = 32
NOT_SIGNED = ("signatures", "unsigned")


def unpadded_base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def from_base64(text: str) -> bytes:
    """Standard base64, with or without padding (the spec asks readers to accept both)."""
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError, TypeError) as error:
        raise ValueError("not base64") from error


def signed_bytes(obj: dict[str, Any]) -> bytes:
    """What a signature covers: the object without its signatures and unsigned parts, as canonical JSON."""
    return Api.to_canonical_json({k: v for k, v in obj.items() if k not in NOT_SIGNED}).encode("utf-8")


class SigningKey:
    """An Ed25519 key pair from its 32-byte seed (the only part worth keeping)."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != SEED_BYTES:
            raise ValueError(f"an Ed25519 seed is {SEED_BYTES} bytes, not {len(seed)}")
        self._private = Ed25519PrivateKey.from_private_bytes(seed)
        self.public_key = unpadded_base64(self._private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))

    @property
    def seed(self) -> bytes:
        return self._private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    @property
    def key_id(self) -> str:
        return f"ed25519:{self.public_key}"

    def sign(self, obj: dict[str, Any], user_id: str) -> dict[str, Any]:
        """A copy of `obj` (without `unsigned`) with this key's signature added to any it had."""
        signature = unpadded_base64(self._private.sign(signed_bytes(obj)))
        signed = {k: copy.deepcopy(v) for k, v in obj.items() if k != "unsigned"}
        signed.setdefault("signatures", {}).setdefault(user_id, {})[self.key_id] = signature
        return signed


def signature_is_valid(obj: dict[str, Any], user_id: str, public_key: str) -> bool:
    """Whether `obj` carries a good signature by `user_id`'s Ed25519 key `public_key`."""
    signature = obj.get("signatures", {}).get(user_id, {}).get(f"ed25519:{public_key}")
    if not isinstance(signature, str):
        return False
    try:
        key = Ed25519PublicKey.from_public_bytes(from_base64(public_key))
        key.verify(from_base64(signature), signed_bytes(obj))
    except (ValueError, InvalidSignature):
        return False
    return True
