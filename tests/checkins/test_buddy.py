"""A buddy agrees in their own private chat, and can say no, or stop later. No list of names anywhere."""

from datetime import timedelta

from handlers.checkins import texts as checkins_texts
from handlers.checkins.buddy import hash_code
from handlers.kernel import texts
from tests.checkins.helpers import invite_and_accept, last, set_up, snapshot
from tests.kit import StreetKit, only


async def _invitation(street: StreetKit) -> tuple[str, str]:
    """The invitation's start payload and the code shown in it."""
    sent = await set_up(street)
    card = last(sent, "rosa", checkins_texts.INVITE_CARD)
    return card.choices[0].payload, str(card.outgoing.text.params["code"])


async def test_the_buddy_can_say_no_kindly(street: StreetKit) -> None:
    start, _ = await _invitation(street)
    opened = await street.tell("sam", f"/start {start}")
    question = last(opened, "sam", checkins_texts.INVITE_QUESTION)
    assert question.text.startswith("🤝 Rosa would like you as their check-in buddy")
    sent = await street.press("sam", question.payload("Not this time"))
    assert last(sent, "sam", checkins_texts.BUDDY_NO_THANKS)
    told = last(sent, "rosa", checkins_texts.BUDDY_NO_FOR_OWNER)
    assert told.text.startswith("Sam can't be your buddy this time")
    checkin = await street.store.checkins.of_neighbour((await street.store.neighbours.find("test", "rosa")).id)
    assert checkin is not None and checkin.buddy_id is None and checkin.invited_at is None
    # The invitation is used up: yes after no does nothing.
    assert only(await street.press("sam", question.payload("Yes"))).key == checkins_texts.INVITE_NOT_FOUND
    assert await street.count("checkins", "invite_hash IS NOT NULL") == 0


async def test_the_typed_code_works_where_buttons_dont_travel(street: StreetKit) -> None:
    _, code = await _invitation(street)
    assert only(await street.tell("sam", "/buddy")).key == checkins_texts.BUDDY_CODE_PLEASE
    assert only(await street.tell("sam", "/buddy nonsense")).key == checkins_texts.BUDDY_CODE_PLEASE
    opened = await street.tell("sam", f"/buddy {code.upper()}")
    sent = await street.press("sam", last(opened, "sam", checkins_texts.INVITE_QUESTION).payload("Yes"))
    assert last(sent, "rosa", checkins_texts.BUDDY_YES_FOR_OWNER)


async def test_own_invitation_unknown_and_expired_ones(street: StreetKit) -> None:
    start, code = await _invitation(street)
    assert only(await street.tell("rosa", f"/start {start}")).key == checkins_texts.INVITE_OWN
    assert only(await street.tell("sam", "/buddy abcde-fghjk")).key == checkins_texts.INVITE_NOT_FOUND
    street.clock.advance(timedelta(days=7, minutes=1))
    assert only(await street.tell("sam", f"/buddy {code}")).key == checkins_texts.INVITE_NOT_FOUND


async def test_a_new_invitation_replaces_the_old_one(street: StreetKit) -> None:
    start, _ = await _invitation(street)
    old = last(await street.tell("sam", f"/start {start}"), "sam", checkins_texts.INVITE_QUESTION)
    summary = only(await street.tell("rosa", "/checkin"))
    sent = await street.press("rosa", summary.payload("Invite a buddy"))
    new_start = last(sent, "rosa", checkins_texts.INVITE_CARD).choices[0].payload
    assert new_start != start
    assert only(await street.press("sam", old.payload("Yes"))).key == checkins_texts.INVITE_NOT_FOUND
    assert only(await street.tell("sam", f"/start {start}")).key == checkins_texts.INVITE_NOT_FOUND
    opened = await street.tell("joe", f"/start {new_start}")
    await street.press("joe", last(opened, "joe", checkins_texts.INVITE_QUESTION).payload("Yes"))
    assert "let Joe know" in only(await street.tell("rosa", "/checkin")).text


async def test_an_invitation_from_another_app_is_refused(street: StreetKit) -> None:
    _, code = await _invitation(street)
    from handlers.kernel.incoming import Incoming

    street.notifier.take()
    await street.core.handle(Incoming("matrix", "@sam:example.org", "@sam:example.org", True, text=f"!buddy {code}"))
    assert only(street.notifier.sent).key == checkins_texts.INVITE_OTHER_APP


async def test_the_buddy_can_step_down_with_one_tap(street: StreetKit) -> None:
    sent = await set_up(street)
    sent = await invite_and_accept(street, sent)
    step_down = last(sent, "sam", checkins_texts.BUDDY_YES_THANKS).payload("Stop being")
    assert only(await street.press("joe", step_down)).key == texts.ALREADY_DONE
    sent = await street.press("sam", step_down)
    assert last(sent, "sam", checkins_texts.BUDDY_STEPPED_DOWN)
    assert last(sent, "rosa", checkins_texts.BUDDY_STEPPED_DOWN_FOR_OWNER).text.startswith("Sam can't be your check-in buddy")
    assert only(await street.press("sam", step_down)).key == texts.ALREADY_DONE
    assert "once they've said yes" in only(await street.tell("rosa", "/checkin")).text


async def test_only_a_hash_of_the_code_is_kept(street: StreetKit) -> None:
    _, code = await _invitation(street)
    plain = code.replace("-", "")
    rows = await street.store.db.fetch_all("SELECT * FROM checkins")
    assert all(plain not in str(value) for row in rows for value in tuple(row))
    assert rows[0]["invite_hash"] == hash_code(plain)


async def test_accepting_twice_changes_nothing(street: StreetKit) -> None:
    start, _ = await _invitation(street)
    question = last(await street.tell("sam", f"/start {start}"), "sam", checkins_texts.INVITE_QUESTION)
    await street.press("sam", question.payload("Yes"))
    before = await snapshot(street)
    assert only(await street.press("sam", question.payload("Yes"))).key == checkins_texts.INVITE_ALREADY_BUDDY
    assert only(await street.press("joe", question.payload("Yes"))).key == checkins_texts.INVITE_NOT_FOUND
    assert await snapshot(street) == before
