"""Gentle limits against floods and slips, each explained kindly: how many asks and offers one person
puts up in a street in an hour, and the same words twice while the first is still up.

Both are read from the posts themselves: nothing else is kept about who posts how often."""

from __future__ import annotations

from datetime import timedelta

from handlers.kernel.domain import Post, PostKind, Street, When
from handlers.kernel.turn import Turn
from handlers.kernel.wording import tokens
from handlers.posts import texts
from handlers.street.people import street_name

HOUR = timedelta(hours=1)


async def too_many_posts(turn: Turn, street: Street) -> bool:
    """True (and they are told kindly) when they have put up as many posts there as an hour allows."""
    limit = turn.settings.posts_per_hour
    posted = await turn.store.posts.count_by_author_since(street.id, turn.neighbour.id, turn.now - HOUR)
    if posted < limit:
        return False
    turn.reply(texts.TOO_MANY_POSTS, count=limit, street=street_name(street))
    return True


def _same(post: Post, kind: PostKind, body: str, category: str, when: When) -> bool:
    words = tokens(body)
    if post.kind is not kind or tokens(post.body) != words:
        return False
    return bool(words) or (post.category, post.when) == (category, when)  # guided posts without words


async def same_post_up(turn: Turn, street: Street, kind: PostKind, body: str, category: str, when: When) -> bool:
    """True (and they are told kindly) when they already have these words up in this street."""
    if not turn.settings.refuse_duplicate_posts:
        return False
    for post in await turn.store.posts.live_by_author(turn.neighbour.id):
        if post.street_id == street.id and _same(post, kind, body, category, when):
            turn.reply(texts.SAME_POST_UP, street=street_name(street))
            return True
    return False


async def posting_refused(turn: Turn, street: Street, kind: PostKind, body: str, category: str, when: When) -> bool:
    return await too_many_posts(turn, street) or await same_post_up(turn, street, kind, body, category, when)
