"""Answering a post and seeing it through: "I can help" / "Yes please", the author's yes or
"not this time", done, taking it down, and handing back when a helper can't make it."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostKind, PostStatus, Response, ResponseStatus
from handlers.kernel.messages import Choice, lines, msg
from handlers.kernel.ownership import its_author, presser_owns
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Turn
from handlers.nearby import fan_out, relay
from handlers.posts import giving_back, recurring, texts
from handlers.posts.cards import CanHelp, YesPlease, card_update, subject
from handlers.street import weekly
from handlers.street.activity import note_activity
from handlers.street.people import author, person, street_name



@dataclass(frozen=True)
class Confirm(Payload, code="ok"):  # yes, and share usernames
    response_id: int


@dataclass(frozen=True)
class ConfirmThroughBot(Payload, code="ot"):  # yes, and talk through the bot
    response_id: int


@dataclass(frozen=True)
class NotThisTime(Payload, code="no"):
    response_id: int


@dataclass(frozen=True)
class Done(Payload, code="dn"):
    post_id: int


@dataclass(frozen=True)
class Withdraw(Payload, code="wd", destructive=True):
    post_id: int


@dataclass(frozen=True)
class CantMakeIt(Payload, code="cm"):
    post_id: int


async def _post_for_press(turn: Turn, post_id: int) -> Post | None:
    post = await turn.store.posts.get(post_id)
    if post is None:
        turn.answer(common.POST_NOT_FOUND)
    return post


async def _response_for_press(turn: Turn, response_id: int) -> tuple[Response, Post] | None:
    """The response a yes/no button is about, if the presser is the post's author."""

    async def with_its_post(response_id: int) -> tuple[Response, Post] | None:
        response = await turn.store.responses.get(response_id)
        post = await turn.store.posts.get(response.post_id) if response is not None else None
        return (response, post) if response is not None and post is not None else None

    return await presser_owns(
        turn, response_id, with_its_post, lambda found: (found[1].author_id,), gone=common.POST_NOT_FOUND,
    )


async def _confirmed(turn: Turn, post: Post) -> Response | None:
    confirmed = await turn.store.responses.of_post(post.id, ResponseStatus.CONFIRMED)
    return confirmed[0] if confirmed else None


def _helper_and_helped(post: Post, response: Response) -> tuple[int | None, int | None]:
    """On an ask the responder helps the author; on an offer the author helps the responder."""
    if post.is_ask:
        return response.neighbour_id, post.author_id
    return post.author_id, response.neighbour_id


async def refresh_card(turn: Turn, post_id: int) -> None:
    post = await turn.store.posts.get(post_id)
    if post is None:
        return
    waiting = await _someone_offered(turn, post)
    home = street_name(await turn.store.streets.get(post.street_id))
    turn.effects.add(card_update(post, await author(turn.store, post), someone_offered=waiting, home=home))


async def _someone_offered(turn: Turn, post: Post) -> bool:
    """What an open ask's card says besides the post: that someone has offered and awaits a yes."""
    return post.is_ask and bool(await turn.store.responses.of_post(post.id, ResponseStatus.PENDING))


async def _refresh_card_if_changed(turn: Turn, post: Post, someone_offered_before: bool) -> None:
    """While a post stays open, answering it or saying no to an answer changes its card only when the
    "someone has offered" line comes or goes: only then is it edited (an edit that changes nothing is a
    wasted call, and one Telegram counts against the group's 20 a minute)."""
    if await _someone_offered(turn, post) != someone_offered_before:
        await refresh_card(turn, post.id)


async def _active(turn: Turn, post: Post) -> None:
    """Answering or closing a post, even privately, counts as being active in its street."""
    await note_activity(turn.services, post.street_id, turn.neighbour.id, turn.now)


async def offer_help(turn: Turn, pressed: CanHelp) -> None:
    await _respond(turn, pressed.post_id, PostKind.ASK)


async def take_offer(turn: Turn, pressed: YesPlease) -> None:
    await _respond(turn, pressed.post_id, PostKind.OFFER)


async def _respond(turn: Turn, post_id: int, kind: PostKind) -> None:
    post = await _post_for_press(turn, post_id)
    if post is None:
        return
    if post.kind is not kind:
        turn.answer(common.BUTTON_EXPIRED)
    elif post.author_id == turn.neighbour.id:
        turn.answer(texts.OWN_POST)
    elif post.status is not PostStatus.OPEN:
        turn.answer(common.POST_NOT_OPEN)
    elif await turn.store.responses.live_for(post.id, turn.neighbour.id) is not None:
        turn.answer(texts.ALREADY_RESPONDED)
    else:
        await _ask_author(turn, post)


