"""The cross-signing identity with `doorstep backup` and `doorstep restore`: a database backup gets the
identity file beside it (`<backup>.matrix-cross-signing.json`, owner only), and a restore puts it back
in the Matrix store folder. Without it, a bot restored onto a new machine could not sign its device."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

from bot.matrix.identity import CrossSigningIdentity, IdentityFileDamaged, identity_path, write_private

SUFFIX = ".matrix-cross-signing.json"


def identity_beside(database_backup: Path) -> Path:
    return database_backup.with_name(database_backup.name + SUFFIX)


def backup_identity(store_path: Path, database_backup: Path) -> Path | None:
    """Copy the identity file beside a database backup; None when there is no identity to copy."""
    source = identity_path(store_path)
    if not source.is_file():
        return None
    target = identity_beside(database_backup)
    write_private(target, source.read_text(encoding="utf-8"))
    return target


def restore_identity(database_backup: Path, store_path: Path, *, dry_run: bool = False) -> tuple[Path | None, Path | None]:
    """Put the identity saved beside a database backup back in the store folder (only check it, with
    `dry_run`). Returns (the file restored from, where a different identity already there was kept),
    each None when not applicable. Raises IdentityFileDamaged for a damaged copy."""
    source = identity_beside(database_backup)
    if not source.is_file():
        return None, None
    text = source.read_text(encoding="utf-8")
    try:
        CrossSigningIdentity.from_json(json.loads(text))
    except (ValueError, IdentityFileDamaged) as problem:
        raise IdentityFileDamaged(f"{source} is damaged: {problem}") from None
    if dry_run:
        return source, None
    store_path.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = identity_path(store_path)
    kept = None
    if target.is_file() and target.read_text(encoding="utf-8") != text:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.name}.before-restore-{stamp}")
        shutil.copy2(target, kept)
        os.chmod(kept, 0o600)
    write_private(target, text)
    return source, kept
