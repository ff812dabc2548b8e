"""Which language to speak with whom: a neighbour's own choice, else their app's language, else their
street's; a street's language is its organisers' choice, else the operator's default. Only languages
with a complete catalogue are used."""

from __future__ import annotations

from handlers.kernel.domain import Neighbour
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Services

# Each language by its own name, as people look for it in a list.
OWN_NAMES = {"en": "English", "pl": "Polski", "ro": "Română", "uk": "Українська", "es": "Español"}


def supported(code: str | None, services: Services) -> str | None:
    """'pl-PL' -> 'pl' when there is a Polish catalogue; None when we can't speak it."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in services.settings.locales else None


async def of_street(services: Services, street_id: int) -> str:
    chosen = (await for_street(services, street_id)).language
    return supported(chosen, services) or services.settings.locale


async def of_neighbour(services: Services, neighbour: Neighbour) -> str:
    own = supported(neighbour.language, services)
    if own:
        return own
    streets = await services.store.streets.of_neighbour(neighbour.id)
    return await of_street(services, streets[0].id) if streets else services.settings.locale


async def note_platform_language(services: Services, neighbour: Neighbour, code: str | None) -> None:
    """Follow the app's language setting, unless they chose one themselves."""
    language = supported(code, services)
    if language and not neighbour.language_chosen and language != neighbour.language:
        await services.store.neighbours.set_language(neighbour.id, language, chosen=False)
