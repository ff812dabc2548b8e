"""Every environment key Doorstep reads, and a friendly check for ones it doesn't (usually typos)."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Iterable

from dotenv import dotenv_values
from pydantic import BaseModel

from config.errors import ENV_PREFIX, NESTED_DELIMITER, ConfigurationError


def all_keys(model: type[BaseModel], prefix: str = ENV_PREFIX) -> set[str]:
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys |= all_keys(annotation, prefix + name.upper() + NESTED_DELIMITER)
        else:
            keys.add(prefix + name.upper())
    return keys


def check_known(model: type[BaseModel], env_file: Path) -> None:
    """Raise for a DOORSTEP_ key in the environment or `.env` that no setting reads."""
    known = all_keys(model)
    file_keys: Iterable[str] = dotenv_values(env_file).keys() if env_file.is_file() else ()
    for key in sorted({*os.environ, *file_keys}):
        if key.upper().startswith(ENV_PREFIX) and key.upper() not in known:
            guess = difflib.get_close_matches(key.upper(), sorted(known), n=1)
            hint = f" (did you mean {guess[0]}?)" if guess else ""
            raise ConfigurationError(f"{key}: not a setting Doorstep knows{hint}")
