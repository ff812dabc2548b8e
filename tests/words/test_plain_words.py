"""Plain words in a private chat, read as a neighbour would."""

import pytest

from handlers.kernel import texts
from handlers.posts import texts as posts_texts
from handlers.privacy import texts as privacy_texts
from handlers.words import texts as words_texts
from tests.fakes import plain
from tests.kit import StreetKit, card_of, only


async def _in_the_street(street: StreetKit, *people: str, chat: str = "group-1") -> None:
    for who in people:
        await street.say(who, "/board", chat=chat)


async def test_margarets_words_become_an_ask_in_one_tap(street: StreetKit) -> None:
    await _in_the_street(street, "margaret")
    restated = only(await street.tell("margaret", "Hello dear, could someone pick up my milk tomorrow please?"))
    assert restated.text.splitlines() == [
        "Shall I ask your street for you? It will show as from “a neighbour”:",
        "🙋 A neighbour could use a hand",
        "🛒 Shopping · Tuesday 3 March",
        "“could someone pick up my milk tomorrow please?”",
    ]
    assert [plain(choice.label) for choice in restated.choices] == ["📌 Yes, post it", "No thanks"]
    assert await street.count("posts") == 0  # nothing is posted until she says so
    sent = await street.press("margaret", restated.payload("Yes, post it"))
    posted = card_of(sent)
    assert posted.outgoing.to.street.chat_id == "group-1"  # type: ignore[union-attr]
    assert "A neighbour could use a hand" in posted.text and "Margaret" not in posted.text
    assert any(s.key == posts_texts.POSTED_ANONYMOUSLY for s in sent)
    assert await street.count("posts", "category = 'shopping' AND anonymous = 1") == 1


async def test_a_typed_yes_posts_it_too_and_a_second_yes_does_nothing_more(street: StreetKit) -> None:
    await _in_the_street(street, "margaret")
    await street.tell("margaret", "could someone pick up my milk tomorrow please?")
    assert card_of(await street.tell("margaret", "yes please"))
    await street.tell("margaret", "yes")
    assert await street.count("posts") == 1


async def test_no_thanks_leaves_it(street: StreetKit) -> None:
    await _in_the_street(street, "margaret")
    restated = only(await street.tell("margaret", "I can walk a dog on Saturdays"))
    assert restated.text.startswith("Shall I offer this to your street?")
    assert only(await street.tell("margaret", "no thanks")).key == words_texts.LEFT_IT
    assert await street.count("posts") == 0
    assert await street.count("conversations") == 0


async def test_with_two_streets_the_tap_says_which(street: StreetKit) -> None:
    street.titles["group-2"] = "Mill Road"
    await _in_the_street(street, "margaret")
    await _in_the_street(street, "margaret", chat="group-2")
    restated = only(await street.tell("margaret", "could someone walk my spaniel on Thursday?"))
    assert [plain(choice.label) for choice in restated.choices] == [
        "📌 Post it in Elm Street", "📌 Post it in Mill Road", "No thanks",
    ]
    which = only(await street.tell("margaret", "yes"))  # which street? the choices again
    assert which.text.startswith("Sorry, I didn't catch which one you meant") and len(which.choices) == 3
    assert await street.count("posts") == 0
    posted = card_of(await street.tell("margaret", "mill road"))
    assert posted.outgoing.to.street.chat_id == "group-2"  # type: ignore[union-attr]


async def test_someone_the_bot_knows_no_street_of(street: StreetKit) -> None:
    assert only(await street.tell("newcomer", "could someone get my prescription?")).key == texts.NO_STREET_YET


async def test_a_polish_ask(street: StreetKit) -> None:
    await _in_the_street(street, "ola")
    restated = only(await street.tell("ola", "Dzień dobry, czy ktoś mógłby odebrać moje leki jutro rano?"))
    assert "💊 Prescriptions & pharmacy · Tuesday 3 March in the morning" in restated.text
    assert "“czy ktoś mógłby odebrać moje leki jutro rano?”" in restated.text
    assert card_of(await street.tell("ola", "tak"))


@pytest.mark.parametrize(("text", "key"), [
    ("hi", words_texts.HELLO), ("Good morning!", words_texts.HELLO), ("Dzień dobry", words_texts.HELLO),
    ("Bună ziua", words_texts.HELLO), ("thanks love", words_texts.YOU_ARE_WELCOME),
    ("dziękuję bardzo", words_texts.YOU_ARE_WELCOME), ("mulțumesc frumos", words_texts.YOU_ARE_WELCOME),
    ("help", words_texts.WHAT_I_DO), ("what can you do?", words_texts.WHAT_I_DO), ("co umiesz?", words_texts.WHAT_I_DO),
    ("stop", words_texts.STOPPING), ("bye!", words_texts.GOODBYE), ("oh no", words_texts.NOT_SURE),
    ("🐕🐕🐕", words_texts.NOT_SURE), ("asdfgh", words_texts.NOT_SURE),
])
async def test_small_talk_gets_a_short_warm_answer_and_changes_nothing(street: StreetKit, text: str, key: str) -> None:
    await _in_the_street(street, "rosa")
    before = await street.snapshot()
    reply = only(await street.tell("rosa", text))
    assert reply.key == key
    assert "/" not in reply.text  # words, not commands
    assert await street.snapshot() == before


async def test_forget_me_in_words_asks_the_same_question(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    assert only(await street.tell("sam", "please forget me")).key == privacy_texts.FORGET_QUESTION
    assert only(await street.tell("sam", "yes")).key == privacy_texts.FORGOTTEN


async def test_a_very_long_message_is_not_restated(street: StreetKit) -> None:
    await _in_the_street(street, "rosa")
    reply = only(await street.tell("rosa", "could someone help with shopping " * 40))
    assert reply.key == posts_texts.TOO_LONG
    assert await street.count("conversations") == 0
