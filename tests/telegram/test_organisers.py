"""Organisers are the group's admins, asked of Telegram, cached, and refreshed when roles change."""

from __future__ import annotations

from handlers.kernel.domain import Street
from tests.telegram.fake_bot_api import FakeBotApi, Fault
from tests.telegram.street import TelegramStreet, eventually


async def test_admins_organise_and_others_do_not(tg: TelegramStreet, api: FakeBotApi) -> None:
    olive, alice, bob = api.user("Olive"), api.user("Alice"), api.user("Bob")
    elm = api.group("Elm Street", [bob], admins=[alice], owner=olive)
    organisers = tg.adapter.organisers
    street = tg.street(elm)
    assert await organisers.is_organiser(street, str(olive.id))
    assert await organisers.is_organiser(street, str(alice.id))
    assert not await organisers.is_organiser(street, str(bob.id))
    assert api.calls("getChatAdministrators") == 1  # asked once, then remembered


async def test_a_streets_organisers_are_its_admins_who_are_people(tg: TelegramStreet, api: FakeBotApi) -> None:
    olive, alice, bob = api.user("Olive"), api.user("Alice"), api.user("Bob")
    helper_bot = api.user("Helper", is_bot=True)
    elm = api.group("Elm Street", [bob], admins=[alice, helper_bot], owner=olive, bot_is_admin=True)
    organisers = tg.adapter.organisers
    assert await organisers.organisers_of(tg.street(elm)) == [str(alice.id), str(olive.id)]  # Telegram's order
    assert not await organisers.is_organiser(tg.street(elm), str(helper_bot.id))
    assert await organisers.organisers_of(Street(1, "matrix", str(elm.id))) == []
    assert api.calls("getChatAdministrators") == 1  # one list for both questions, remembered


async def test_a_promotion_is_noticed_at_once(tg: TelegramStreet, api: FakeBotApi) -> None:
    olive, bob = api.user("Olive"), api.user("Bob")
    elm = api.group("Elm Street", [bob], owner=olive, bot_is_admin=True)  # admins get chat_member updates
    organisers, street = tg.adapter.organisers, tg.street(elm)
    assert not await organisers.is_organiser(street, str(bob.id))
    api.promote(bob, elm, by=olive)

    async def bob_organises() -> bool:
        return await organisers.is_organiser(street, str(bob.id))

    await eventually(bob_organises, "Bob's promotion to count")  # long before the cache would expire
    api.demote(bob, elm, by=olive)

    async def bob_does_not() -> bool:
        return not await bob_organises()

    await eventually(bob_does_not, "Bob's demotion to count")

async def test_when_telegram_cannot_say_nobody_gains_rights(tg: TelegramStreet, api: FakeBotApi) -> None:
    olive, bob = api.user("Olive"), api.user("Bob")
    elm = api.group("Elm Street", [bob], owner=olive)
    api.faults.append(Fault({"getChatAdministrators"}, status=400, description="Bad Request: chat not found", times=None))
    assert not await tg.adapter.organisers.is_organiser(tg.street(elm), str(olive.id))
    assert not await tg.adapter.organisers.is_organiser(Street(1, "matrix", str(elm.id)), str(olive.id))
