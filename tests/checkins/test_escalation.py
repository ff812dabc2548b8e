"""No answer: one gentle reminder half-way, then the buddy, then the organisers — privately, never the
group. An answer, or someone saying they'll check, stops it; a check-in that never arrived never
counts as no answer."""

from handlers.checkins import texts as checkins_texts
from handlers.kernel import texts
from handlers.kernel.checkin_records import Stage
from handlers.kernel.messages import LINES, ToStreet
from handlers.posts import texts as posts_texts
from tests.checkins.helpers import last, local, run_until, set_up, to, with_buddy
from tests.kit import StreetKit, only


async def _stages(street: StreetKit) -> list[str]:
    return [row["stage"] for row in await street.store.db.fetch_all("SELECT stage FROM checkin_occurrences ORDER BY id")]


async def test_no_answer_reminds_then_tells_the_buddy_then_the_organisers(street: StreetKit) -> None:
    await street.join("alice")
    await with_buddy(street)
    sent = await run_until(street, local("2026-03-02 10:00"))
    hello = only(to(sent, "rosa"))
    assert hello.text.startswith("👋 Hello Rosa — just checking in.")
    assert [c.label.key for c in hello.choices] == [
        checkins_texts.BUTTON_ALL_GOOD, checkins_texts.BUTTON_FANCY_A_CHAT, checkins_texts.BUTTON_COULD_USE_A_HAND, checkins_texts.BUTTON_NOT_TODAY,
    ]
    assert await run_until(street, local("2026-03-02 11:29")) == []
    assert only(await run_until(street, local("2026-03-02 11:30"))).key == checkins_texts.CHECKIN_REMINDER
    assert await run_until(street, local("2026-03-02 12:59")) == []
    note = only(await run_until(street, local("2026-03-02 13:00")))
    assert note.outgoing.to.person.user_id == "sam"
    assert note.text.startswith("🔔 Rosa hasn't answered their check-in from 10:00. Could you check on them?")
    assert "in 3 hours, I'll let the street's organisers know" in note.text
    assert await run_until(street, local("2026-03-02 15:59")) == []
    organisers = only(await run_until(street, local("2026-03-02 16:00")))
    assert organisers.outgoing.to.person.user_id == "alice"
    assert "Rosa, a neighbour on Elm Street, hasn't answered" in organisers.text
    assert await run_until(street, local("2026-03-02 19:00")) == []  # nothing more, ever
    assert street.notifier.group_messages() == []
    assert await _stages(street) == [Stage.ORGANISERS]


async def test_the_buddy_acknowledging_stops_it(street: StreetKit) -> None:
    await street.join("alice")
    await with_buddy(street)
    await run_until(street, local("2026-03-02 13:00"))
    note = last(street.notifier.sent, "sam", checkins_texts.BUDDY_NO_ANSWER)
    assert only(await street.press("joe", note.payload("I'll check"))).key == texts.NOT_FOR_YOU
    assert only(await street.press("alice", note.payload("I'll check"))).key == texts.NOT_FOR_YOU  # not told yet
    assert only(await street.press("rosa", note.payload("I'll check"))).key == texts.NOT_FOR_YOU
    sent = await street.press("sam", note.payload("I'll check"))
    assert only(sent).key == checkins_texts.ACK_CHECKING
    assert only(await street.press("sam", note.payload("They're fine"))).key == checkins_texts.ACK_ALREADY
    assert await run_until(street, local("2026-03-02 20:00")) == []
    # Rosa answers later: Sam, who went round, hears all is well.
    hello = last([sent for _, sent in street.notifier.log], "rosa", checkins_texts.CHECKIN_HELLO)
    sent = await street.press("rosa", hello.payload("All good"))
    assert last(sent, "sam", checkins_texts.ALL_CLEAR).text.startswith("💛 Good news: Rosa just replied")
    assert last(sent, "rosa", checkins_texts.ANSWER_ALL_GOOD)
    assert street.notifier.group_messages() == []


async def test_an_organiser_acknowledges_and_the_others_are_thanked(street: StreetKit, organisers) -> None:  # type: ignore[no-untyped-def]
    organisers.user_ids.add("bea")
    for who in ("alice", "bea", "joe"):
        await street.join(who)
    await set_up(street, tell="organisers", wait="1 hour")
    await run_until(street, local("2026-03-02 10:00"))
    assert only(await run_until(street, local("2026-03-02 10:30"))).key == checkins_texts.CHECKIN_REMINDER
    sent = await run_until(street, local("2026-03-02 11:00"))
    assert sorted(s.outgoing.to.person.user_id for s in sent) == ["alice", "bea"]
    note = sent[0]
    assert only(await street.press("joe", note.payload("I'll check"))).key == texts.NOT_FOR_YOU
    assert only(await street.press("bea", note.payload("They're fine"))).key == checkins_texts.ACK_FINE
    assert only(await street.press("alice", note.payload("I'll check"))).key == checkins_texts.ACK_ALREADY
    assert await _stages(street) == [Stage.ACKNOWLEDGED]


async def test_an_answer_stops_everything(street: StreetKit) -> None:
    await with_buddy(street)
    hello = only(to(await run_until(street, local("2026-03-02 10:00")), "rosa"))
    sent = await street.press("rosa", hello.payload("Not today"))
    assert only(sent).text == "That's fine — thanks for letting me know. Take care. 💛"
    assert await run_until(street, local("2026-03-02 23:00")) == []
    assert only(await street.press("rosa", hello.payload("All good"))).key == checkins_texts.ANSWER_ALREADY
    assert only(await street.press("sam", hello.payload("All good"))).key == texts.NOT_FOR_YOU
    assert await _stages(street) == [Stage.ANSWERED]


