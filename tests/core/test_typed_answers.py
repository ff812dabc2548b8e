"""Typed answers to the bot's own question: read from the words alone, then handled as the press."""

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.kernel import texts
from handlers.kernel.answers import ChoiceWords, Reading, read_answer
from handlers.posts import texts as posts_texts
from handlers.privacy import texts as privacy_texts
from handlers.words import texts as words_texts
from tests.fakes import plain
from tests.kit import StreetKit, card_of, only

FORGET = [ChoiceWords(("🗑️ Yes, forget me",), destructive=True), ChoiceWords(("No, keep things as they are",))]
LANGUAGES = [ChoiceWords(("English",)), ChoiceWords(("Polski",)), ChoiceWords(("Română",))]
KEEP_OR_CLOSE = [ChoiceWords(("Keep it open",)), ChoiceWords(("Close it",), destructive=True)]
POST_OR_NOT = [ChoiceWords(("📌 Yes, post it", "📌 Tak, opublikuj")), ChoiceWords(("No thanks", "Nie, dziękuję"))]


@pytest.mark.parametrize(("text", "choices", "index"), [
    ("yes", FORGET, 0), ("Yes please", FORGET, 0), ("tak", FORGET, 0), ("da", FORGET, 0), ("1", FORGET, 0),
    ("yes, forget me", FORGET, 0), ("no", FORGET, 1), ("no thanks", FORGET, 1), ("nie", FORGET, 1), ("nu", FORGET, 1),
    ("keep things as they are", FORGET, 1), ("2", FORGET, 1), ("the second one", FORGET, 1), ("#2", FORGET, 1),
    ("Polski", LANGUAGES, 1), ("polski please", LANGUAGES, 1), ("romana", LANGUAGES, 2), ("the first one", LANGUAGES, 0),
    ("3", LANGUAGES, 2), ("last", LANGUAGES, 2), ("englsh", LANGUAGES, 0),
    ("keep it open", KEEP_OR_CLOSE, 0), ("close it", KEEP_OR_CLOSE, 1),
    ("yes", POST_OR_NOT, 0), ("tak, opublikuj", POST_OR_NOT, 0), ("no thank you", POST_OR_NOT, 1),
])
def test_typed_words_pick_one_choice(text: str, choices: list[ChoiceWords], index: int) -> None:
    answer = read_answer(text, choices)
    assert (answer.reading, answer.index) == (Reading.CHOSEN, index)


@pytest.mark.parametrize(("text", "choices"), [
    ("yes?", FORGET), ("maybe", FORGET), ("yes or no", FORGET), ("4", FORGET), ("yes", KEEP_OR_CLOSE),
    ("yes no", FORGET), ("clsoe it", KEEP_OR_CLOSE),  # a typo is never enough for a choice that can't be undone
])
def test_unclear_answers_are_not_guessed(text: str, choices: list[ChoiceWords]) -> None:
    assert read_answer(text, choices).reading is Reading.UNCLEAR


@pytest.mark.parametrize("text", [
    "could someone pick up my milk tomorrow?", "oh no", "thanks", "🙂", "", "hello there", "x" * 300,
    "yes " * 20,
])
def test_words_about_something_else_are_not_an_answer(text: str) -> None:
    assert read_answer(text, FORGET).reading is Reading.NOT_AN_ANSWER


