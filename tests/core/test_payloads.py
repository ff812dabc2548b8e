"""Typed button payloads: every kind packs and unpacks to itself within Telegram's 64 bytes, buttons
sent before the kinds were typed still read the same, two kinds can't share a code, and anything
malformed is refused before a handler sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.app import build_router
from handlers.checkins import answers, buddy, controls, escalation, setup
from handlers.kernel.payloads import MAX_BYTES, DuplicateCode, Payload, PayloadError, code_of
from handlers.kernel.router import Router
from handlers.kernel.turn import Turn
from handlers.nearby import areas, relay
from handlers.organisers import digest, moderation, settings_menu
from handlers.posts import cards, posting, responding
from tests.payload_values import payloads_of

ROUTER = build_router()
EVERY_KIND = ROUTER.action_kinds + ROUTER.receipt_kinds


async def _ignore(turn: Turn, pressed: Payload) -> None:
    return None


def test_every_button_and_receipt_is_a_kind() -> None:
    assert len(ROUTER.action_kinds) == 83 and len(ROUTER.receipt_kinds) == 6
    assert len({kind.code for kind in ROUTER.action_kinds}) == 83


@settings(max_examples=400, deadline=None, derandomize=True)
@given(data=st.data())
def test_every_kind_round_trips_within_telegrams_limit(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(EVERY_KIND))
    value = data.draw(payloads_of(kind))
    try:
        packed = value.pack()
    except PayloadError:  # only ever for fields too long together for one button
        assert len(":".join([kind.code, *(str(v) for v in vars(value).values())]).encode()) > MAX_BYTES
        return
    assert len(packed.encode()) <= MAX_BYTES
    assert code_of(packed) == kind.code
    assert kind.unpack(packed) == value
    assert ROUTER.find_action(packed) is not None or ROUTER.find_receipt(packed) is not None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [  # spelled as buttons were before they were typed: a button already sent still works
        ("h:12", cards.CanHelp(12)),
        ("t:7", cards.YesPlease(7)),
        ("ok:3", responding.Confirm(3)),
        ("fw:12:tomorrow.morning", posting.PickWhen(12, "tomorrow.morning")),
        ("cd:4:done", setup.PickDay(4, setup.DONE)),
        ("ca:5:ok", answers.Answer(5, answers.Reply.ALL_GOOD)),
        ("cq:5:no", answers.ChatAsk(5, answers.YesNo.NO)),
        ("ck:9:go", escalation.Acknowledge(9, escalation.Acknowledgement.CHECKING)),
        ("bi:3:abcdefghjk:y", buddy.AnswerInvitation(3, "abcdefghjk", buddy.YesNo.YES)),
        ("cp:2:ever", controls.Pause(2, controls.PauseLength.UNTIL_I_SAY)),
        ("odt:1:0:0900", digest.Start(1, 0, "0900")),
        ("omd:8:30", moderation.PauseFor(8, 30)),
        ("osv:2:dtime:0900", settings_menu.SetItem(2, "dtime", "0900")),
        ("ra:1:800", areas.SetRadius(1, 800)),
        ("rl:4:11", relay.PassedOn(4, 11)),
    ],
)
def test_buttons_sent_before_still_read(raw: str, expected: Payload) -> None:
    found = ROUTER.find_action(raw) or ROUTER.find_receipt(raw)
    assert found is not None and found[0] == expected
    assert expected.pack() == raw


@pytest.mark.parametrize(
    "raw",
    [
        "", "h", "h:", "h:1:2", "h:x", "h:-1", "h:1.5", "h:١٢", "h:" + "1" * 19, "H:1", "h:1;drop", "h:<script>",
        "zzz:1", "ca:5", "ca:5:maybe", "ca:x:ok", "cp:2:forever", "bi:3:code:yes", "odt:1:7:0900",
        "odt:1:0:2460", "odd:1:9", "fw:12:" + "x" * 41, "fw:12:tomorrow.morning:1", "x" * 70,
    ],
)
def test_malformed_buttons_are_refused(raw: str) -> None:
    assert ROUTER.find_action(raw) is None


def test_two_kinds_with_one_code_fail_when_the_router_is_built() -> None:
    @dataclass(frozen=True)
    class AnotherHelp(Payload, code="h"):
        post_id: int

    router = build_router()
    with pytest.raises(DuplicateCode, match="'h'.*CanHelp.*AnotherHelp"):
        router.action(AnotherHelp, _ignore)

    @dataclass(frozen=True)
    class AnotherSent(Payload, code="ci"):
        occurrence_id: int

    with pytest.raises(DuplicateCode):
        router.receipt(AnotherSent, _ignore)  # type: ignore[arg-type]
    with pytest.raises(DuplicateCode):
        router.action(cards.CanHelp, _ignore)  # the same kind twice is a slip too


def test_a_kind_that_cant_be_a_button_fails_when_registered() -> None:
    @dataclass(frozen=True)
    class WithATime(Payload, code="wt"):
        at: datetime

    @dataclass
    class NotFrozen(Payload, code="nf"):
        post_id: int

    @dataclass(frozen=True)
    class TooMany(Payload, code="tm"):
        a: int
        b: int
        c: int
        d: int

    for kind in (WithATime, NotFrozen, TooMany):
        with pytest.raises(PayloadError):
            Router().action(kind, _ignore)
    with pytest.raises(PayloadError):
        type("Shouting", (Payload,), {}, code="UP")


def test_packing_refuses_what_a_button_cant_carry() -> None:
    for value in (posting.PickWhen(1, "two words"), posting.PickWhen(1, ""), cards.CanHelp(-1),
                  settings_menu.SetItem(10**17, "x" * 40, "y" * 40)):
        with pytest.raises(PayloadError):
            value.pack()
    with pytest.raises(ValueError):
        digest.Start(1, 9, "0900")  # a kind's own check, when it is made
