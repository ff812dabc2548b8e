"""`doorstep check-config`: every setting, where it's read from, secrets masked."""

from __future__ import annotations

from pydantic import BaseModel, SecretStr

from config.errors import ENV_PREFIX, NESTED_DELIMITER
from config.settings import Settings


def _lines(model: BaseModel, prefix: str) -> list[str]:
    lines = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        key = prefix + name.upper()
        if isinstance(value, BaseModel):
            lines.extend(_lines(value, key + NESTED_DELIMITER))
        elif isinstance(value, SecretStr):
            lines.append(f"  {key} = {'******** (set)' if value.get_secret_value() else '(not set)'}")
        else:
            lines.append(f"  {key} = {'(not set)' if value is None else value}")
    return lines


def describe_settings(settings: Settings) -> str:
    platforms = ", ".join(settings.platforms) or "none — `doorstep run` starts the console street"
    return "\n".join(["Doorstep settings:", *_lines(settings, ENV_PREFIX), f"Platforms: {platforms}"])
