"""Logging as key=value lines. Never message text, coordinates or tokens; user ids only hashed."""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from typing import TextIO

# Libraries that log too much for us at DEBUG: request URLs (with the bot token), request
# parameters (with message text).
QUIET_LIBRARIES = ("httpx", "httpcore", "aiosqlite", "apscheduler", "telegram", "nio")
_SECRETS: set[str] = set()  # never written to the log, whoever logs them (tokens live in URLs)


def hashed(user_id: str) -> str:
    """A short, stable stand-in for a user id in logs."""
    return hashlib.sha256(user_id.encode()).hexdigest()[:10]


def redact(secret: str) -> None:
    """Make sure `secret` never appears in a log line, even inside a library's error message."""
    if len(secret) >= 8:
        _SECRETS.add(secret)


def _without_secrets(line: str) -> str:
    for secret in _SECRETS:
        line = line.replace(secret, "[redacted]")
    return line


# A Matrix user id (@someone:example.org), as libraries like matrix-nio write them into their logs.
_MATRIX_USER_ID = re.compile(r"@[A-Za-z0-9._=\-/+]+:[A-Za-z0-9.\-]+(?::[0-9]+)?")


class HashUserIds(logging.Filter):
    """Libraries name people by their ids in their own log lines; ours keep only a hash."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True  # a malformed record: the handler reports it as usual
        if "@" in message:
            record.msg = _MATRIX_USER_ID.sub(lambda found: f"user:{hashed(found.group(0))}", message)
            record.args = None
        return True


# Where a message's own key=value pairs begin: "checkin sent occurrence=12" -> event, then fields.
_FIRST_FIELD = re.compile(r"(?:^|\s)(?=[a-z_][a-z0-9_]*=)")


def quoted(text: str) -> str:
    """A value as one token: in double quotes, with quotes, backslashes and line breaks escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def split_fields(message: str) -> tuple[str, str]:
    """("checkin sent", "occurrence=12") from "checkin sent occurrence=12"; a message without
    fields (a library's) is all event."""
    found = _FIRST_FIELD.search(message)
    if found is None:
        return message, ""
    return message[: found.start()].strip(), message[found.start():].strip().replace("\n", " ").replace("\r", " ")


class KeyValueFormatter(logging.Formatter):
    """time=… level=… logger=… msg="what happened" key=value… [error="traceback"], one line each."""

    def format(self, record: logging.LogRecord) -> str:
        event, fields = split_fields(record.getMessage())
        line = f"time={self.formatTime(record, '%Y-%m-%dT%H:%M:%S')} level={record.levelname.lower()} " \
               f"logger={record.name} msg={quoted(event)}"
        if fields:
            line += f" {fields}"
        if record.exc_info:
            line += " error=" + quoted(self.formatException(record.exc_info))
        return _without_secrets(line)


def configure(level: str = "INFO", stream: TextIO = sys.stderr) -> None:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(KeyValueFormatter())
    handler.addFilter(HashUserIds())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and Telegram's URLs contain the bot token.
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
