"""/leaflet and /poster for organisers, and a newcomer arriving through the street's code: welcomed
privately in the street's name, a neighbour of it from then on, asking as "a neighbour"."""

from __future__ import annotations

from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.messages import ToPerson, ToStreet
from handlers.kernel.printables import PrintKind
from handlers.leaflets import codes
from handlers.leaflets import texts as leaflet_texts
from handlers.organisers import texts as organisers_texts
from handlers.posts import texts as post_texts
from handlers.words import texts as words_texts
from tests.fakes import Sent, plain
from tests.kit import StreetKit, card_of, only

CONTACT = "or knock at number 12"


async def _leaflet(street: StreetKit, languages: str = "English", contact: str | None = CONTACT) -> Sent:
    """Olga asks for a leaflet privately, picks its languages and (maybe) types her line."""
    await street.say("olga", "/board")  # she is known on Elm Street
    question = only(await street.tell("olga", "/leaflet"))
    assert question.key == leaflet_texts.LEAFLET_LANGUAGES
    assert [plain(choice.label) for choice in question.choices] == ["English", "English + Polski", "English + Română"]
    asked = only(await street.press("olga", question.payload(languages)))
    assert asked.key == leaflet_texts.CONTACT_QUESTION
    made = await street.tell("olga", contact) if contact else await street.press("olga", asked.payload("No line"))
    return only(made)


async def _code(street: StreetKit) -> str:
    row = await street.store.db.fetch_one("SELECT code FROM street_codes")
    assert row is not None
    return str(row["code"])


async def test_a_leaflet_in_two_languages_with_a_line_that_is_never_kept(street: StreetKit) -> None:
    made = await _leaflet(street, "English + Polski")
    assert made.key == leaflet_texts.LEAFLET_READY and isinstance(made.outgoing.to, ToPerson)
    page = made.outgoing.printable
    assert page is not None and page.kind is PrintKind.LEAFLET
    assert page.locales == ("en", "pl") and page.contact == CONTACT and page.tab is not None
    assert plain(page.title) == "Elm Street: neighbours helping neighbours"
    assert page.street_code == await _code(street)
    assert "🛒 Shopping" in [plain(line) for line in page.sections[0].items]  # the emoji is left off the paper
    # Never kept: not waiting in the outbox if she can't be reached, and not anywhere in the database.
    assert made.outgoing.hold_if_unreachable is False
    for table in [row["name"] for row in await street.store.db.fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]:
        for row in await street.store.db.fetch_all(f"SELECT * FROM {table}"):
            assert not any(isinstance(value, str) and "number 12" in value for value in tuple(row)), table
    # The flow is over: what she types next is just chat.
    assert only(await street.tell("olga", "hello")).key == words_texts.HELLO


async def test_the_streets_own_hello_goes_on_the_leaflet(street: StreetKit) -> None:
    await street.say("olga", "/board")
    await street.store.street_settings.put(1, "hello_text", "We're the Elm Street lot — always glad to help!")
    page = (await _leaflet(street, contact=None)).outgoing.printable
    assert page is not None and page.contact is None and page.locales == ("en",)
    assert plain(page.intro) == "We're the Elm Street lot — always glad to help!"


async def test_the_same_code_until_an_organiser_renews_it(street: StreetKit) -> None:
    first = await _leaflet(street)
    code = await _code(street)
    assert (await _leaflet(street)).outgoing.printable.street_code == code  # type: ignore[union-attr]
    question = only(await street.press("olga", first.payload("New code")))
    assert question.key == leaflet_texts.NEW_CODE_QUESTION
    assert only(await street.press("olga", question.payload("Yes, a new code"))).key == leaflet_texts.NEW_CODE_MADE
    assert await _code(street) != code
    # An old leaflet is answered kindly, and changes nothing.
    before = await street.count("street_members")
    assert only(await street.tell("sam", f"/start {code}")).key == leaflet_texts.CODE_RENEWED
    assert await street.count("street_members") == before


async def test_only_organisers_and_only_in_private(street: StreetKit) -> None:
    await street.say("rosa", "/board")
    assert only(await street.tell("rosa", "/leaflet")).key == organisers_texts.FOR_ORGANISERS
    assert only(await street.tell("rosa", "/poster")).key == organisers_texts.FOR_ORGANISERS
    in_group = only(await street.say("olga", "/leaflet"))
    assert in_group.key == texts.PRIVATE_ONLY and in_group.choices[0].opens_private
    carried = only(await street.tell("olga", f"/start {in_group.choices[0].payload}"))
    assert carried.key == leaflet_texts.LEAFLET_LANGUAGES
    made = await _leaflet(street)
    assert only(await street.press("rosa", made.payload("New code"))).key == organisers_texts.FOR_ORGANISERS
    assert await street.count("street_codes") == 1


