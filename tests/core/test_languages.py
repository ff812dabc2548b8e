import pytest

from handlers.app import Doorstep
from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.incoming import Incoming
from handlers.kernel.settings import CoreSettings
from tests.fakes import HandPickedOrganisers
from tests.kit import StreetKit, card_of, only


@pytest.fixture
def core_settings() -> CoreSettings:
    return CoreSettings(locales=("en", "pl", "ro"))


async def test_the_apps_language_is_followed_until_someone_chooses(street: StreetKit) -> None:
    incoming = Incoming("test", "ania", "ania", True, text="/help", user_name="Ania", language="pl-PL")
    await street.core.handle(incoming)
    assert only(street.notifier.take()).outgoing.locale == "pl"
    choice = only(await street.tell("ania", "/language"))
    assert choice.key == help_texts.CHOOSE_LANGUAGE
    assert [c.payload for c in choice.choices] == ["lg:en", "lg:pl", "lg:ro"]
    assert only(await street.press("ania", "lg:ro")).outgoing.locale == "ro"
    street.notifier.take()
    await street.core.handle(incoming)  # the app still says Polish; her choice stands
    assert only(street.notifier.take()).outgoing.locale == "ro"


async def test_unsupported_languages_fall_back_to_the_street(street: StreetKit) -> None:
    await street.core.handle(Incoming("test", "group-1", "hans", False, text="/board", user_name="Hans", language="de"))
    assert only(street.notifier.take()).outgoing.locale == "en"
    assert only(await street.press("hans", "lg:de")).key == texts.BUTTON_EXPIRED


async def test_only_organisers_choose_the_streets_language(street: StreetKit) -> None:
    street.core = Doorstep(street.store, street.notifier, street.clock, street.core.services.settings,
                           HandPickedOrganisers("olga"))
    assert only(await street.say("sam", "/language")).key == help_texts.STREET_LANGUAGE_IS_FOR_ORGANISERS
    offer = only(await street.say("olga", "/language"))
    street_id = offer.choices[0].payload.split(":")[1]
    assert only(await street.press("sam", f"ls:{street_id}:pl", private=False)).key == help_texts.STREET_LANGUAGE_IS_FOR_ORGANISERS
    done = only(await street.press("olga", f"ls:{street_id}:pl", private=False))
    assert done.key == help_texts.STREET_LANGUAGE_CHOSEN and done.outgoing.locale == "pl"
    # Cards in the group now go out in Polish, and so do messages to people who haven't a language.
    assert card_of(await street.say("sam", "/ask could someone help with shopping?")).outgoing.locale == "pl"
    assert only(await street.tell("sam", "/help")).outgoing.locale == "pl"


async def test_card_updates_use_the_streets_language(street: StreetKit) -> None:
    from handlers.kernel.street_settings import set_setting

    post_id = card_of(await street.say("rosa", "/ask milk please")).outgoing.card_of
    row = await street.store.streets.get_or_create("test", "group-1", None, street.clock.now())
    await set_setting(street.core.services, row, "language", "ro")
    await street.press("sam", f"h:{post_id}", private=False)
    assert [edit.locale for edit in street.notifier.edits] == ["ro"]
