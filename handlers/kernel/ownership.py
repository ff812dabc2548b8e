"""Whose a button's record is: one check for every button that only its owner may press."""

from __future__ import annotations

from typing import Awaitable, Callable, Collection, TypeVar

from handlers.kernel import texts
from handlers.kernel.domain import Post
from handlers.kernel.turn import Turn

T = TypeVar("T")


async def presser_owns(
    turn: Turn, record_id: int, load: Callable[[int], Awaitable[T | None]],
    owners: Callable[[T], Collection[int | None]], *, gone: str,
) -> T | None:
    """The record a press is about, if it is still there (else they hear `gone`) and the presser is
    among `owners(record)` (else "that's not for you"); None when they have been answered."""
    record = await load(record_id)
    if record is None:
        turn.answer(gone)
        return None
    if turn.neighbour.id not in owners(record):
        turn.answer(texts.NOT_FOR_YOU)
        return None
    return record


def its_author(post: Post) -> tuple[int | None]:
    """Who owns a post: its author (None once they have been forgotten)."""
    return (post.author_id,)


def pressed_by_owner(turn: Turn, owner_id: int) -> bool:
    """Whether the button, made for neighbour `owner_id` alone, was pressed by them (else they hear
    "that's not for you")."""
    if owner_id != turn.neighbour.id:
        turn.answer(texts.NOT_FOR_YOU)
        return False
    return True