async def _ask_author(turn: Turn, post: Post) -> None:
    someone_offered_before = await _someone_offered(turn, post)
    response = await turn.store.responses.add(post.id, turn.neighbour.id, turn.now)
    await _active(turn, post)
    turn.answer(texts.THANKS_FOR_OFFERING if post.is_ask else texts.THANKS_FOR_ASKING)
    poster = await author(turn.store, post)
    if poster is None:
        return
    key, role = (texts.CONFIRM_HELPER, "helper") if post.is_ask else (texts.CONFIRM_TAKER, "taker")
    choices = (
        Choice(msg(texts.BUTTON_YES_SHARE), Confirm(response.id).pack()),
        Choice(msg(texts.BUTTON_YES_RELAY), ConfirmThroughBot(response.id).pack()),
        Choice(msg(common.BUTTON_NOT_THIS_TIME), NotThisTime(response.id).pack()),
    )
    street = None if post.anonymous else await turn.store.streets.get(post.street_id)
    question = lines(msg(key, **{role: turn.person, "subject": subject(post)}), msg(texts.CONTACT_CHOICE))
    turn.effects.tell(poster, question, choices, fallback=street, thread=await _beside_card(turn, post))
    await _refresh_card_if_changed(turn, post, someone_offered_before)


async def _beside_card(turn: Turn, post: Post) -> str | None:
    """Where in its group to say something about a post openly, if need be: where the press was, when
    it was in that group; else beside the post's card (in the topic or thread it is in)."""
    if turn.street is not None and turn.street.id == post.street_id:
        return turn.thread
    cards = await turn.store.cards.of_post(post.id)
    return cards[0].thread if cards else None


async def confirm(turn: Turn, pressed: Confirm) -> None:
    """The author says yes to one neighbour and shares usernames: both are put in touch."""
    await _confirm(turn, pressed.response_id, through_bot=False)


async def confirm_through_bot(turn: Turn, pressed: ConfirmThroughBot) -> None:
    """The author says yes but would rather talk through the bot, keeping their username private."""
    await _confirm(turn, pressed.response_id, through_bot=True)


async def _confirm(turn: Turn, response_id: int, *, through_bot: bool) -> None:
    """Both are put in touch (directly or through the bot) and the card shows it's sorted."""
    found = await _response_for_press(turn, response_id)
    if found is None:
        return
    response, post = found
    if response.status is ResponseStatus.CONFIRMED:
        turn.answer(common.ALREADY_DONE)
        return
    if response.status is not ResponseStatus.PENDING or post.status is not PostStatus.OPEN:
        turn.answer(common.POST_NOT_OPEN)
        return
    store = turn.store
    handed_back_before = bool(await store.responses.of_post(post.id, ResponseStatus.HANDED_BACK))
    await store.responses.save_status(response.confirmed(), turn.now)
    await store.posts.save_status(post.sorted(turn.now))
    await _active(turn, post)
    if post.is_ask and not handed_back_before:  # an ask is met once, however many helpers it took
        await weekly.count(turn.services, post.street_id, weekly.ASKS_MET, turn.now)
    for other in await store.responses.of_post(post.id, ResponseStatus.PENDING):
        await store.responses.save_status(other.withdrawn(), turn.now)
        if (someone := await person(store, other.neighbour_id)) is not None:
            turn.effects.tell(someone, msg(texts.SOMEONE_ELSE_CHOSEN, subject=subject(post)))
    await _put_in_touch(turn, post, response, through_bot)
    await recurring.after_confirmed(turn, post, response)
    await refresh_card(turn, post.id)


async def _put_in_touch(turn: Turn, post: Post, response: Response, through_bot: bool) -> None:
    helper_id, _ = _helper_and_helped(post, response)
    done = Choice(msg(texts.BUTTON_DONE), Done(post.id).pack())
    cant = Choice(msg(texts.BUTTON_CANT_MAKE_IT), CantMakeIt(post.id).pack())
    author_choices = (done, cant) if helper_id == post.author_id else (done,)
    responder_choices = (done, cant) if helper_id == response.neighbour_id else (done,)
    if through_bot:
        await relay.start(turn, post, response, author_choices, responder_choices)
        return
    responder = await person(turn.store, response.neighbour_id)
    if responder is None:
        return
    street = None if post.anonymous else await turn.store.streets.get(post.street_id)
    about, thread = subject(post), await _beside_card(turn, post)
    turn.effects.tell(turn.person, msg(texts.IN_TOUCH_AUTHOR, other=responder, subject=about), author_choices,
                      fallback=street, thread=thread)
    turn.effects.tell(responder, msg(texts.IN_TOUCH_RESPONDER, other=turn.person, subject=about), responder_choices,
                      fallback=street, thread=thread)


async def not_this_time(turn: Turn, pressed: NotThisTime) -> None:
    found = await _response_for_press(turn, pressed.response_id)
    if found is None:
        return
    response, post = found
    if response.status is not ResponseStatus.PENDING:
        turn.answer(common.ALREADY_DONE)
        return
    someone_offered_before = await _someone_offered(turn, post)
    await turn.store.responses.save_status(response.declined(), turn.now)
    await _active(turn, post)
    if (responder := await person(turn.store, response.neighbour_id)) is not None:
        turn.effects.tell(responder, msg(texts.DECLINED_FOR_RESPONDER, subject=subject(post)))
    turn.reply(texts.NOTED_NOT_THIS_TIME)
    await _refresh_card_if_changed(turn, post, someone_offered_before)


