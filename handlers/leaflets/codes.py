"""A street's code: eight letters and digits that name the street (never a person), carried by the
link on its leaflets and posters — a Telegram deep link carries it; on Matrix it is typed. One per
street, made when first needed and renewed by organisers (old leaflets then stop working, kindly)."""

from __future__ import annotations

import re
import secrets

from handlers.kernel.domain import Street
from handlers.kernel.turn import Services

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # nothing that reads as another letter
DIGITS = "23456789"
LENGTH = 8
TRIES = 5  # a clash with another street's code is already a one-in-a-trillion chance
# What a typed code may look like: "k7mq2xwp", "k7mq-2xwp" (as printed), "K7MQ-2XWP". One word with at
# least one digit, so nothing someone says ("meet 2day") is taken for one.
_TYPED = re.compile(r"^\s*([a-z2-9]{4})-?([a-z2-9]{4})\s*$")


def new_code() -> str:
    """A fresh code, with at least one digit in it."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if any(char in DIGITS for char in code):
            return code


def shown(code: str) -> str:
    """'k7mq2xwp' -> 'k7mq-2xwp', easier to read off a page and type."""
    return f"{code[:LENGTH // 2]}-{code[LENGTH // 2:]}"


def read_code(text: str) -> str | None:
    """The code someone typed (or a deep link carried), or None if the words aren't one."""
    found = _TYPED.match(text.lower())
    if found is None:
        return None
    code = found.group(1) + found.group(2)
    return code if any(char in DIGITS for char in code) else None


async def code_for(services: Services, street: Street) -> str:
    """The street's code, made the first time it is needed."""
    code = await services.store.street_codes.of_street(street.id)
    return code if code is not None else await renew(services, street)


async def renew(services: Services, street: Street) -> str:
    """A new code for the street; the old one stops working."""
    now = services.clock.now()
    for _ in range(TRIES):
        code = new_code()
        if await services.store.street_codes.put(street.id, code, now):
            return code
    raise RuntimeError("could not find a street code no other street has")


async def street_of(services: Services, code: str) -> Street | None:
    street_id = await services.store.street_codes.street_with(code)
    return await services.store.streets.get(street_id) if street_id is not None else None
