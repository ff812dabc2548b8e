"""Issue 5, "done when": two streets 300 m apart and one 5 km away behave as a neighbour would expect.
An unmet ask widens to the near street, never the far one; nobody sees a distance in metres; the
database holds only cells."""

from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.messages import ToPerson, ToStreet
from handlers.kernel.render import persons_in
from handlers.nearby import texts as nearby_texts
from tests.fakes import Sent
from tests.kit import StreetKit, card_of, only
from tests.nearby.conftest import (
    ELM,
    ELM_CHAT,
    FAR,
    FAR_CHAT,
    METRES,
    MILL,
    MILL_CHAT,
    assert_only_cells,
    suggestions,
    three_streets,
    told,
)


def to_chat(sent: list[Sent], chat: str) -> list[Sent]:
    return [s for s in sent if isinstance(s.outgoing.to, ToStreet) and s.outgoing.to.street.chat_id == chat]


async def test_an_unmet_ask_widens_to_the_near_street_never_the_far_one(town: StreetKit) -> None:
    seen: list[Sent] = []
    await three_streets(town)
    await town.share("sam", *MILL)  # Sam, on Mill Road, shared where he lives, privately
    seen += await town.say("sam", "/offer I can pick up shopping", chat=MILL_CHAT)
    seen += await town.say("fay", "/offer I can pick up shopping", chat=FAR_CHAT)

    seen += (sent := await town.say("rosa", "/ask could someone pick up milk tomorrow?"))
    post_id = card_of(sent).outgoing.card_of
    # Sam, 300 m away, hears of it privately, in words; Fay, 5 km away, never does.
    assert told(sent) == ["sam"]
    assert "📍 Elm Street, about 5 minutes' walk" in suggestions(sent)[0].text

    # Nobody says yes. Twelve hours on it is 21:00, the street's quiet hours: nothing yet.
    seen += (sent := await town.wait(timedelta(hours=12)))
    assert sent == []
    seen += (sent := await town.wait(timedelta(hours=11)))
    question = only(sent)
    assert isinstance(question.outgoing.to, ToPerson) and question.outgoing.to.person.user_id == "rosa"
    assert question.key == nearby_texts.WIDEN_QUESTION
    assert "Mill Road" in question.text and "Far Lane" not in question.text

    seen += (sent := await town.press("rosa", question.payload("Yes, show it nearby")))
    nearby_card = only(to_chat(sent, MILL_CHAT))
    assert nearby_card.text.startswith("🙋 A neighbour on Elm Street could use a hand")
    assert "Rosa" not in nearby_card.text and not list(persons_in(nearby_card.outgoing.text))
    assert to_chat(sent, FAR_CHAT) == []
    assert any(s.key == nearby_texts.WIDENED for s in sent)
    # Pressed twice: shown once.
    assert only(await town.press("rosa", question.payload("Yes, show it nearby"))).key == texts.ALREADY_DONE

    # Mo, on Mill Road, sees it in his group and can help; Rosa says yes.
    seen += await town.press("mo", nearby_card.payload("I can help"), private=False, chat=MILL_CHAT)
    # The nearby copy shows someone offered, still without Rosa's name.
    mill_edits = [e for e in town.notifier.edits if e.ref.chat_id == MILL_CHAT]
    assert mill_edits and mill_edits[-1].text.startswith("🙋 A neighbour on Elm Street could use a hand")
    assert "Rosa" not in mill_edits[-1].text
    prompt = only(town.notifier.to_person("rosa"))
    assert "Mo can help" in prompt.text
    seen += await town.press("rosa", prompt.payload("Yes please"))
    assert [e.text.splitlines()[0] for e in town.notifier.edits if e.ref.chat_id == MILL_CHAT][-1] == "✅ Sorted"
    assert [e.text.splitlines()[0] for e in town.notifier.edits if e.ref.chat_id == ELM_CHAT][-1] == "✅ Sorted"

    # However long it goes on, nothing about the ask reaches Far Lane or Fay, and nobody sees metres.
    seen += await town.wait(timedelta(days=3))
    far = [s for s in to_chat(seen, FAR_CHAT) if s.outgoing.card_of != post_id]
    assert [s.key for s in far] == ["{lines}"] and far[0].text.startswith("🎁 Fay is offering")
    assert [s for s in seen if isinstance(s.outgoing.to, ToPerson) and s.outgoing.to.person.user_id == "fay"] == []
    assert not [e for e in town.notifier.edits if e.ref.chat_id == FAR_CHAT]
    texts_seen = [s.text for s in seen] + [e.text for e in town.notifier.edits]
    assert texts_seen and not [t for t in texts_seen if METRES.search(t)]
    # Only cells in the database: the pins' coordinates are nowhere.
    await assert_only_cells(town.store, ELM, MILL, FAR)
