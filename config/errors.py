"""Turns pydantic's validation errors into one plain line naming the setting."""

from pydantic import ValidationError

ENV_PREFIX = "DOORSTEP_"
NESTED_DELIMITER = "__"


class ConfigurationError(Exception):
    """A setting is missing or wrong; the message names the key and the problem."""


def env_key(location: tuple[str | int, ...]) -> str:
    """('telegram', 'base_url') -> 'DOORSTEP_TELEGRAM__BASE_URL'."""
    parts = [str(part).upper() for part in location if not isinstance(part, int)]
    return ENV_PREFIX + NESTED_DELIMITER.join(parts) if parts else ENV_PREFIX.rstrip("_")


def describe(error: ValidationError) -> str:
    """The first problem, as one line an operator can act on."""
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    return f"{env_key(tuple(first['loc']))}: {message}"