async def test_a_newcomer_through_the_leaflet_asks_as_a_neighbour(street: StreetKit) -> None:
    await _leaflet(street)
    await street.store.street_settings.put(1, "join_link", "https://t.me/+ElmStreet")
    code = await _code(street)
    welcome = only(await street.tell("nina", f"/start {code}"))  # what t.me/<bot>?start=<code> sends
    assert welcome.text.startswith("👋 Welcome, neighbour — this is Doorstep for Elm Street.")
    assert "To join the street's group chat: https://t.me/+ElmStreet" in welcome.text
    assert [plain(choice.label) for choice in welcome.choices] == ["🙋 Ask for a hand", "🤝 Offer something"]
    # She is a neighbour of Elm Street now, as anyone who speaks in its group is.
    nina = await street.store.neighbours.find("test", "nina")
    assert nina is not None and [s.title for s in await street.store.streets.of_neighbour(nina.id)] == ["Elm Street"]
    sent = await street.tell("nina", "/ask could someone post a letter for me tomorrow?")
    card = card_of(sent)
    assert isinstance(card.outgoing.to, ToStreet) and card.outgoing.to.street.title == "Elm Street"
    assert "Nina" not in card.text and "neighbour" in card.text
    assert any(s.key == post_texts.POSTED_ANONYMOUSLY for s in sent)


async def test_a_typed_code_and_the_welcomes_buttons(street: StreetKit) -> None:
    await _leaflet(street)
    code = await _code(street)
    welcome = only(await street.tell("nina", f"  {codes.shown(code).upper()} "))  # as typed from the page on Matrix
    assert welcome.text.startswith("👋 Welcome, neighbour — this is Doorstep for Elm Street.")
    offer = only(await street.press("nina", welcome.payload("Offer something")))
    assert offer.key == post_texts.OFFER_WHAT
    # Words that only look a little like a code are just words.
    for words in ("exchange", "meet 2day"):
        assert only(await street.tell("sam", words)).key == words_texts.NOT_SURE


async def test_a_poster_of_this_weeks_offers_only(street: StreetKit) -> None:
    assert only(await street.say("olga", "/board"))
    assert only(await street.tell("olga", "/poster")).key == leaflet_texts.POSTER_NOTHING
    await street.say("sam", "/offer I can walk a dog on weekday mornings")
    await street.say("joe", "/ask could someone lend me a ladder?")
    await street.tell("rosa", "/start")
    await street.say("rosa", "/board")
    await street.tell("rosa", "/offer soup on Sundays for anyone who'd like some")
    street.clock.advance(timedelta(days=1))
    made = only(await street.tell("olga", "/poster"))
    assert made.key == leaflet_texts.POSTER_READY and made.outgoing.hold_if_unreachable is False
    page = made.outgoing.printable
    assert page is not None and page.kind is PrintKind.POSTER and page.tab is None and page.locales == ("en",)
    offers = [plain(line) for line in page.sections[0].items]
    assert offers == ["🍲 Meals & cooking: “soup on Sundays for anyone who'd like some”",
                      "🐕 Dog walking & pets: “I can walk a dog on weekday mornings”"]
    everything = " ".join([plain(page.title), plain(page.intro), *offers])
    assert "ladder" not in everything and "Sam" not in everything and "Rosa" not in everything
    # Past their expiry, offers come off the poster.
    street.clock.advance(timedelta(days=30))
    assert only(await street.tell("olga", "/poster")).key == leaflet_texts.POSTER_NOTHING


async def test_never_mind(street: StreetKit) -> None:
    await street.say("olga", "/board")
    question = only(await street.tell("olga", "/leaflet"))
    asked = only(await street.press("olga", question.payload("English + Română")))
    assert only(await street.press("olga", asked.payload("Never mind"))).key == leaflet_texts.LEAFLET_CANCELLED
    assert only(await street.press("olga", asked.payload("Never mind"))).key == texts.ALREADY_DONE
    assert only(await street.press("olga", asked.payload("No line"))).key == texts.BUTTON_EXPIRED
    assert await street.count("street_codes") == 0
