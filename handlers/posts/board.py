"""What's open on the street, and what's mine."""

from __future__ import annotations

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostStatus, Street
from handlers.kernel.messages import Choice, Msg, Param, lines, msg
from handlers.kernel.turn import Turn
from handlers.posts import texts
from handlers.posts.cards import details, respond_choice, subject, words
from handlers.posts.responding import CantMakeIt, Done, Withdraw
from handlers.posts.when import describe
from handlers.street.people import street_name

MAX_STREETS_SHOWN = 3


async def board(turn: Turn, text: str) -> None:
    streets = [turn.street] if turn.street is not None else await turn.store.streets.of_neighbour(turn.neighbour.id)
    if not streets:
        turn.reply(common.NO_STREET_YET)
        return
    for street in streets[:MAX_STREETS_SHOWN]:
        await _show_board(turn, street)


async def _show_board(turn: Turn, street: Street) -> None:
    size = turn.settings.board_size
    posts = await turn.store.posts.open_in_street(street.id, size)
    if not posts:
        turn.reply(texts.BOARD_EMPTY)
        return
    items: list[Msg] = [msg(texts.BOARD_HEADER, street=street_name(street))]
    choices: list[Choice] = []
    for number, post in enumerate(posts, start=1):
        key = texts.BOARD_ASK_LINE if post.is_ask else texts.BOARD_OFFER_LINE
        items.append(msg(key, number=number, subject=subject(post), when=describe(post.when)))
        button = texts.BUTTON_HELP_NUMBER if post.is_ask else texts.BUTTON_TAKE_NUMBER
        choices.append(respond_choice(post, button, number=number))
    more = await turn.store.posts.count_open_in_street(street.id) - len(posts)
    if more > 0:
        items.append(msg(texts.BOARD_MORE, count=more))
    turn.reply_msg(lines(*items), tuple(choices))


def private_link(command: str) -> Choice:
    """A button that opens a private chat with the bot and carries on with `command` there."""
    return Choice(msg(common.BUTTON_OPEN_PRIVATE), command, opens_private=True)


async def mine(turn: Turn, text: str) -> None:
    store = turn.store
    own = await store.posts.live_by_author(turn.neighbour.id)
    in_touch = await store.posts.in_touch(turn.neighbour.id)
    if not own and not in_touch:
        turn.reply(texts.MINE_EMPTY)
        return
    for post in own:
        head_key = texts.MINE_ASK if post.is_ask else texts.MINE_OFFER
        status = msg(texts.STATUS_OPEN if post.status is PostStatus.OPEN else texts.STATUS_MATCHED)
        head = msg(head_key, street=await _street_name(turn, post), status=status)
        turn.reply_msg(lines(head, details(post), words(post)), _own_choices(post))
    for post in in_touch:
        head = msg(texts.MINE_IN_TOUCH, street=await _street_name(turn, post))
        choices = [Choice(msg(texts.BUTTON_DONE), Done(post.id).pack())]
        if post.is_ask:
            choices.append(Choice(msg(texts.BUTTON_CANT_MAKE_IT), CantMakeIt(post.id).pack()))
        turn.reply_msg(lines(head, details(post), words(post)), tuple(choices))


def _own_choices(post: Post) -> tuple[Choice, ...]:
    withdraw = Choice(msg(texts.BUTTON_WITHDRAW), Withdraw(post.id).pack())
    if post.status is PostStatus.OPEN:
        return (withdraw,)
    done = Choice(msg(texts.BUTTON_DONE), Done(post.id).pack())
    if post.is_ask:
        return (done, withdraw)
    return (done, Choice(msg(texts.BUTTON_CANT_MAKE_IT), CantMakeIt(post.id).pack()))


async def _street_name(turn: Turn, post: Post) -> Param:
    return street_name(await turn.store.streets.get(post.street_id))