async def done(turn: Turn, pressed: Done) -> None:
    """Either side says it's done. The neighbour who was helped may, now and then, be invited to offer."""
    post = await _post_for_press(turn, pressed.post_id)
    if post is None:
        return
    confirmed = await _confirmed(turn, post)
    allowed = {post.author_id, confirmed.neighbour_id if confirmed else None} - {None}
    if turn.neighbour.id not in allowed:
        turn.answer(common.NOT_FOR_YOU)
        return
    if post.status is PostStatus.DONE:
        turn.answer(common.ALREADY_DONE)
        return
    if not post.status.live:
        turn.answer(common.POST_NOT_OPEN)
        return
    was_open = post.status is PostStatus.OPEN
    await turn.store.posts.save_status(post.done(turn.now))
    await _active(turn, post)
    await relay.end_for_post(turn.store, post.id)
    await _close_pending(turn, post)
    turn.reply(texts.MARKED_DONE)
    if confirmed is not None:
        other_id = confirmed.neighbour_id if turn.neighbour.id == post.author_id else post.author_id
        if (other := await person(turn.store, other_id)) is not None:
            turn.effects.tell(other, msg(texts.DONE_FOR_OTHER, subject=subject(post)))
        _, helped_id = _helper_and_helped(post, confirmed)
        if helped_id is not None and not post.for_neighbour:  # the poster of a proxy ask wasn't the one helped
            await giving_back.after_helped(turn.services, turn.effects, helped_id, turn.now)
    if was_open:
        await refresh_card(turn, post.id)


async def _close_pending(turn: Turn, post: Post) -> list[Response]:
    closed = await turn.store.responses.of_post(post.id, ResponseStatus.PENDING)
    for response in closed:
        await turn.store.responses.save_status(response.withdrawn(), turn.now)
    return closed


async def withdraw(turn: Turn, pressed: Withdraw) -> None:
    """The author takes their post down; anyone who answered is thanked and told."""
    post = await presser_owns(turn, pressed.post_id, turn.store.posts.get, its_author, gone=common.POST_NOT_FOUND)
    if post is None:
        return
    if not post.status.live:
        turn.answer(common.ALREADY_DONE)
        return
    await take_down(turn, post)
    await _active(turn, post)
    turn.reply(texts.WITHDRAWN)


async def take_down(turn: Turn, post: Post) -> None:
    """Close a live post for good (its author, or an organiser, took it down): whoever answered it
    is thanked and told, and its card shows it has closed."""
    confirmed = await _confirmed(turn, post)
    await turn.store.posts.save_status(post.withdrawn(turn.now))
    await relay.end_for_post(turn.store, post.id)
    answered = await _close_pending(turn, post)
    if confirmed is not None:
        await turn.store.responses.save_status(confirmed.withdrawn(), turn.now)
        answered.append(confirmed)
    for response in answered:
        if (someone := await person(turn.store, response.neighbour_id)) is not None:
            turn.effects.tell(someone, msg(texts.WITHDRAWN_FOR_RESPONDER, subject=subject(post)))
    await refresh_card(turn, post.id)


async def hand_back(turn: Turn, pressed: CantMakeIt) -> None:
    """The helper can't make it: the post reopens, the next few are asked (and the rounds start
    again), the author gets a kind note; nobody posts again."""
    post = await _post_for_press(turn, pressed.post_id)
    if post is None:
        return
    confirmed = await _confirmed(turn, post)
    if confirmed is None or post.status is not PostStatus.MATCHED:
        turn.answer(common.ALREADY_DONE if post.status.live else common.POST_NOT_OPEN)
        return
    helper_id, helped_id = _helper_and_helped(post, confirmed)
    if turn.neighbour.id != helper_id:
        turn.answer(common.NOT_FOR_YOU)
        return
    store = turn.store
    await store.responses.save_status(confirmed.handed_back(), turn.now)
    await store.posts.save_status(post.reopened(turn.now))
    await _active(turn, post)
    await relay.end_for_post(store, post.id)
    if post.is_ask:
        await store.suggestions.record(post.id, turn.neighbour.id, turn.now)  # not asked again for this one
    turn.reply(texts.HANDED_BACK)
    if (helped := await person(store, helped_id)) is not None:
        key = texts.HANDED_BACK_FOR_AUTHOR if post.is_ask else texts.OFFER_HANDED_BACK_FOR_TAKER
        turn.effects.tell(helped, msg(key, helper=turn.person, subject=subject(post)))
    await refresh_card(turn, post.id)
    reopened = await store.posts.get(post.id)
    if reopened is not None and reopened.is_ask:
        await fan_out.start(turn.services, turn.effects, reopened, turn.now)

