"""Getting the bot onto Matrix, in an order that changes nothing on the homeserver until it is sure it
can go on: read the cross-signing identity file, log in, compare the identity with what the homeserver
publishes, and only then upload the device's keys, publish the identity and sign the device."""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone

from nio import AsyncClient

from bot.matrix.cross_signing import CrossSigning
from bot.matrix.identity import CrossSigningIdentity, IdentityFileDamaged, identity_path, load_identity, save_identity
from bot.matrix.session import MatrixStartFailed, forget_new_device, log_in, upload_device_keys
from config.settings import MatrixSettings

log = logging.getLogger(__name__)


def read_identity(settings: MatrixSettings) -> CrossSigningIdentity | None:
    assert settings.user_id
    try:
        return load_identity(settings.store_path, settings.user_id)
    except IdentityFileDamaged as problem:
        raise MatrixStartFailed(
            f"{problem}. Put it back from the backup (doorstep restore does, from the ….matrix-cross-signing.json "
            "file beside the database backup); only if it is lost for good, run `doorstep reset-cross-signing`"
        ) from None


async def connect(client: AsyncClient, settings: MatrixSettings, *, patience_s: float = 60) -> None:
    """Log in, upload the device's keys, and (unless switched off) keep the device cross-signed."""
    identity = read_identity(settings) if settings.cross_signing else None  # damaged: stop before any request
    new_device = await log_in(client, settings, patience_s=patience_s)
    cross_signing = CrossSigning(client, settings, patience_s=patience_s)
    if settings.cross_signing:
        try:
            identity = await cross_signing.check(identity)
        except MatrixStartFailed:
            if new_device:
                await forget_new_device(client, settings)
            raise
    await upload_device_keys(client, settings, patience_s=patience_s)
    if identity is not None:
        await cross_signing.complete(identity)


async def reset_identity(client: AsyncClient, settings: MatrixSettings, *, patience_s: float = 60) -> CrossSigningIdentity:
    """`doorstep reset-cross-signing`: a new identity, published in place of the account's old one, and
    this device signed with it. The old file (if any) is kept beside the new one."""
    assert settings.user_id
    await log_in(client, settings, patience_s=patience_s)
    await upload_device_keys(client, settings, patience_s=patience_s)
    identity = CrossSigningIdentity.generate(settings.user_id)
    current = identity_path(settings.store_path)
    if current.exists():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        os.replace(current, current.with_name(f"{current.name}.replaced-{stamp}"))
    save_identity(settings.store_path, identity)
    if not await CrossSigning(client, settings, patience_s=patience_s).complete(identity, replace=True):
        raise MatrixStartFailed(
            "the homeserver wants the account's password to replace its cross-signing identity: set "
            "DOORSTEP_MATRIX__PASSWORD and run this again"
        )
    log.info("matrix cross-signing identity replaced master_key=%s", identity.master.public_key)
    return identity
