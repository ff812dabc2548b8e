"""Posting an ask or an offer: straight from typed words, or through a few taps."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Awaitable, Callable

from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.domain import PostKind, Street, When
from handlers.kernel.flows import Flow, Waiting
from handlers.kernel.messages import Choice, as_is, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Turn
from handlers.kernel.wording import TextProblem, check_post_text, tidy
from handlers.nearby import fan_out
from handlers.posts import limits, recurring, texts
from handlers.posts.cards import card, card_choices
from handlers.posts.categories import BY_CODE, CATEGORIES, classify
from handlers.posts.responding import Withdraw
from handlers.posts.expiry import expires
from handlers.posts.when import GUIDED_WHEN_CHOICES, decode, describe, encode, parse_when
from handlers.street import weekly
from handlers.street.activity import note_activity
from handlers.street.local_time import date_words, local_date
from handlers.street.people import street_name


PROBLEM_TEXTS = {
    TextProblem.TOO_LONG: texts.TOO_LONG,
    TextProblem.NO_WORDS: common.NO_WORDS,
    TextProblem.CONTROL_CHARACTERS: common.CONTROL_CHARACTERS,
    TextProblem.EMPTY: common.NO_WORDS,
}


# The guided flow's buttons carry whose flow they belong to, and the choice.
@dataclass(frozen=True)
class PickStreet(Payload, code="fs"):
    owner_id: int
    street_id: int


@dataclass(frozen=True)
class PickCategory(Payload, code="fc"):
    owner_id: int
    category: str


@dataclass(frozen=True)
class PickWhen(Payload, code="fw"):
    owner_id: int
    when: str  # as `when.encode` spells it


@dataclass(frozen=True)
class Cancel(Payload, code="fx"):
    owner_id: int


# "/ask for a neighbour: …" — asked on behalf of someone who isn't online; who they are is never recorded.
# Also "/ask dla kogoś z sąsiadów: …", "/ask dla sąsiadki: …", "/ask pentru un vecin: …", "/ask pentru o vecină: …".
_FOR_A_NEIGHBOUR = re.compile(
    r"^(?:for\s+a\s+neighbou?r"
    r"|dla\s+(?:kogo[sś]\s+z\s+s[aą]siad[oó]w|s[aą]siad(?:a|ki))"
    r"|pentru\s+(?:un\s+vecin|o\s+vecin[aă]|cineva\s+din\s+vecini))\b\s*[:,.\-–—]?\s*",
    re.IGNORECASE,
)


async def ask(turn: Turn, text: str) -> None:
    proxy = _FOR_A_NEIGHBOUR.match(text.strip())
    if proxy is None:
        await start(turn, PostKind.ASK, text)
    elif not text.strip()[proxy.end():]:
        turn.reply(texts.PROXY_HOW)
    else:
        await start(turn, PostKind.ASK, text.strip()[proxy.end():], for_neighbour=True)


async def offer(turn: Turn, text: str) -> None:
    await start(turn, PostKind.OFFER, text)


@dataclass
class Draft:
    """An ask or offer being put together, tap by tap."""

    kind: str
    for_neighbour: bool = False
    street_id: int | None = None
    text: str = ""
    category: str | None = None
    when: str | None = None  # a When, encoded


FLOW = Flow("post", Draft, steps=("where", "what", "when"))


async def start(turn: Turn, kind: PostKind, text: str, *, for_neighbour: bool = False) -> None:
    draft = Draft(kind.value, for_neighbour=for_neighbour)
    if text.strip():
        await _from_words(turn, kind, text, draft)  # `publish` checks for a pause and the limits
        return
    if turn.street is not None and (await _paused(turn, turn.street) or await limits.too_many_posts(turn, turn.street)):
        return  # no point asking what and when
    if turn.street is not None:
        draft.street_id = turn.street.id
        await _ask_what(turn, draft)
        return
    await _pick_street_then(turn, draft, then=_ask_what)


async def on_text(turn: Turn, text: str, waiting: Waiting[Draft]) -> None:
    """Words typed while the guided flow waits: they become the post."""
    await _from_words(turn, PostKind(waiting.state.kind), text, waiting.state)


async def _from_words(turn: Turn, kind: PostKind, text: str, draft: Draft) -> None:
    problem = check_post_text(text, turn.settings.max_post_length)
    if problem is not None:
        turn.reply(PROBLEM_TEXTS[problem], limit=turn.settings.max_post_length)
        return
    draft = replace(draft, text=tidy(text))
    street = await _chosen_street(turn, draft)
    if street is not None:
        await _publish_draft(turn, street, draft)
        return
    await _pick_street_then(turn, draft, then=_publish_draft_here)


async def _chosen_street(turn: Turn, draft: Draft) -> Street | None:
    if turn.street is not None:
        return turn.street
    return await turn.store.streets.get(draft.street_id) if draft.street_id is not None else None


async def _pick_street_then(turn: Turn, draft: Draft, then: Callable[[Turn, Draft], Awaitable[None]]) -> None:
    streets = await turn.store.streets.of_neighbour(turn.neighbour.id)
    if not streets:
        await flows.end(turn, FLOW)
        turn.reply(common.NO_STREET_YET)
        return
    if len(streets) == 1:
        draft.street_id = streets[0].id
        await then(turn, draft)
        return
    await flows.save(turn, FLOW, "where", draft)
    choices = tuple(Choice(as_is(street_name(s)), PickStreet(turn.neighbour.id, s.id).pack()) for s in streets[:8])
    turn.reply(common.CHOOSE_STREET, choices + (_cancel(turn),))


async def _publish_draft_here(turn: Turn, draft: Draft) -> None:
    street = await _chosen_street(turn, draft)
    if street is not None:
        await _publish_draft(turn, street, draft)


async def _publish_draft(turn: Turn, street: Street, draft: Draft) -> None:
    await flows.end(turn, FLOW)
    kind = PostKind(draft.kind)
    category = draft.category or classify(draft.text)
    when = decode(draft.when) if draft.when else parse_when(draft.text)
    await publish(turn, street, kind, draft.text, category, when or When(), for_neighbour=draft.for_neighbour)


async def _ask_what(turn: Turn, draft: Draft) -> None:
    await flows.save(turn, FLOW, "what", draft)
    owner = turn.neighbour.id
    choices = tuple(Choice(msg(c.label), PickCategory(owner, c.code).pack()) for c in CATEGORIES)
    key = texts.ASK_WHAT if draft.kind == PostKind.ASK.value else texts.OFFER_WHAT
    turn.reply(key, choices + (_cancel(turn),))


def _cancel(turn: Turn) -> Choice:
    return Choice(msg(common.BUTTON_CANCEL), Cancel(turn.neighbour.id).pack())


async def picked_street(turn: Turn, pressed: PickStreet) -> None:
    if (draft := await flows.waiting_at(turn, FLOW, "where", owner=pressed.owner_id)) is None:
        return
    streets = {street.id: street for street in await turn.store.streets.of_neighbour(turn.neighbour.id)}
    street = streets.get(pressed.street_id)
    if street is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    draft.street_id = street.id
    if draft.text:
        await _publish_draft(turn, street, draft)
    else:
        await _ask_what(turn, draft)


async def picked_category(turn: Turn, pressed: PickCategory) -> None:
    if (draft := await flows.waiting_at(turn, FLOW, "what", owner=pressed.owner_id)) is None:
        return
    if pressed.category not in BY_CODE:
        turn.answer(common.BUTTON_EXPIRED)
        return
    draft.category = pressed.category
    await flows.save(turn, FLOW, "when", draft)
    owner = turn.neighbour.id
    choices = tuple(Choice(describe(when), PickWhen(owner, encode(when)).pack()) for when in GUIDED_WHEN_CHOICES)
    turn.reply(texts.ASK_WHEN, choices + (_cancel(turn),))


async def picked_when(turn: Turn, pressed: PickWhen) -> None:
    if (draft := await flows.waiting_at(turn, FLOW, "when", owner=pressed.owner_id)) is None:
        return
    if decode(pressed.when) is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    draft.when = pressed.when
    street = await _chosen_street(turn, draft)
    if street is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    await _publish_draft(turn, street, draft)


async def cancelled(turn: Turn, pressed: Cancel) -> None:
    await flows.cancel_pressed(turn, FLOW, pressed.owner_id, texts.FLOW_CANCELLED)


async def _paused(turn: Turn, street: Street) -> bool:
    """Whether the street's organisers paused this neighbour's posting there (they are told kindly)."""
    until = await turn.store.neighbours.paused_until(street.id, turn.neighbour.id)
    if until is None or until <= turn.now:
        return False
    zone = (await for_street(turn.services, street)).timezone
    turn.reply(texts.POSTING_PAUSED, street=street_name(street), until=date_words(local_date(until, zone)))
    return True


async def publish(
    turn: Turn, street: Street, kind: PostKind, body: str, category: str, when: When, *, for_neighbour: bool = False
) -> None:
    """Put the card up in the street. Posts made in private show as from "a neighbour"."""
    if await _paused(turn, street) or await limits.posting_refused(turn, street, kind, body, category, when):
        return
    rules = await for_street(turn.services, street)
    when = when.dated(local_date(turn.now, rules.timezone))
    anonymous = turn.is_private
    post = await turn.store.posts.add(
        street_id=street.id, author_id=turn.neighbour.id, kind=kind, category=category, when=when,
        body=body, anonymous=anonymous, now=turn.now, expires_at=expires(turn.now, rules.lifetime(kind), when, rules.timezone),
        for_neighbour=for_neighbour,
    )
    turn.effects.post(street, card(post, None if anonymous else turn.person), card_choices(post), card_of=post.id,
                      thread=turn.thread if turn.street is not None and turn.street.id == street.id else None)
    await weekly.count(turn.services, street.id, weekly.ASKS_POSTED if post.is_ask else weekly.OFFERS_POSTED, turn.now)
    await note_activity(turn.services, street.id, turn.neighbour.id, turn.now)
    if anonymous:
        turn.reply(texts.POSTED_ANONYMOUSLY, street=street_name(street))
    if for_neighbour:
        turn.reply(texts.PROXY_HINT, (Choice(msg(texts.BUTTON_WITHDRAW), Withdraw(post.id).pack()),))
    await fan_out.start(turn.services, turn.effects, post, turn.now)
    await recurring.start_series(turn.services, turn.effects, post)
