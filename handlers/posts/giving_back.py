"""After being helped, now and then, a gentle word that everyone has something to offer.

Never after every ask and never pushy: only after a few helps, at most once a month, and not to
someone who already has an offer up."""

from __future__ import annotations

from datetime import datetime

from handlers.kernel.messages import msg
from handlers.kernel.turn import Effects, Services
from handlers.posts import texts
from handlers.street.people import person


async def after_helped(services: Services, effects: Effects, neighbour_id: int, now: datetime) -> None:
    store = services.store
    settings = services.settings
    helps = await store.neighbours.record_helped(neighbour_id)
    if helps < settings.give_back_after_helps:
        return
    last = await store.neighbours.last_invited_at(neighbour_id)
    if last is not None and now - last < settings.give_back_every:
        return
    if any(not post.is_ask for post in await store.posts.live_by_author(neighbour_id)):
        return
    who = await person(store, neighbour_id)
    if who is None:
        return
    effects.tell(who, msg(texts.GIVE_BACK_INVITATION))
    await store.neighbours.record_invited(neighbour_id, now)
