"""`doorstep check-config`'s lines on the bot's cross-signing: what the identity file holds, and —
when the bot has logged in before — whether the homeserver publishes the same identity and whether
the bot's device is signed by it. Nothing is changed anywhere."""

from __future__ import annotations

from nio import AsyncClient

from bot.matrix.cross_signing import PublishedKeys, published_keys
from bot.matrix.identity import CrossSigningIdentity, IdentityFileDamaged, identity_path, load_identity
from bot.matrix.session import MatrixStartFailed, load_session
from config.settings import MatrixSettings


async def describe_cross_signing(settings: MatrixSettings) -> list[str]:
    if not settings.enabled or not settings.user_id:
        return []
    if not settings.cross_signing:
        return ["Matrix cross-signing: off (DOORSTEP_MATRIX__CROSS_SIGNING=false); the bot's device is not signed"]
    path = identity_path(settings.store_path)
    lines = ["Matrix cross-signing:"]
    identity: CrossSigningIdentity | None = None
    try:
        identity = load_identity(settings.store_path, settings.user_id)
    except IdentityFileDamaged as problem:
        lines.append(f"  identity file: {problem} — start-up will stop until it is put back from a backup")
    else:
        lines.append(f"  identity file: {path} (master key {identity.master.public_key})" if identity
                     else f"  identity file: none at {path} yet")
    session = load_session(settings.store_path)
    if session is None or session.user_id != settings.user_id:
        lines.append("  homeserver: not asked — the bot has not logged in from this store yet")
        return lines
    client = AsyncClient(str(settings.homeserver), settings.user_id, device_id=session.device_id)
    client.access_token = session.access_token
    try:
        published = await published_keys(client, settings.user_id)
    except MatrixStartFailed as problem:
        lines.append(f"  homeserver: not checked ({problem})")
        return lines
    finally:
        await client.close()
    lines.extend(_compared(published, identity, settings.user_id, session.device_id))
    return lines


def _compared(published: PublishedKeys, identity: CrossSigningIdentity | None, user_id: str, device_id: str) -> list[str]:
    if published.master is None:
        server = "  homeserver: no cross-signing keys for the account yet (published at the next start)"
    elif identity is None:
        server = f"  homeserver: has master key {published.master}, but the identity file is missing — start-up will stop"
    elif published.master != identity.master.public_key:
        server = f"  homeserver: has a different master key ({published.master}) — start-up will stop"
    elif published.self_signing != identity.self_signing.public_key:
        server = "  homeserver: same master key, but another self-signing key (replaced at the next start)"
    else:
        server = "  homeserver: publishes the same master and self-signing keys"
    if device_id not in published.devices:
        device = f"  device {device_id}: the homeserver doesn't list it (the bot logs in afresh at the next start)"
    elif published.device_signed(user_id, device_id):
        device = f"  device {device_id}: signed by the self-signing key"
    else:
        device = f"  device {device_id}: not signed yet (signed at the next start)"
    return [server, device]
