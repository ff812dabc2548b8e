"""Widening the circle, the edges: only with the asker's yes, only when there's somewhere near to show
it, never while someone is waiting for a yes, and the buttons work for the asker alone, once."""

from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.messages import ToStreet
from handlers.nearby import texts as nearby_texts
from tests.kit import StreetKit, card_of, only
from tests.nearby.conftest import ELM, ELM_CHAT, MILL_CHAT, give_area, three_streets

DAY = timedelta(days=1)


async def _unmet_for_a_day(town: StreetKit, text: str = "/ask could someone fix my gate?") -> tuple[int, list]:
    post_id = card_of(await town.say("rosa", text)).outgoing.card_of
    assert post_id is not None
    return post_id, await town.wait(DAY)


async def test_no_thanks_keeps_it_on_its_own_street(town: StreetKit) -> None:
    await three_streets(town)
    post_id, sent = await _unmet_for_a_day(town)
    question = only(sent)
    answer = only(await town.press("rosa", question.payload("No thanks")))
    assert answer.key == nearby_texts.WIDEN_DECLINED and "Elm Street" in answer.text
    assert [s for s in await town.wait(timedelta(days=5)) if isinstance(s.outgoing.to, ToStreet)] == []
    assert await town.count("cards", f"post_id = {post_id} AND nearby = 1") == 0


async def test_only_the_asker_can_widen_and_only_once_asked(town: StreetKit) -> None:
    await three_streets(town)
    post_id = card_of(await town.say("rosa", "/ask could someone fix my gate?")).outgoing.card_of
    assert only(await town.press("rosa", f"wy:{post_id}")).key == texts.BUTTON_EXPIRED  # not asked yet
    question = only(await town.wait(DAY))
    assert only(await town.press("sam", question.payload("Yes, show it nearby"))).key == texts.NOT_FOR_YOU
    assert only(await town.press("rosa", "wy:999")).key == texts.POST_NOT_FOUND
    await town.press("rosa", f"wd:{post_id}")
    assert only(await town.press("rosa", question.payload("Yes, show it nearby"))).key == texts.POST_NOT_OPEN


async def test_no_question_without_a_place_or_without_a_street_near(town: StreetKit) -> None:
    _, sent = await _unmet_for_a_day(town)  # no areas anywhere: the group is the neighbourhood
    assert sent == []
    await give_area(town, ELM_CHAT, ELM)  # an area, but no other street near it
    _, sent = await _unmet_for_a_day(town, "/ask could someone lend me a ladder?")
    assert sent == []
    assert await town.count("fan_outs", "widen_at IS NOT NULL") == 0


async def test_not_while_someone_is_waiting_for_a_yes(town: StreetKit) -> None:
    await three_streets(town)
    post_id = card_of(await town.say("rosa", "/ask could someone fix my gate?")).outgoing.card_of
    await town.press("sam", f"h:{post_id}", private=False)
    prompt = only(town.notifier.to_person("rosa"))
    assert await town.wait(DAY) == []
    await town.press("rosa", prompt.payload("Not this time"))
    question = only(await town.wait(timedelta(hours=3)))
    assert question.key == nearby_texts.WIDEN_QUESTION


async def test_an_anonymous_ask_is_only_ever_asked_about_privately(town: StreetKit) -> None:
    await three_streets(town)
    await town.say("rosa", "/board")
    await town.tell("rosa", "/ask could someone fix my gate?")  # posted privately: "a neighbour"
    question = only(await town.wait(DAY))
    assert question.key == nearby_texts.WIDEN_QUESTION and question.outgoing.fallback is None
    _, sent = await _unmet_for_a_day(town, "/ask could someone lend me a ladder?")
    assert only(sent).outgoing.fallback is not None  # asked openly: may be said in the group if need be


async def test_the_nearby_card_says_sorted_when_it_is_and_keeps_no_name(town: StreetKit) -> None:
    await three_streets(town)
    post_id = card_of(await town.say("rosa", "/ask could someone fix my gate?")).outgoing.card_of
    question = only(await town.wait(DAY))
    await town.press("rosa", question.payload("Yes, show it nearby"))
    await town.press("rosa", f"wd:{post_id}")
    last = [e for e in town.notifier.edits if e.ref.chat_id == MILL_CHAT][-1]
    assert last.text.startswith("This one has closed") and last.choices == () and "Rosa" not in last.text