# Words that are not a yes, a number or the destructive choice's own words — some close to them.
NOT_A_YES = st.sampled_from([
    "no", "nope", "maybe", "forgot", "forge", "keep", "me", "oh", "later", "2", "second", "yesterday", "yet",
    "eyes", "dayes", "tomorrow", "milk", "hello", "thanks", "nie", "nu", "poate", "fine", "ask", "?", "!", "🙂",
]) | st.from_regex(r"[a-z]{2,9}", fullmatch=True).filter(
    lambda word: word not in ("yes", "yeah", "yea", "yep", "yup", "ya", "ok", "okay", "okey", "sure", "aye", "tak",
                              "da", "forget", "first", "one", "last", "sigur", "bine", "jasne", "dobrze", "dobra",
                              "zgoda", "pewnie", "course", "alright", "certainly", "absolutely", "definitely",
                              "desigur", "primul", "prima", "unu", "jeden", "pierwszy", "pierwsza", "pierwsze",
                              "jedynka", "intai", "ostatni", "ultimul", "ultima", "oczywiscie", "poprosze")
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(words=st.lists(NOT_A_YES, min_size=1, max_size=6))
def test_forgetting_is_never_picked_without_a_yes_its_number_or_its_words(words: list[str]) -> None:
    answer = read_answer(" ".join(words), FORGET)
    assert not (answer.reading is Reading.CHOSEN and answer.index == 0), words


async def _in_the_street(street: StreetKit, *people: str) -> None:
    for who in people:
        await street.say(who, "/board")


async def test_sam_types_yes_to_be_forgotten(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    question = only(await street.tell("sam", "/forgetme"))
    assert question.key == privacy_texts.FORGET_QUESTION
    assert only(await street.tell("sam", "yes")).key == privacy_texts.FORGOTTEN
    assert await street.count("neighbours") == 0
    assert await street.count("street_members") == 0


async def test_a_typed_no_keeps_them_and_a_later_yes_is_not_a_second_press(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    await street.tell("sam", "/forgetme")
    assert only(await street.tell("sam", "no thanks")).key == privacy_texts.FORGET_KEPT
    assert only(await street.tell("sam", "yes")).key != privacy_texts.FORGOTTEN
    assert await street.count("street_members") == 1


async def test_an_unclear_answer_gets_the_choices_again(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    await street.tell("sam", "/forgetme")
    again = only(await street.tell("sam", "yes?"))
    assert again.text.startswith("Sorry, I didn't catch which one you meant")
    assert privacy_texts.FORGET_QUESTION.split("?")[0] in again.text
    assert len(again.outgoing.choices) == 2
    assert only(await street.tell("sam", "2")).key == privacy_texts.FORGET_KEPT
    assert await street.count("street_members") == 1


async def test_an_answer_after_the_question_lapsed_gets_it_again(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    await street.tell("sam", "/forgetme")
    street.clock.advance(timedelta(hours=25))
    again = only(await street.tell("sam", "yes"))
    assert again.text.startswith("That question has expired — here it is again:")
    assert await street.count("street_members") == 1
    assert only(await street.tell("sam", "yes")).key == privacy_texts.FORGOTTEN


async def test_a_yes_answers_only_the_question_asked_of_that_person(street: StreetKit) -> None:
    await _in_the_street(street, "sam", "rosa")
    await street.tell("sam", "/forgetme")
    reply = only(await street.tell("rosa", "yes"))
    assert reply.key != privacy_texts.FORGOTTEN
    assert await street.count("street_members") == 2


async def test_a_choice_typed_in_polish_for_a_polish_neighbour(street: StreetKit) -> None:
    await _in_the_street(street, "ola")
    await street.tell("ola", "/forgetme")
    assert only(await street.tell("ola", "tak")).key == privacy_texts.FORGOTTEN


async def test_typed_words_a_guided_flow_waits_for_still_go_to_it(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    question = only(await street.tell("sam", "/ask"))
    assert question.outgoing.choices  # the categories, to tap
    sent = await street.tell("sam", "could someone take my neighbour to the GP on Tuesday?")
    assert any(s.outgoing.card_of is not None for s in sent)


async def test_a_category_typed_in_the_guided_flow_is_its_press(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    await street.tell("sam", "/ask")
    when = only(await street.tell("sam", "shopping"))
    assert [plain(choice.label) for choice in when.choices][:2] == ["today", "tomorrow"]
    sent = await street.tell("sam", "tomorrow")
    assert any(s.outgoing.card_of is not None for s in sent)


async def test_the_answer_to_a_press_typed_comes_as_a_message(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    await street.tell("sam", "/forgetme")
    kept = only(await street.tell("sam", "No, keep things as they are"))
    assert kept.key == privacy_texts.FORGET_KEPT and kept.outgoing.to.person.user_id == "sam"  # type: ignore[union-attr]


async def test_nothing_asked_and_a_yes(street: StreetKit) -> None:
    await _in_the_street(street, "sam")
    assert only(await street.tell("sam", "yes")).key in (words_texts.NOT_SURE, texts.NOT_UNDERSTOOD)


async def test_a_question_asked_of_someone_else_in_a_turn_is_answered_by_typing(street: StreetKit) -> None:
    await _in_the_street(street, "rosa", "sam")
    post_id = card_of(await street.say("rosa", "/ask could someone pick up milk?")).outgoing.card_of
    await street.press("sam", f"h:{post_id}", private=False)  # Rosa is asked "Shall I put you in touch?"
    again = only(await street.tell("rosa", "yes please"))  # two of the choices say yes: which?
    assert again.text.startswith("Sorry, I didn't catch which one you meant") and len(again.choices) == 3
    sent = await street.tell("rosa", "yes please, share my username")
    assert any(s.key == posts_texts.IN_TOUCH_RESPONDER for s in sent)


async def test_a_question_the_bot_asked_on_its_own_is_answered_by_typing(street: StreetKit) -> None:
    await _in_the_street(street, "rosa")
    await street.say("rosa", "/ask could someone pick up milk tomorrow?")
    asked = only(await street.wait(timedelta(days=2)))
    assert asked.key == posts_texts.DAY_PASSED_QUESTION
    assert only(await street.tell("rosa", "no, not any more")).key == posts_texts.CLOSED_BY_AUTHOR
    assert await street.count("posts", "status = 'expired'") == 1
