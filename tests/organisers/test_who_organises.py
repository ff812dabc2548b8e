"""Organiser tools are for organisers, checked live each time: everyone else gets a kind word and
nothing changes, whether they type the command or forge a button."""

import pytest

from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.messages import ToPerson, ToStreet
from handlers.organisers import texts as organisers_texts
from tests.fakes import HandPickedOrganisers
from tests.kit import StreetKit, card_of, only
from tests.organisers.helpers import answers, in_group, neighbour_id, private_to, street_id

COMMANDS = ["/quiet", "/remind every thursday 19:00 Blue bin out tonight", "/reminders", "/digest", "/remove",
            "/pause", "/settings", "!quiet"]


@pytest.mark.parametrize("command", COMMANDS)
async def test_neighbours_are_kindly_refused_in_the_group(street: StreetKit, command: str) -> None:
    await street.say("sam", "/board")
    before = await street.snapshot()
    reply = only(await street.say("sam", command))
    assert reply.key == organisers_texts.FOR_ORGANISERS and isinstance(reply.outgoing.to, ToStreet)
    assert await street.snapshot() == before


@pytest.mark.parametrize("command", COMMANDS)
async def test_neighbours_are_kindly_refused_in_private(street: StreetKit, command: str) -> None:
    await street.say("sam", "/board")
    before = await street.snapshot()
    assert only(await street.tell("sam", command)).key == organisers_texts.FOR_ORGANISERS
    assert await street.snapshot() == before


async def test_forged_organiser_buttons_do_nothing(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone help with shopping?")).outgoing.card_of
    await street.say("olga", "/remind every thursday 19:00 Blue bin out tonight")
    reminder_id = (await street.store.reminders.of_street(await street_id(street)))[0].id
    sid = await street_id(street)
    rosa = await neighbour_id(street, "rosa")
    forged = [
        f"oqp:{sid}", f"ohi:{sid}:{rosa}", f"ohm:{sid}:{rosa}", f"orp:{post_id}", f"odp:{sid}", f"odw:{sid}",
        f"odd:{sid}:0", f"odt:{sid}:0:0900", f"odn:{sid}", f"oap:{sid}", f"olp:{sid}", f"olz:{reminder_id}",
        f"olr:{reminder_id}", f"old:{reminder_id}", f"omp:{sid}", f"omr:{post_id}", f"omz:{post_id}",
        f"omd:{post_id}:7", f"oml:{sid}:{rosa}", f"osp:{sid}", f"ose:{sid}:ask", f"osv:{sid}:ask:14",
        f"osr:{sid}:tz", f"ose:{sid}:hello",
    ]
    before = await street.snapshot()
    for payload in forged:
        for private in (True, False):
            sent = await street.press("sam", payload, private=private)
            assert answers(sent) == [organisers_texts.FOR_ORGANISERS], payload
            assert [s for s in sent if s.key != organisers_texts.FOR_ORGANISERS] == [], payload
    assert await street.snapshot() == before
    paused = await street.store.neighbours.paused_until(sid, rosa)
    assert paused is None


async def test_buttons_check_again_when_pressed(street: StreetKit, organisers: HandPickedOrganisers) -> None:
    await street.say("olga", "/remind every thursday 19:00 Blue bin out tonight")
    listing = await street.tell("olga", "/reminders")
    delete = listing[-1].payload("Delete")
    organisers.user_ids.discard("olga")  # no longer an admin of the group
    assert answers(await street.press("olga", delete)) == [organisers_texts.FOR_ORGANISERS]
    assert await street.count("reminders") == 1


async def test_someone_the_bot_hasnt_seen_in_a_group_is_told_how_to_start(street: StreetKit) -> None:
    assert only(await street.tell("olga", "/quiet")).key == texts.NO_STREET_YET


async def test_organiser_answers_come_privately(street: StreetKit) -> None:
    await street.say("sam", "/board")
    sent = await street.say("olga", "/quiet")
    assert sent and in_group(sent) == []
    assert all(isinstance(s.outgoing.to, ToPerson) for s in sent)


async def test_an_organiser_of_two_streets_picks_one_and_their_words_wait(
    street: StreetKit, organisers: HandPickedOrganisers
) -> None:
    await street.say("olga", "/board")
    await street.say("olga", "/board", chat="group-2")
    choice = only(await street.tell("olga", "/remind every monday 08:00 Coffee morning at number 12"))
    assert choice.key == texts.CHOOSE_STREET and len(choice.choices) == 2
    group_2 = await street.store.streets.get_or_create("test", "group-2", None, street.clock.now())
    pick = next(c.payload for c in choice.choices if c.payload.endswith(f":{group_2.id}"))
    added = only(await street.press("olga", pick))
    assert added.key == organisers_texts.REMINDER_ADDED and "Coffee morning at number 12" in added.text
    assert [r.street_id for r in await street.store.reminders.of_street(group_2.id)] == [group_2.id]
    # Someone who organises only one of them isn't asked which.
    organisers.by_street = {"group-1": {"olga"}, "group-2": set()}
    assert only(await street.tell("olga", "/reminders")).key == organisers_texts.REMINDERS_NONE


async def test_help_mentions_the_organisers_tools_only_to_organisers(street: StreetKit) -> None:
    assert [s.key for s in await street.say("sam", "/help")] == [help_texts.HELP_GROUP]
    sent = await street.say("olga", "/help")
    assert [s.key for s in sent] == [help_texts.HELP_GROUP, help_texts.HELP_ORGANISERS]
    assert private_to(sent, "olga")[0].key == help_texts.HELP_ORGANISERS


async def test_organiser_commands_are_kept_out_of_everyones_menu(street: StreetKit) -> None:
    everyone = {c.name for c in street.core.router.menu(private=False)}
    organisers = {c.name for c in street.core.router.menu(private=False, organisers=True)}
    assert "quiet" not in everyone and "ask" in everyone
    assert {"quiet", "remind", "reminders", "digest", "remove", "pause", "settings"} <= organisers


async def test_buttons_with_odd_ids_get_a_kind_word(street: StreetKit) -> None:
    await street.say("olga", "/board")
    huge = "9" * 30
    before = await street.snapshot()
    for payload in (f"ohi:1:{huge}", f"ohi:{huge}:1", f"ohn:{huge}", f"ohy:{huge}", f"odx:{huge}", f"oml:1:{huge}",
                    f"omr:{huge}", f"olz:{huge}", f"orp:{huge}", "ohi:1", "odx:1:2", "odt:1:7:0900", "odt:1:0:2460"):
        sent = await street.press("olga", payload)
        assert len(sent) == 1 and sent[0].key in (
            texts.BUTTON_EXPIRED, texts.POST_NOT_FOUND, organisers_texts.REMINDER_GONE,
        ), (payload, [s.key for s in sent])
    assert await street.snapshot() == before
