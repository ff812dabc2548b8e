"""Small helpers shared by the organiser tests."""

from __future__ import annotations

from handlers.kernel.messages import ToPerson, ToPresser, ToStreet
from tests.fakes import Sent
from tests.kit import StreetKit


def private_to(sent: list[Sent], user_id: str) -> list[Sent]:
    return [s for s in sent if isinstance(s.outgoing.to, ToPerson) and s.outgoing.to.person.user_id == user_id]


def in_group(sent: list[Sent]) -> list[Sent]:
    return [s for s in sent if isinstance(s.outgoing.to, ToStreet)]


def answers(sent: list[Sent]) -> list[str]:
    return [s.key for s in sent if isinstance(s.outgoing.to, ToPresser)]


async def street_id(street: StreetKit) -> int:
    row = await street.store.streets.get_or_create("test", "group-1", None, street.clock.now())
    return row.id


async def neighbour_id(street: StreetKit, who: str) -> int:
    found = await street.store.neighbours.find("test", who)
    assert found is not None
    return found.id
