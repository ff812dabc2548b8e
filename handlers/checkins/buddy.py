"""A buddy is a neighbour who agrees, in their own private chat, to hear if a check-in goes
unanswered. Nobody picks from a list of names: the neighbour forwards an invitation (a button that
opens a private chat with the bot, and a short code to type where buttons don't travel), and whoever
opens it says yes or no. Only a hash of the code is kept, for a week at most."""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum

from handlers.checkins import texts
from handlers.checkins.escalation import private
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import Checkin, Tell
from handlers.kernel.messages import Choice, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Turn
from handlers.street.people import person

log = logging.getLogger(__name__)

INVITE_PREFIX = "buddy-"  # the private chat's start payload: buddy-<code>
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # nothing that reads as another letter
CODE_LENGTH = 10
_NOT_CODE = re.compile(r"[^a-z0-9]")


class YesNo(StrEnum):
    YES = "y"
    NO = "n"


@dataclass(frozen=True)
class AnswerInvitation(Payload, code="bi"):
    checkin_id: int
    invite_code: str  # as typed or forwarded
    answer: YesNo


@dataclass(frozen=True)
class StepDown(Payload, code="bq"):
    checkin_id: int


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def shown(code: str) -> str:
    """'k7mq2xwpz3' -> 'k7mq2-xwpz3', easier to read out or type."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def read_code(text: str) -> str | None:
    cleaned = text.strip().lower()
    if cleaned.startswith(INVITE_PREFIX):
        cleaned = cleaned[len(INVITE_PREFIX):]
    code = _NOT_CODE.sub("", cleaned)
    return code if len(code) == CODE_LENGTH else None


async def send_invitation(turn: Turn, checkin: Checkin) -> None:
    """A fresh invitation (any earlier one stops working) for the neighbour to forward."""
    code = new_code()
    await turn.store.checkins.invite(checkin.id, hash_code(code), turn.now)
    turn.reply(texts.INVITE_HOW_TO)
    button = Choice(msg(texts.BUTTON_OPEN_INVITE), INVITE_PREFIX + code, opens_private=True)
    turn.reply(texts.INVITE_CARD, (button,), person=turn.person, code=shown(code))


async def buddy_command(turn: Turn, text: str) -> None:
    """/buddy CODE, for where the invitation's button can't be used."""
    await open_invitation(turn, text)


async def _invited(turn: Turn, code: str | None) -> Checkin | None:
    """The check-in an invitation code belongs to, if it is still good."""
    checkin = await turn.store.checkins.by_invite(hash_code(code)) if code else None
    if checkin is None or checkin.invited_at is None or turn.now - checkin.invited_at > turn.settings.buddy_invite_lifetime:
        return None
    return checkin


async def open_invitation(turn: Turn, text: str) -> None:
    code = read_code(text)
    if code is None:
        turn.reply(texts.BUDDY_CODE_PLEASE)
        return
    checkin = await _invited(turn, code)
    owner = await person(turn.store, checkin.neighbour_id) if checkin else None
    if checkin is None or owner is None:
        turn.reply(texts.INVITE_NOT_FOUND)
    elif checkin.neighbour_id == turn.neighbour.id:
        turn.reply(texts.INVITE_OWN)
    elif owner.platform != turn.neighbour.platform:
        turn.reply(texts.INVITE_OTHER_APP)
    else:
        choices = (
            Choice(msg(texts.BUTTON_HAPPY_TO), AnswerInvitation(checkin.id, code, YesNo.YES).pack()),
            Choice(msg(common.BUTTON_NOT_THIS_TIME), AnswerInvitation(checkin.id, code, YesNo.NO).pack()),
        )
        turn.reply(texts.INVITE_QUESTION, choices, person=owner)


async def answer_invitation(turn: Turn, pressed: AnswerInvitation) -> None:
    """Yes or no, from whoever opened the invitation; the neighbour who sent it hears either way."""
    checkin = await turn.store.checkins.get(pressed.checkin_id)
    if checkin is not None and checkin.buddy_id == turn.neighbour.id:
        turn.answer(texts.INVITE_ALREADY_BUDDY)
        return
    if checkin is None or (await _invited(turn, read_code(pressed.invite_code))) != checkin:
        turn.answer(texts.INVITE_NOT_FOUND)
        return
    owner = await person(turn.store, checkin.neighbour_id)
    if checkin.neighbour_id == turn.neighbour.id or owner is None:
        turn.answer(texts.INVITE_OWN)
        return
    if pressed.answer is YesNo.YES:
        await turn.store.checkins.set_buddy(checkin.id, turn.neighbour.id, turn.now)
        stop = Choice(msg(texts.BUTTON_STOP_BEING_BUDDY), StepDown(checkin.id).pack())
        turn.reply(texts.BUDDY_YES_THANKS, (stop,), person=owner)
        turn.effects.add(private(owner, msg(texts.BUDDY_YES_FOR_OWNER, buddy=turn.person)))
        log.info("checkin buddy said yes checkin=%s", checkin.id)
    else:
        await turn.store.checkins.clear_invite(checkin.id, turn.now)
        turn.reply(texts.BUDDY_NO_THANKS)
        turn.effects.add(private(owner, msg(texts.BUDDY_NO_FOR_OWNER, buddy=turn.person)))
        log.info("checkin buddy said no checkin=%s", checkin.id)


async def step_down(turn: Turn, pressed: StepDown) -> None:
    checkin = await turn.store.checkins.get(pressed.checkin_id)
    if checkin is None or checkin.buddy_id != turn.neighbour.id or checkin.tell is not Tell.BUDDY:
        turn.answer(common.ALREADY_DONE)
        return
    await turn.store.checkins.set_buddy(checkin.id, None, turn.now)
    turn.reply(texts.BUDDY_STEPPED_DOWN)
    owner = await person(turn.store, checkin.neighbour_id)
    if owner is not None:
        turn.effects.add(private(owner, msg(texts.BUDDY_STEPPED_DOWN_FOR_OWNER, buddy=turn.person)))
