"""Checking cross-signatures the way a client does, independently of the bot's own signing code: the
vodozemac bindings verify, and the signed bytes are canonical JSON written out here."""

from __future__ import annotations

import json
from typing import Any

from vodozemac import Ed25519PublicKey, Ed25519Signature, SignatureException


def canonical(obj: dict[str, Any]) -> bytes:
    bare = {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}
    return json.dumps(bare, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def signed_by(obj: dict[str, Any], user_id: str, public_key: str) -> bool:
    signature = obj.get("signatures", {}).get(user_id, {}).get(f"ed25519:{public_key}")
    if signature is None:
        return False
    try:
        Ed25519PublicKey.from_base64(public_key).verify_signature(canonical(obj), Ed25519Signature.from_base64(signature))
    except SignatureException:
        return False
    return True


def only_key(key_object: dict[str, Any]) -> str:
    (public,) = key_object["keys"].values()
    return public


def cross_signed_devices(query: dict[str, Any], user_id: str) -> set[str]:
    """The account's devices that an MSC4153 client would trust: signed by a self-signing key that the
    account's master key signed."""
    master = query.get("master_keys", {}).get(user_id)
    self_signing = query.get("self_signing_keys", {}).get(user_id)
    if not master or not self_signing or "master" not in master["usage"] or "self_signing" not in self_signing["usage"]:
        return set()
    if not signed_by(self_signing, user_id, only_key(master)):
        return set()
    devices = query.get("device_keys", {}).get(user_id, {})
    return {d for d, keys in devices.items() if signed_by(keys, user_id, only_key(self_signing))}
