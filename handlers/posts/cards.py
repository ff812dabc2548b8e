"""How a post looks: its card in the group, its buttons, and the short way to mention it."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostStatus
from handlers.kernel.messages import CardUpdate, Choice, Msg, Param, Person, Quote, lines, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.wording import shorten
from handlers.posts import texts
from handlers.posts.categories import label
from handlers.posts.when import describe


@dataclass(frozen=True)
class CanHelp(Payload, code="h"):  # "I can help" on an ask
    post_id: int


@dataclass(frozen=True)
class YesPlease(Payload, code="t"):  # "Yes please" on an offer
    post_id: int


SUBJECT_LENGTH = 80


def author_shown(post: Post, author: Person | None) -> Param:
    return msg(common.A_NEIGHBOUR) if post.anonymous or author is None else author


def details(post: Post) -> Msg:
    return msg(texts.CARD_DETAILS, category=msg(label(post.category)), when=describe(post.when))


# Words Doorstep itself puts on a post (a check-in's "Would anyone fancy a chat?") are kept as their
# message id, so that every reader sees them in their own language.
OWN_WORDS = frozenset({common.CHAT_ASK_BODY})


def words(post: Post, limit: int | None = None) -> Msg | None:
    if not post.body:
        return None
    if post.body in OWN_WORDS:
        return msg(texts.CARD_WORDS, body=msg(post.body))
    return msg(texts.CARD_WORDS, body=Quote(shorten(post.body, limit) if limit else post.body))


def subject(post: Post) -> Msg:
    """The post in a few words, for sentences like "Thank you for answering …"."""
    return words(post, SUBJECT_LENGTH) or msg(label(post.category))


def card(post: Post, author: Person | None, *, someone_offered: bool = False, nearby_of: Param | None = None) -> Msg:
    """The card in the post's street; with `nearby_of` (the post's street name), its anonymous copy
    for a nearby street's group ("A neighbour on Elm Street could use a hand")."""
    if post.status is PostStatus.OPEN:
        if nearby_of is not None and post.is_ask:
            head = msg(texts.NEARBY_CARD_HEAD, street=nearby_of)
        else:
            head_key = texts.CARD_ASK_HEAD if post.is_ask else texts.CARD_OFFER_HEAD
            if post.for_neighbour:
                head_key = texts.CARD_PROXY_HEAD
            head = msg(head_key, who=author_shown(post, author))
        waiting = msg(texts.CARD_WAITING) if someone_offered else None
        return lines(head, details(post), words(post), waiting)
    if post.status is PostStatus.MATCHED:
        return lines(msg(texts.CARD_SORTED_HEAD), details(post), words(post))
    return lines(msg(common.CARD_CLOSED_HEAD), details(post), words(post, SUBJECT_LENGTH))


def respond_choice(post: Post, label_key: str | None = None, **label_params: Param) -> Choice:
    """The button that answers a post: "I can help" on an ask, "Yes please" on an offer."""
    if label_key is None:
        label_key = texts.BUTTON_CAN_HELP if post.is_ask else texts.BUTTON_YES_PLEASE
    return Choice(msg(label_key, **label_params), (CanHelp(post.id) if post.is_ask else YesPlease(post.id)).pack())


def card_choices(post: Post) -> tuple[Choice, ...]:
    return (respond_choice(post),) if post.status is PostStatus.OPEN else ()


def card_update(
    post: Post, author: Person | None, *, someone_offered: bool = False, home: Param | None = None,
) -> CardUpdate:
    """Every copy of the card, updated: the author's name only ever in the post's own street."""
    return CardUpdate(
        post.id, card(post, author, someone_offered=someone_offered), card_choices(post),
        nearby_text=card(post, None, someone_offered=someone_offered, nearby_of=home),
    )
