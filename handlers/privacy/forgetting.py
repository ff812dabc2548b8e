"""/forgetme: one confirmation, then everything Doorstep keeps about the person goes, for good.

Before their row is deleted, the people it touches hear kindly: whoever answered their posts (and
every card of those posts says it has closed, without their words); the author of a post they were
in touch about (it opens again); anyone told their check-in went unanswered (all is well), their
buddy, and anyone whose buddy they were (nobody hears of no answer for now). Waiting messages that
mention them say "a neighbour" instead. Then the database's own foreign keys delete every row of
theirs and clear their id from rows that stay (an answer they gave stays, with no neighbour)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.checkins import controls
from handlers.checkins.escalation import private
from handlers.kernel import languages
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import Tell
from handlers.kernel.domain import Post, Response, ResponseStatus
from handlers.kernel.messages import CardUpdate, Choice, Lines, Msg, Outgoing, Param, Person, ToPerson, lines, msg
from handlers.kernel.ownership import pressed_by_owner
from handlers.kernel.payloads import Payload
from handlers.kernel.serialize import decode_private, encode_private, person_marker
from handlers.kernel.turn import Turn
from handlers.nearby import fan_out
from handlers.posts.cards import details, subject
from handlers.posts.responding import refresh_card
from handlers.privacy import texts
from handlers.street.people import person



@dataclass(frozen=True)
class ForgetMe(Payload, code="fg", destructive=True):  # yes, forget me
    owner_id: int


@dataclass(frozen=True)
class KeepMe(Payload, code="fk"):  # no, keep things as they are
    owner_id: int


async def forget_me(turn: Turn, text: str) -> None:
    """/forgetme: what will go, and one button to say yes."""
    choices = (
        Choice(msg(texts.BUTTON_FORGET_ME), ForgetMe(turn.neighbour.id).pack()),
        Choice(msg(texts.BUTTON_KEEP_ME), KeepMe(turn.neighbour.id).pack()),
    )
    turn.reply(texts.FORGET_QUESTION, choices)


async def keep(turn: Turn, pressed: KeepMe) -> None:
    if pressed_by_owner(turn, pressed.owner_id):
        turn.answer(texts.FORGET_KEPT)


async def confirmed(turn: Turn, pressed: ForgetMe) -> None:
    if not pressed_by_owner(turn, pressed.owner_id):
        return
    # Their language goes with them, so the last word is worked out now, while it is still known.
    locale = await languages.of_neighbour(turn.services, turn.neighbour)
    await forget(turn)
    turn.effects.add(Outgoing(ToPerson(turn.person), msg(texts.FORGOTTEN), locale=locale))


async def forget(turn: Turn) -> None:
    """Tell whoever needs to know, then delete every row about the person taking this turn."""
    store = turn.store
    me = turn.neighbour
    own_posts = await store.posts.by_author(me.id)
    for post in own_posts:  # first, so none of their offers is suggested for a post reopened below
        if post.status.live:
            await store.posts.save_status(post.withdrawn(turn.now))
    for post in own_posts:
        await _own_post_closes(turn, post)
    for response in await store.responses.live_of_neighbour(me.id):
        await _answer_goes(turn, response)
    await _checkins_end(turn)
    await _mentions_go(turn)
    for hook in turn.services.forget_hooks:
        await hook(turn.services, me)
    await store.personal_data.forget(me.id)


async def _own_post_closes(turn: Turn, post: Post) -> None:
    """Those who answered hear it has gone; every card of it says it has closed, without their words."""
    store = turn.store
    if post.status.live:
        for status in (ResponseStatus.PENDING, ResponseStatus.CONFIRMED):
            for response in await store.responses.of_post(post.id, status):
                if (someone := await person(store, response.neighbour_id)) is not None:
                    turn.effects.tell(someone, msg(texts.FORGOTTEN_POST_FOR_RESPONDER, details=details(post)))
    refs = tuple(await store.cards.of_post(post.id))
    nearby = tuple(await store.cards.nearby_of_post(post.id))
    if refs or nearby:
        closed = lines(msg(common.CARD_CLOSED_HEAD), details(post))
        locale = await languages.of_street(turn.services, post.street_id)  # the post, and so its street's record, goes
        turn.effects.add(CardUpdate(post.id, closed, (), locale=locale, nearby_text=closed, refs=refs, nearby_refs=nearby))


async def _answer_goes(turn: Turn, response: Response) -> None:
    """An answer waiting for a yes is withdrawn; a post they were in touch about opens again."""
    store = turn.store
    post = await store.posts.get(response.post_id)
    if post is None or not post.status.live:
        return
    if response.status is ResponseStatus.PENDING:
        await store.responses.save_status(response.withdrawn(), turn.now)
        await refresh_card(turn, post.id)
        return
    await store.responses.save_status(response.handed_back(), turn.now)
    await store.posts.save_status(post.reopened(turn.now))
    if (author := await person(store, post.author_id)) is not None:
        turn.effects.tell(author, msg(texts.FORGOTTEN_MATCH_REOPENED, subject=subject(post)))
    await refresh_card(turn, post.id)
    reopened = await store.posts.get(post.id)
    if reopened is not None and reopened.is_ask:
        await fan_out.start(turn.services, turn.effects, reopened, turn.now)


async def _checkins_end(turn: Turn) -> None:
    store = turn.store
    own = await store.checkins.of_neighbour(turn.neighbour.id)
    if own is not None:
        await controls.answered_by_this(turn, own)  # anyone told of no answer hears all is well
        if own.tell is Tell.BUDDY and own.buddy_id is not None:
            await controls.tell_old_buddy(turn, own, common.BUDDY_CHECKINS_STOPPED)
    for checkin in await store.checkins.with_buddy(turn.neighbour.id):
        await store.checkins.tell_nobody(checkin.id, turn.now)
        if (owner := await person(store, checkin.neighbour_id)) is not None:
            turn.effects.add(private(owner, msg(texts.FORGOTTEN_BUDDY_FOR_OWNER)))


async def _mentions_go(turn: Turn) -> None:
    """Messages waiting for others that mention them now say "a neighbour"."""
    me = Person(turn.neighbour.platform, turn.neighbour.user_id)
    for held_id, raw in await turn.store.held.containing(person_marker(me.platform, me.user_id)):
        waiting = decode_private(raw)
        if isinstance(waiting.to, ToPerson) and (waiting.to.person.platform, waiting.to.person.user_id) == (
            me.platform, me.user_id,
        ):
            continue  # their own waiting messages go with them
        choices = tuple(replace(choice, label=_without(choice.label, me)) for choice in waiting.choices)
        await turn.store.held.replace(held_id, encode_private(replace(waiting, text=_without(waiting.text, me), choices=choices)))


def _without(message: Msg, who: Person) -> Msg:
    """The message with `who` said as "a neighbour"."""
    def swap(value: Param) -> Param:
        if isinstance(value, Person) and (value.platform, value.user_id) == (who.platform, who.user_id):
            return msg(common.A_NEIGHBOUR)
        if isinstance(value, Msg):
            return _without(value, who)
        if isinstance(value, Lines):
            return Lines(tuple(_without(item, who) for item in value.items))
        return value

    return Msg(message.key, {name: swap(value) for name, value in message.params.items()})
