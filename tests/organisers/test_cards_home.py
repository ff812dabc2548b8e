"""Topics and threads, through the core: answers go back where the neighbour spoke, organisers give
new cards, reminders and the street's notices a home with one tap from inside a topic or thread, and
a home closed or gone is told to them once, privately, with nothing lost."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from handlers.kernel import texts as common
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import ToPerson, ToStreet
from handlers.kernel.street_settings import for_street
from handlers.organisers import texts
from handlers.organisers.cards_home import CardsHere, CardsWherever
from tests.fakes import Sent
from tests.kit import GROUP, PLATFORM, StreetKit, card_of, only
from tests.organisers.helpers import answers, in_group, private_to, street_id

UTC = timezone.utc


async def said_in(street: StreetKit, who: str, text: str, thread: str | None, *, kind: IncomingKind = IncomingKind.MESSAGE,
                  payload: str | None = None) -> list[Sent]:
    """`who` says `text` (or presses `payload`) in the group, inside `thread` (None: its main place)."""
    street.notifier.take()
    await street.core.handle(Incoming(
        platform=PLATFORM, chat_id=GROUP, user_id=who, is_private=False, kind=kind, text=text, payload=payload,
        user_name=who.capitalize(), chat_title="Elm Street", ref="press-1" if payload else None, thread=thread,
    ))
    return street.notifier.sent


def thread_of(sent: Sent) -> str | None:
    assert isinstance(sent.outgoing.to, ToStreet)
    return sent.outgoing.to.thread


async def make_home(street: StreetKit, thread: str) -> None:
    menu = only(await said_in(street, "olga", "/settings", thread))
    assert isinstance(menu.outgoing.to, ToPerson)
    saved = only(await street.press("olga", menu.payload("Where I typed /settings")))
    assert saved.text.startswith("✅ Saved.") and saved.text.endswith(texts.SETTING_CARDS_HOME)


async def test_answers_and_cards_go_where_they_were_asked(street: StreetKit) -> None:
    card = card_of(await said_in(street, "rosa", "/ask could someone lend me a ladder?", "lost"))
    assert thread_of(card) == "lost" and card.ref is not None and card.ref.thread == "lost"
    board = only(await said_in(street, "sam", "/board", "chat"))
    assert thread_of(board) == "chat"
    assert [ref.thread for ref in await street.store.cards.of_post(1)] == ["lost"]
    private = card_of(await street.tell("sam", "/offer I can walk a dog on Sundays"))  # no thread: the main place
    assert private.outgoing.card_of is not None and thread_of(private) is None


async def test_someone_unreachable_is_answered_openly_beside_the_card(street: StreetKit) -> None:
    card = card_of(await said_in(street, "rosa", "/ask could someone help me look for my keys?", "lost"))
    street.notifier.unreachable.add("rosa")
    sent = await said_in(street, "sam", "", None, kind=IncomingKind.PRESS, payload=card.payload("I can help"))
    question = only(in_group(sent))
    assert question.text.startswith("Rosa: 🙋 Sam can help with your ask") and thread_of(question) is None
    card = card_of(await said_in(street, "rosa", "/ask could someone water my plants?", "help"))
    sent = await said_in(street, "sam", "", "help", kind=IncomingKind.PRESS, payload=card.payload("I can help"))
    assert [thread_of(s) for s in in_group(sent)] == ["help"]


async def test_a_home_takes_new_cards_reminders_and_notices(street: StreetKit) -> None:
    street.clock.move_to(datetime(2026, 3, 23, 12, 0, tzinfo=UTC))
    menu = only(await said_in(street, "olga", "/settings", "help"))
    assert menu.text.endswith(texts.SETTING_CARDS_WHEREVER)
    await make_home(street, "help")
    current = await for_street(street.core.services, await street_id(street))
    assert current.cards_home == "help"

    card = card_of(await said_in(street, "rosa", "/ask could someone lend me a ladder?", "chat"))
    assert thread_of(card) == "help"
    assert thread_of(only(await said_in(street, "sam", "/board", "chat"))) == "chat"  # an answer: where asked
    assert thread_of(card_of(await street.tell("sam", "/offer I can walk a dog on Sundays"))) == "help"
    await street.say("olga", "/remind every thursday 19:00 Blue bin out tonight")
    street.clock.move_to(datetime(2026, 3, 26, 19, 0, tzinfo=UTC))
    reminder = only(in_group(await street.wait(timedelta(0))))
    assert reminder.text == "🔔 Blue bin out tonight" and thread_of(reminder) == "help"

    again = only(await said_in(street, "olga", "/settings", "help"))
    assert again.text.endswith(texts.SETTING_CARDS_HOME_HERE)
    assert [c.label.key for c in again.choices][-1:] == [texts.BUTTON_CARDS_WHEREVER]
    saved = only(await street.press("olga", again.payload("Wherever they're asked")))
    assert saved.text.endswith("Weekly summary, usually: every Monday at 09:00\nThe group's link for newcomers: none yet")  # not in a thread: no line
    assert thread_of(card_of(await said_in(street, "rosa", "/ask could someone feed the cat?", "chat"))) == "chat"


async def test_only_from_inside_a_thread_and_only_for_organisers(street: StreetKit) -> None:
    menu = only(await street.say("olga", "/settings"))
    assert texts.BUTTON_CARDS_HERE not in [c.label.key for c in menu.choices]
    sid = await street_id(street)
    assert answers(await street.press("olga", CardsHere(sid).pack())) == [common.BUTTON_EXPIRED]  # nothing offered
    await said_in(street, "olga", "/settings", "help")
    before = await street.snapshot()
    assert answers(await street.press("sam", CardsHere(sid).pack())) == [texts.FOR_ORGANISERS]
    assert answers(await street.press("sam", CardsWherever(sid).pack())) == [texts.FOR_ORGANISERS]
    assert answers(await street.press("olga", CardsHere(sid + 1).pack())) == [common.BUTTON_EXPIRED]
    assert await street.snapshot() == before


async def test_a_home_closed_or_gone_is_told_to_the_organisers_once(street: StreetKit) -> None:
    await make_home(street, "help")
    street.notifier.closed_threads.add("help")
    first = await said_in(street, "rosa", "/ask could someone lend me a drill?", "chat")
    card = card_of(first)
    assert thread_of(card) is None and card.ref is not None and card.ref.thread is None  # said in the main place
    told = only(private_to(first, "olga"))
    assert told.key == texts.CARDS_HOME_GONE and told.text.startswith("📌 The topic or thread you chose for Elm Street")
    second = await said_in(street, "rosa", "/offer I can water plants", "chat")
    assert private_to(second, "olga") == [] and thread_of(card_of(second)) is None

    street.notifier.closed_threads.add("chat")  # a reply in a closed topic is no home: nobody is told
    assert private_to(await said_in(street, "rosa", "/board", "chat"), "olga") == []

    saved = only(await street.press("olga", told.payload("Wherever they're asked")))
    assert saved.text.startswith("✅ Saved.")
    assert (await for_street(street.core.services, await street_id(street))).cards_home == ""
    street.notifier.closed_threads.clear()
    assert thread_of(card_of(await said_in(street, "rosa", "/ask could someone feed the cat?", "lost"))) == "lost"


async def test_choosing_again_means_being_told_again(street: StreetKit) -> None:
    await make_home(street, "help")
    street.notifier.closed_threads.add("help")
    assert private_to(await said_in(street, "rosa", "/ask a drill?", "chat"), "olga")
    menu = only(await said_in(street, "olga", "/settings", "chat"))
    assert menu.text.endswith(texts.SETTING_CARDS_HOME_GONE)
    await make_home(street, "help")  # reopened, and chosen again
    told_again = await said_in(street, "rosa", "/ask a ladder?", "chat")
    assert only(private_to(told_again, "olga")).key == texts.CARDS_HOME_GONE
    assert card_of(told_again).text.startswith("🙋 Rosa could use a hand") and thread_of(card_of(told_again)) is None
