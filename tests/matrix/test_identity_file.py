"""The cross-signing identity without a homeserver: signing as the Matrix spec's examples do, the
identity file's checks, and its copy beside a database backup."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from bot.matrix.identity import CrossSigningIdentity, IdentityFileDamaged, identity_path, load_identity, save_identity
from bot.matrix.identity_backup import backup_identity, identity_beside, restore_identity
from bot.matrix.signing import SigningKey, from_base64, signature_is_valid
from tests.matrix.cross_signed import only_key, signed_by

USER = "@doorstep:example.org"
# The spec's appendix "Signing JSON": this seed signs `{}` and `{"one": 1, "two": "Two"}` as below.
SPEC_SEED = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"
SPEC_SIGNATURES = {
    "{}": "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ",
    '{"one": 1, "two": "Two"}': "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw",
}


@pytest.mark.parametrize("document", sorted(SPEC_SIGNATURES))
def test_signing_matches_the_spec_examples(document: str) -> None:
    key = SigningKey(from_base64(SPEC_SEED))
    signed = key.sign(json.loads(document), "domain")
    assert signed["signatures"]["domain"][key.key_id] == SPEC_SIGNATURES[document]
    assert signature_is_valid(signed, "domain", key.public_key)


def test_signatures_cover_everything_but_signatures_and_unsigned() -> None:
    key = SigningKey.generate()
    device = {"user_id": USER, "device_id": "ABC", "keys": {"ed25519:ABC": "x"}, "unsigned": {"device_display_name": "D"},
              "signatures": {USER: {"ed25519:ABC": "the device's own"}}}
    signed = key.sign(device, USER)
    assert "unsigned" not in signed and signed["signatures"][USER]["ed25519:ABC"] == "the device's own"
    assert signature_is_valid({**signed, "unsigned": {"anything": 1}}, USER, key.public_key)
    assert not signature_is_valid({**signed, "device_id": "XYZ"}, USER, key.public_key)
    assert not signature_is_valid(signed, "@someone:else", key.public_key)


def test_the_self_signing_key_is_signed_by_the_master_key_and_signs_devices() -> None:
    identity = CrossSigningIdentity.generate(USER)
    master, self_signing = identity.master_key(), identity.self_signing_key()
    assert master["usage"] == ["master"] and "signatures" not in master
    assert signed_by(self_signing, USER, only_key(master))  # checked independently (vodozemac)
    device = {"user_id": USER, "device_id": "ABC", "algorithms": ["m.megolm.v1.aes-sha2"],
              "keys": {"ed25519:ABC": "k"}, "signatures": {USER: {"ed25519:ABC": "s"}}}
    signed = identity.signed_device(device)
    assert signed["signatures"] == {USER: {identity.self_signing.key_id: signed["signatures"][USER][identity.self_signing.key_id]}}
    assert signed_by(signed, USER, only_key(self_signing))


def test_the_identity_file_is_private_and_read_back_whole(tmp_path: Path) -> None:
    identity = CrossSigningIdentity.generate(USER)
    assert load_identity(tmp_path, USER) is None
    save_identity(tmp_path, identity)
    assert stat.S_IMODE(os.stat(identity_path(tmp_path)).st_mode) == 0o600
    again = load_identity(tmp_path, USER)
    assert again is not None and again.to_json() == identity.to_json()


@pytest.mark.parametrize("damage, why", [
    (lambda text: text[: len(text) // 2], "not JSON"),
    (lambda text: text.replace('"master_seed": "', '"master_seed": "AAAA'), "master seed"),
    (lambda text: json.dumps({**json.loads(text), "self_signing_key": "AAAA"}), "self-signing seed does not give"),
    (lambda text: json.dumps({k: v for k, v in json.loads(text).items() if k != "self_signing_seed"}), "missing or damaged"),
    (lambda text: json.dumps({**json.loads(text), "user_id": "@other:example.org"}), "not @doorstep"),
    (lambda text: "[]", "not a Doorstep cross-signing identity"),
])
def test_a_damaged_identity_file_is_refused_with_its_reason(tmp_path: Path, damage, why: str) -> None:  # type: ignore[no-untyped-def]
    identity = CrossSigningIdentity.generate(USER)
    save_identity(tmp_path, identity)
    file = identity_path(tmp_path)
    file.write_text(damage(file.read_text()))
    with pytest.raises(IdentityFileDamaged, match=why) as refused:
        load_identity(tmp_path, USER)
    assert str(file) in str(refused.value)
    assert all(seed not in str(refused.value) for seed in (identity.to_json()["master_seed"], identity.to_json()["self_signing_seed"]))


def test_a_backup_carries_the_identity_and_a_restore_puts_it_back(tmp_path: Path) -> None:
    store, database_backup = tmp_path / "matrix", tmp_path / "backups" / "doorstep.sqlite3"
    database_backup.parent.mkdir()
    assert backup_identity(store, database_backup) is None  # no Matrix identity, nothing beside the backup
    identity = CrossSigningIdentity.generate(USER)
    store.mkdir()
    save_identity(store, identity)

    copied = backup_identity(store, database_backup)
    assert copied == identity_beside(database_backup) and stat.S_IMODE(os.stat(copied).st_mode) == 0o600

    other = CrossSigningIdentity.generate(USER)
    save_identity(store, other)  # something else there since: kept aside, not lost
    source, kept = restore_identity(database_backup, store)
    assert source == copied and kept is not None
    assert json.loads(kept.read_text()) == other.to_json()
    restored = load_identity(store, USER)
    assert restored is not None and restored.to_json() == identity.to_json()

    copied.write_text("{}")
    with pytest.raises(IdentityFileDamaged):
        restore_identity(database_backup, store, dry_run=True)
