from dataclasses import dataclass

from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.messages import ToStreet
from handlers.kernel.payloads import Payload
from tests.kit import GROUP, StreetKit, card_of, only


@dataclass(frozen=True)
class Numbered(Payload, code="zz"):
    number: int


async def test_someone_unreachable_hears_in_the_group_about_their_named_post(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone help with shopping?")).outgoing.card_of
    street.notifier.unreachable.add("rosa")
    sent = await street.press("sam", f"h:{post_id}", private=False)
    in_group = [s for s in sent if isinstance(s.outgoing.to, ToStreet) and s.outgoing.card_of is None]
    assert len(in_group) == 1
    assert in_group[0].text.startswith("Rosa: 🙋 Sam can help with your ask")
    assert in_group[0].payload("Yes please").startswith("ok:")
    neighbour = await street.store.neighbours.find("test", "rosa")
    assert neighbour is not None and neighbour.reachable is False


async def test_a_private_message_waits_until_they_open_a_chat(street: StreetKit) -> None:
    await street.say("priya", "/board")
    post_id = card_of(await street.tell("priya", "/ask could someone walk my dog?")).outgoing.card_of
    street.notifier.unreachable.add("priya")  # e.g. she blocked the bot and came back later
    sent = await street.press("sam", f"h:{post_id}", private=False)
    nudge = [s for s in sent if s.key == texts.OPEN_PRIVATE_CHAT]
    assert len(nudge) == 1 and nudge[0].outgoing.to.street.chat_id == GROUP
    assert nudge[0].choices[0].opens_private and nudge[0].choices[0].payload == "inbox"
    assert "walk my dog" not in nudge[0].text  # an anonymous ask stays anonymous
    assert await street.count("held_messages") == 1
    # A second message waits too, without a second nudge.
    sent = await street.press("joe", f"h:{post_id}", private=False)
    assert [s for s in sent if s.key == texts.OPEN_PRIVATE_CHAT] == []
    assert await street.count("held_messages") == 2
    # She opens the chat: both arrive, nothing waits any more.
    street.notifier.unreachable.discard("priya")
    sent = await street.tell("priya", "/start inbox")
    assert [s.text.split(":")[0] for s in sent] == ["🙋 Sam can help with your ask", "🙋 Joe can help with your ask"]
    assert await street.count("held_messages") == 0


async def test_a_failing_platform_does_not_lose_the_post(street: StreetKit) -> None:
    street.notifier.failing = True
    assert await street.say("rosa", "/ask could someone help with shopping?") == []
    assert await street.count("posts") == 1
    street.notifier.failing = False
    board = only(await street.say("sam", "/board"))
    assert "could someone help with shopping?" in board.text


async def test_receipts_tell_the_core_how_a_send_went(street: StreetKit) -> None:
    from handlers.kernel.messages import Outgoing, Person, SendStatus, ToPerson, msg

    heard: list[tuple[int, SendStatus]] = []

    async def on_receipt(services, effects, receipt, result, now) -> None:  # type: ignore[no-untyped-def]
        heard.append((receipt.number, result.status))

    street.core.router.receipt(Numbered, on_receipt)
    await street.tell("rosa", "/start")
    street.notifier.unreachable.add("ann")
    await street.core.courier.deliver([
        Outgoing(ToPerson(Person("test", "rosa")), msg(help_texts.WELCOME_PRIVATE), receipt="zz:1"),
        Outgoing(ToPerson(Person("test", "ann")), msg(help_texts.WELCOME_PRIVATE), receipt="zz:2"),
    ])
    assert heard == [(1, SendStatus.SENT), (2, SendStatus.UNREACHABLE)]


async def test_due_work_runs_in_order_and_a_failure_does_not_stop_the_rest(street: StreetKit) -> None:
    ran: list[str] = []

    async def broken(services, effects, now) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    async def fine(services, effects, now) -> None:  # type: ignore[no-untyped-def]
        ran.append("fine")

    street.core.router.due("broken", broken)
    street.core.router.due("fine", fine)
    await street.core.run_due()
    assert ran == ["fine"]


async def test_a_file_is_never_said_openly_in_the_street(street: StreetKit) -> None:
    from handlers.kernel.messages import Attachment, Outgoing, Person, ToPerson, msg

    await street.say("rosa", "/board")
    row = await street.store.streets.get_or_create("test", GROUP, None, street.clock.now())
    street.notifier.unreachable.add("rosa")
    street.notifier.take()
    await street.core.courier.deliver([Outgoing(
        ToPerson(Person("test", "rosa")), msg(help_texts.WELCOME_PRIVATE), fallback=row,
        attachment=Attachment("mine.json", "application/json", b"{}"),
    )])
    assert [s for s in street.notifier.sent if s.outgoing.attachment is not None] == []
    assert await street.count("held_messages") == 0  # nor is it kept waiting in the database
