"""Two people at the same moment: two helpers press "I can help" on one ask together, and the author
says yes to both of them together — exactly one becomes the helper, the other is told kindly, and
nothing is lost or doubled."""

from __future__ import annotations

import asyncio

from handlers.kernel import texts
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import ToPerson
from handlers.posts import texts as posts_texts
from tests.kit import GROUP, PLATFORM, StreetKit, card_of


def _press(who: str, payload: str, *, private: bool) -> Incoming:
    return Incoming(PLATFORM, who if private else GROUP, who, private, IncomingKind.PRESS, payload=payload,
                    user_name=who.capitalize(), chat_title="Elm Street", ref=f"press-{who}")


async def test_two_helpers_at_once_then_two_yeses_at_once(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone lend me a ladder on Saturday?")).outgoing.card_of
    street.notifier.take()
    await asyncio.gather(
        street.core.handle(_press("sam", f"h:{post_id}", private=False)),
        street.core.handle(_press("joe", f"h:{post_id}", private=False)),
    )
    assert await street.count("responses", "status = 'pending'") == 2
    questions = [s for s in street.notifier.take() if s.key == "{lines}" and s.choices]
    assert len(questions) == 2  # Rosa hears of each, once

    yeses = [question.payload("share my username") for question in questions]
    await asyncio.gather(*(street.core.handle(_press("rosa", yes, private=True)) for yes in yeses))
    sent = street.notifier.take()
    assert await street.count("responses", "status = 'confirmed'") == 1
    assert await street.count("posts", "status = 'matched'") == 1
    chosen = {s.outgoing.to.person.user_id for s in sent  # type: ignore[union-attr]
              if isinstance(s.outgoing.to, ToPerson) and s.key == posts_texts.IN_TOUCH_RESPONDER}
    told_kindly = {s.outgoing.to.person.user_id for s in sent  # type: ignore[union-attr]
                   if isinstance(s.outgoing.to, ToPerson) and s.key == posts_texts.SOMEONE_ELSE_CHOSEN}
    assert len(chosen) == 1 and told_kindly == {"sam", "joe"} - chosen
    assert [s.text for s in sent if "went wrong" in s.text] == []
    assert texts.POST_NOT_OPEN in [s.key for s in sent]  # Rosa's second yes: already sorted


async def test_the_same_helper_twice_at_once_answers_once(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone lend me a ladder on Saturday?")).outgoing.card_of
    street.notifier.take()
    await asyncio.gather(*(street.core.handle(_press("sam", f"h:{post_id}", private=False)) for _ in range(3)))
    assert await street.count("responses") == 1
    keys = [s.key for s in street.notifier.take()]
    assert keys.count(posts_texts.THANKS_FOR_OFFERING) == 1 and keys.count(posts_texts.ALREADY_RESPONDED) == 2
