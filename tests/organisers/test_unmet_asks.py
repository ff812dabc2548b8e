"""Asks nobody has taken are flagged once, privately, to every organiser, with a button that puts
the card up in the group again (and both copies are kept up to date)."""

from datetime import datetime, timedelta, timezone

from handlers.kernel import texts
from handlers.organisers import texts as organisers_texts
from tests.fakes import HandPickedOrganisers
from tests.kit import StreetKit, card_of, only
from tests.organisers.helpers import answers, in_group, private_to


async def _ask(street: StreetKit, text: str = "/ask could someone fix a dripping tap?") -> int:
    return card_of(await street.say("rosa", text)).outgoing.card_of  # type: ignore[return-value]


async def test_flagged_once_to_each_organiser_after_a_day(street: StreetKit, organisers: HandPickedOrganisers) -> None:
    organisers.user_ids.add("omar")
    await _ask(street)
    assert await street.wait(timedelta(hours=23)) == []
    sent = await street.wait(timedelta(hours=1))
    for organiser in ("olga", "omar"):
        alert = only(private_to(sent, organiser))
        assert alert.text.startswith("⏳ Nobody has taken this ask on Elm Street yet — it's been up 24 hours:")
        assert "“could someone fix a dripping tap?”" in alert.text
        assert alert.payload("Re-post it in the group").startswith("orp:")
    assert private_to(sent, "rosa") == [] and in_group(sent) == []
    assert await street.wait(timedelta(days=2)) == []
    assert await street.count("weekly_counts", "what = 'asks_unmet' AND count = 1") == 1


async def test_an_ask_someone_took_is_not_flagged(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    assert await street.wait(timedelta(days=2)) == []


async def test_an_offer_waiting_for_a_yes_puts_the_alert_off(street: StreetKit) -> None:
    post_id = await _ask(street)
    street.clock.advance(timedelta(hours=2))
    await street.press("sam", f"h:{post_id}", private=False)
    no = only(street.notifier.to_person("rosa")).payload("Not this time")
    assert await street.wait(timedelta(hours=22)) == []  # 24 hours up, but Sam's offer waits for Rosa
    street.clock.advance(timedelta(hours=6))
    await street.press("rosa", no)
    assert await street.wait(timedelta(hours=17)) == []
    assert only(private_to(await street.wait(timedelta(hours=1)), "olga")).text.startswith("⏳ Nobody has taken")


async def test_alerts_wait_for_the_end_of_quiet_hours(street: StreetKit) -> None:
    street.clock.advance(timedelta(hours=13, minutes=30))  # Monday 22:30 in London
    await _ask(street)
    assert await street.wait(timedelta(hours=24)) == []  # Tuesday 22:30: quiet hours
    assert await street.core.next_due() == datetime(2026, 3, 4, 8, 0, tzinfo=timezone.utc)
    assert await street.wait(timedelta(hours=9, minutes=29)) == []
    alert = only(private_to(await street.wait(timedelta(minutes=1)), "olga"))
    assert "it's been up 33 hours" in alert.text


async def test_when_the_platform_cant_say_who_organises_it_tries_again(
    street: StreetKit, organisers: HandPickedOrganisers
) -> None:
    await _ask(street)
    organisers.failing = True
    assert await street.wait(timedelta(hours=24)) == []
    retry = await street.core.next_due()
    assert retry is not None and retry > street.clock.now()  # no busy loop while it is down
    organisers.failing = False
    assert only(private_to(await street.wait(timedelta(minutes=10)), "olga")).text.startswith("⏳")


async def test_repost_puts_the_card_up_again_and_both_copies_follow(street: StreetKit) -> None:
    post_id = await _ask(street)
    alert = only(private_to(await street.wait(timedelta(hours=24)), "olga"))
    sent = await street.press("olga", alert.payload("Re-post it in the group"))
    assert answers(sent) == [organisers_texts.REPOSTED]
    again = card_of(sent)
    assert again.outgoing.card_of == post_id and again.text.startswith("🙋 Rosa could use a hand")
    assert await street.count("cards", f"post_id = {post_id}") == 2
    assert answers(await street.press("olga", alert.payload("Re-post"))) == [organisers_texts.ALREADY_REPOSTED]
    await street.press("sam", again.payload("I can help"), private=False)
    edited = {edit.ref.message_id for edit in street.notifier.edits}
    assert len(edited) == 2  # the first card and the re-posted one
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    assert answers(await street.press("olga", alert.payload("Re-post"))) == [texts.POST_NOT_OPEN]


async def test_a_street_without_organisers_still_counts_it(street: StreetKit, organisers: HandPickedOrganisers) -> None:
    organisers.user_ids.clear()
    await _ask(street)
    assert await street.wait(timedelta(hours=25)) == []
    assert await street.count("posts", "unmet_alerted_at IS NOT NULL") == 1
