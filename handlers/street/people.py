"""Looking up who and where, from ids the core keeps."""

from __future__ import annotations

from handlers.kernel.domain import Post, Street
from handlers.kernel.messages import Param, Person, msg
from handlers.kernel.ports import Store
from handlers.street import texts


async def person(store: Store, neighbour_id: int | None) -> Person | None:
    """The person behind a neighbour id; their name comes later, from the platform."""
    if neighbour_id is None:
        return None
    neighbour = await store.neighbours.get(neighbour_id)
    return Person(neighbour.platform, neighbour.user_id) if neighbour else None


async def author(store: Store, post: Post) -> Person | None:
    return await person(store, post.author_id)


async def street_title(store: Store, street_id: int) -> str | None:
    street = await store.streets.get(street_id)
    return street.title if street else None


def street_name(street: Street | None) -> Param:
    """The group's own name, or "your street" when the platform gave none."""
    if street is not None and street.title:
        return street.title
    return msg(texts.A_STREET)
