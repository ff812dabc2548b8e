"""The link a street's code travels in, as each platform has it. On Telegram a deep link carries the
code into the private chat (`/start <code>`); on Matrix a matrix.to link opens a chat with the bot,
where the code is sent by hand; the console street has no links, only what to type."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrintLink:
    url: str  # what the QR code holds
    shown: str  # the link as printed (short, without https://)
    needs_code: bool  # the code must be sent by hand once the chat is open


def telegram(bot_username: str, code: str) -> PrintLink:
    """A street's code is letters and digits only, so it is a start parameter as it is."""
    return PrintLink(f"https://t.me/{bot_username}?start={code}", f"t.me/{bot_username}?start={code}", False)


def matrix(bot_user_id: str) -> PrintLink:
    return PrintLink(f"https://matrix.to/#/{bot_user_id}", f"matrix.to/#/{bot_user_id}", True)


def console(code: str) -> PrintLink:
    return PrintLink(f"/start {code}", f"/start {code}", False)
