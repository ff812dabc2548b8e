"""Gentle limits against floods and slips, each explained kindly: how many asks and offers one person
puts up in a street in an hour, the same words twice while the first is still up, and how many
private messages one person sends the bot in an hour (a relay flooding someone, a script gone wrong).

Posting limits are read from the posts themselves; private messages are counted in memory by the
running bot only (nothing is stored about who writes how often)."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from enum import Enum

from handlers import texts
from handlers.domain import Post, PostKind, Street, When
from handlers.people import street_name
from handlers.turn import Turn
from handlers.wording import tokens

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


class Verdict(Enum):
    READ = "read"
    REFUSE_AND_SAY_WHY = "refuse and say why"  # the first refusal in a while: they hear why, once
    REFUSE = "refuse"


class PrivateMessageLimit:
    """At most `per_hour` private messages per person in any hour, counted in this run's memory.
    Memory stays bounded: each person keeps at most `per_hour` times, and people quiet for an hour
    are dropped whenever the count of people grows past `SWEEP_AT`."""

    SWEEP_AT = 10_000

    def __init__(self, per_hour: int) -> None:
        self._per_hour = per_hour
        self._times: dict[tuple[str, str], deque[datetime]] = {}
        self._told: set[tuple[str, str]] = set()

    def check(self, platform: str, user_id: str, now: datetime) -> Verdict:
        key = (platform, user_id)
        times = self._times.setdefault(key, deque())
        while times and times[0] <= now - HOUR:
            times.popleft()
        if len(times) >= self._per_hour:
            if key in self._told:
                return Verdict.REFUSE
            self._told.add(key)
            return Verdict.REFUSE_AND_SAY_WHY
        self._told.discard(key)
        times.append(now)
        if len(self._times) > self.SWEEP_AT:
            self._sweep(now)
        return Verdict.READ

    @property
    def remembered(self) -> int:
        """How many people it holds times for."""
        return len(self._times)

    def _sweep(self, now: datetime) -> None:
        for key in [key for key, times in self._times.items() if not times or times[-1] <= now - HOUR]:
            del self._times[key]
            self._told.discard(key)