async def test_answering_the_reminder_counts_and_stops_the_buddy_note(street: StreetKit) -> None:
    await with_buddy(street)
    await run_until(street, local("2026-03-02 10:00"))
    reminder = only(await run_until(street, local("2026-03-02 11:30")))
    await street.press("rosa", reminder.payload("All good"))
    assert await run_until(street, local("2026-03-02 18:00")) == []


async def test_a_check_in_that_never_arrived_is_never_no_answer(street: StreetKit) -> None:
    await street.join("alice")
    await with_buddy(street)
    street.notifier.unreachable.add("rosa")  # she blocked the bot
    sent = await run_until(street, local("2026-03-02 10:00"))
    told = only(sent)
    assert told.outgoing.to.person.user_id == "sam" and told.key == checkins_texts.UNDELIVERED_TO_BUDDY
    assert told.text.startswith("I couldn't get today's check-in through to Rosa")
    assert await run_until(street, local("2026-03-02 23:00")) == []
    assert await _stages(street) == [Stage.UNDELIVERED]
    assert await street.count("held_messages") == 0 and street.notifier.group_messages() == []


async def test_a_platform_that_keeps_failing_is_not_no_answer_either(street: StreetKit) -> None:
    await with_buddy(street)
    street.notifier.failing_for.add("rosa")
    sent = await run_until(street, local("2026-03-02 10:00"))
    assert only(sent).key == checkins_texts.UNDELIVERED_TO_BUDDY
    street.notifier.failing_for.clear()
    sent = await run_until(street, local("2026-03-03 10:00"))  # the next day's goes out as usual
    assert only(sent).key == checkins_texts.CHECKIN_HELLO


async def test_a_buddy_who_cant_be_reached_passes_it_to_the_organisers_at_once(street: StreetKit) -> None:
    await street.join("alice")
    await with_buddy(street)
    street.notifier.unreachable.add("sam")
    await run_until(street, local("2026-03-02 12:59"))
    sent = await run_until(street, local("2026-03-02 13:00"))
    assert [s.outgoing.to.person.user_id for s in sent] == ["alice"]
    assert await street.count("held_messages") == 0 and street.notifier.group_messages() == []


async def test_without_anyone_to_tell_it_stops_after_the_reminder(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    await run_until(street, local("2026-03-02 10:00"))
    assert only(await run_until(street, local("2026-03-02 11:30"))).key == checkins_texts.CHECKIN_REMINDER
    assert await run_until(street, local("2026-03-02 23:00")) == []
    assert await _stages(street) == [Stage.CLOSED]


async def test_a_buddy_who_hasnt_said_yes_yet_is_not_told(street: StreetKit) -> None:
    await set_up(street)  # the invitation was never opened
    await run_until(street, local("2026-03-02 23:00"))
    assert to(street.notifier.sent, "sam") == []
    assert await _stages(street) == [Stage.CLOSED]


async def test_fancy_a_chat_tells_the_buddy(street: StreetKit) -> None:
    await with_buddy(street)
    hello = only(await run_until(street, local("2026-03-02 10:00")))
    sent = await street.press("rosa", hello.payload("Fancy a chat"))
    assert last(sent, "sam", checkins_texts.BUDDY_CHAT).text.startswith("☕ Rosa would enjoy a chat today")
    assert last(sent, "rosa", checkins_texts.ANSWER_CHAT_TOLD_BUDDY).text == "I've let Sam know you'd enjoy a chat. ☕"
    assert street.notifier.group_messages() == []


async def test_fancy_a_chat_without_a_buddy_asks_before_telling_chat_offerers(street: StreetKit) -> None:
    await street.say("joe", "/offer happy to have a phone chat with anyone")
    await set_up(street, tell="Nobody", wait=None)
    hello = only(to(await run_until(street, local("2026-03-02 10:00")), "rosa"))
    question = only(await street.press("rosa", hello.payload("Fancy a chat")))
    assert question.key == checkins_texts.CHAT_ASK_QUESTION
    assert only(await street.press("rosa", question.payload("No thanks"))).key == checkins_texts.CHAT_ASK_NOT_NOW
    assert await street.count("posts", "kind = 'ask'") == 0
    sent = await street.press("rosa", question.payload("Yes please"))
    card = [s for s in sent if isinstance(s.outgoing.to, ToStreet)]
    assert len(card) == 1 and card[0].text.startswith("🙋 A neighbour could use a hand")  # never her name
    assert "Rosa" not in card[0].text
    assert last(sent, "joe", LINES).text.startswith("🔔 A neighbour could use a hand, and it fits what you offered")
    assert only(await street.press("rosa", question.payload("Yes please"))).key == checkins_texts.CHAT_ASK_ALREADY_UP


async def test_could_use_a_hand_starts_an_ask_and_tells_the_buddy(street: StreetKit) -> None:
    await with_buddy(street)
    hello = only(await run_until(street, local("2026-03-02 10:00")))
    sent = await street.press("rosa", hello.payload("Could use a hand"))
    assert last(sent, "sam", checkins_texts.BUDDY_HAND)
    what = last(sent, "rosa", posts_texts.ASK_WHAT)
    sent = await street.press("rosa", what.payload("Shopping"))
    sent = await street.press("rosa", only(sent).payload("today"))
    assert [s.text.splitlines()[0] for s in sent if isinstance(s.outgoing.to, ToStreet)] == ["🙋 A neighbour could use a hand"]
    assert await run_until(street, local("2026-03-02 20:00")) == []  # answered: nothing escalates
