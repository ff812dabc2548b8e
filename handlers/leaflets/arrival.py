"""Someone arrives through a leaflet's link (a Telegram deep link) or types its code (Matrix): they
are welcomed privately in the street's name, become one of its neighbours — as anyone who speaks
in its group does, and nothing more is kept — and can ask or offer right there, as "a neighbour"."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.kernel.domain import PostKind
from handlers.kernel.messages import Choice, Quote, lines, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Turn
from handlers.leaflets import codes, texts
from handlers.posts import posting
from handlers.street import weekly
from handlers.street.people import street_name


@dataclass(frozen=True)
class StartPost(Payload, code="lwp"):
    kind: PostKind


async def arrive(turn: Turn, code: str) -> None:
    """The welcome for a street's code; an old code (renewed since) gets a kind word instead."""
    street = await codes.street_of(turn.services, code)
    if street is None:
        turn.reply(texts.CODE_RENEWED)
        return
    if await turn.store.neighbours.seen_in_street(street.id, turn.neighbour.id, turn.now):
        await weekly.count(turn.services, street.id, weekly.NEW_NEIGHBOURS, turn.now)
    settings = await for_street(turn.services, street)
    welcome = lines(
        msg(texts.WELCOME_FROM_LEAFLET, street=street_name(street)),
        msg(texts.WELCOME_HELLO, text=Quote(settings.hello_text)) if settings.hello_text else None,
        msg(texts.WELCOME_JOIN, link=Quote(settings.join_link)) if settings.join_link else None,
    )
    turn.reply_msg(welcome, (
        Choice(msg(texts.BUTTON_ASK), StartPost(PostKind.ASK).pack()),
        Choice(msg(texts.BUTTON_OFFER), StartPost(PostKind.OFFER).pack()),
    ))


async def typed_code(turn: Turn, text: str) -> bool:
    """Plain words in a private chat that are a street's code (as typed from a leaflet on Matrix)."""
    code = codes.read_code(text)
    if code is None:
        return False
    await arrive(turn, code)
    return True


async def start_post(turn: Turn, pressed: StartPost) -> None:
    await posting.start(turn, pressed.kind, "")
