"""A neighbour who speaks Polish (or Romanian) hears everything in Polish (or Romanian).

The example streets under examples/ are played through the console street, with the real core, the
real catalogues and a real SQLite file — once with every neighbour's app set to the language (as
Telegram's language_code tells us), once with the street's language set to it (the operator's
default), and the Polish and Romanian example streets as they are. Every message that goes out
must be in the language asked for, every sentence in it translated, and no English sentence may
show through. Sentences that read the same in every language are listed here, one by one."""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.composition import core_settings, open_store
from bot.console.directory import ConsoleDirectory
from bot.console.notifier import ConsoleNotifier
from bot.console.script import parse_line
from bot.console.street import ConsoleOrganisers, ConsoleStreet
from bot.i18n import Catalogues
from config.settings import Settings
from handlers.app import Doorstep
from handlers.checkins import texts as checkins_texts
from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import (
    UNTRANSLATED,
    Choice,
    Lines,
    MessageRef,
    Msg,
    Outgoing,
    PluralText,
    SendResult,
    ToStreet,
)
from handlers.kernel.render import render
from handlers.leaflets import texts as leaflets_texts
from handlers.nearby import texts as nearby_texts
from handlers.organisers import texts as organisers_texts
from handlers.posts import texts as posts_texts
from handlers.posts.when import DAY_AND_PART, WEEKDAY_AND_DATE
from handlers.privacy import texts as privacy_texts
from handlers.street import texts as street_texts

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
ENGLISH_EXAMPLES = ("street.txt", "checkin.txt", "organiser.txt", "nearby.txt")

# Sentences whose translation is the English itself: only layout, emoji and placeholders.
LAYOUT_ONLY = {
    posts_texts.CARD_DETAILS, posts_texts.BOARD_ASK_LINE, posts_texts.BOARD_OFFER_LINE, posts_texts.BUTTON_HELP_NUMBER,
    posts_texts.BUTTON_TAKE_NUMBER, texts.ADDRESSED, checkins_texts.BUTTON_DAY_CHOSEN, checkins_texts.CHECKIN_LIST_COMMA,
    street_texts.DAY_OF_MONTH, street_texts.LIST_OF_THINGS, organisers_texts.HELLO_IN_GROUP_OWN, organisers_texts.REMINDER_POST, nearby_texts.BUTTON_RADIUS,
    privacy_texts.MY_DATA_OTHER, leaflets_texts.POSTER_OFFER,
    DAY_AND_PART,
}
SAME_IN_BOTH = {
    "pl": LAYOUT_ONLY | {WEEKDAY_AND_DATE},  # "we wtorek 3 marca" (Romanian puts a comma between)
    "ro": LAYOUT_ONLY | {nearby_texts.WHERE_NEARBY},  # "📍 {street}, {walk}"
}


@dataclass
class Heard:
    """One message as it went out: what, to whom, and in which language."""

    text: Msg
    choices: tuple[Choice, ...]
    locale: str
    to_group: bool
    extra: tuple[Msg, ...] = ()  # a chart's title and labels


@dataclass
class RecordingConsole(ConsoleNotifier):
    """The console's notifier, keeping each message as the core sent it."""

    heard: list[Heard] = field(default_factory=list)

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.heard = []

    async def send(self, outgoing: Outgoing) -> SendResult:
        result = await super().send(outgoing)
        if result.sent:
            chart = outgoing.chart
            extra = (chart.title, *(label for label, _ in chart.series)) if chart else ()
            self.heard.append(Heard(outgoing.text, outgoing.choices, outgoing.locale or "",
                                    isinstance(outgoing.to, ToStreet), extra))
        return result

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        self.heard.append(Heard(text, choices, locale, True))
        return await super().edit(ref, text, choices, locale)


class AppLanguageStreet(ConsoleStreet):
    """Every neighbour's app is set to one language, as Telegram says with each update."""

    app_language: str | None = None

    def _incoming(self, name: str, *, private: bool, kind: IncomingKind, text: str | None = None,
                  payload: str | None = None, reply_to: str | None = None) -> Incoming:
        incoming = super()._incoming(name, private=private, kind=kind, text=text, payload=payload, reply_to=reply_to)
        return replace(incoming, language=self.app_language)


async def play(script: str, tmp_path: Path, catalogues: Catalogues, *, street_language: str = "en",
               app_language: str | None = None) -> list[Heard]:
    settings = Settings(_env_file=None, language=street_language, timezone="Europe/London")  # type: ignore[call-arg]
    directory, organisers, names = ConsoleDirectory(), ConsoleOrganisers(), {}
    notifier = RecordingConsole(io.StringIO(), directory, names, catalogues.translate, tmp_path / "charts")
    clock = ManualClock(START)
    async with open_store(tmp_path / f"{street_language}-{app_language}.sqlite3") as store:
        core = Doorstep(store, notifier, clock, core_settings(settings, catalogues), organisers)
        street = AppLanguageStreet(core, clock, notifier, directory, organisers, names, io.StringIO(),
                                   ZoneInfo(settings.timezone))
        street.app_language = app_language
        for line in script.splitlines():
            assert parse_line(line) is not None, line
            await street.do(line)
    return notifier.heard


def keys_in(message: Msg) -> set[str | PluralText]:
    found = set() if message.key in UNTRANSLATED else {message.source}
    for value in message.params.values():
        if isinstance(value, Msg):
            found |= keys_in(value)
        elif isinstance(value, Lines):
            for item in value.items:
                found |= keys_in(item)
    return found


def english_pieces(catalogues: Catalogues, language: str) -> set[str]:
    """Stretches of English sentences long enough that they can't be a coincidence."""
    pieces = set()
    pairs = list(catalogues.translations[language].items())
    for (singular, plural), forms in catalogues.plural_forms.get(language, {}).items():
        pairs += [(singular, form) for form in forms] + [(plural, form) for form in forms]
    for english, translated in pairs:
        if translated != english:
            for chunk in english.replace("{", "\0{").replace("}", "}\0").split("\0"):
                if len(chunk.strip()) >= 16 and not chunk.startswith("{") and not chunk.lstrip().startswith("/"):
                    pieces.add(chunk.strip())
    return pieces


def untranslated(heard: list[Heard], catalogues: Catalogues, language: str) -> list[str]:
    table = catalogues.translations[language]
    allowed = SAME_IN_BOTH[language]
    pieces = english_pieces(catalogues, language)
    problems = []
    for item in heard:
        messages = (item.text, *(choice.label for choice in item.choices), *item.extra)
        for message in messages:
            for key in keys_in(message):
                if isinstance(key, PluralText):
                    translated = (key.singular, key.plural) in catalogues.plural_forms.get(language, {})
                else:
                    translated = table.get(key, key) != key
                if not translated and key not in allowed:
                    problems.append(f"not translated: {key!r}")
            shown = render(message, language, translate=catalogues.translate)
            problems += [f"English in {shown!r}: {piece!r}" for piece in pieces if piece in shown]
    return sorted(set(problems))


@pytest.fixture(scope="module")
def catalogues() -> Catalogues:
    return Catalogues.load()


@pytest.mark.parametrize("language", ["pl", "ro"])
def test_only_layout_reads_the_same_as_english(catalogues: Catalogues, language: str) -> None:
    same = {english for english, translated in catalogues.translations[language].items() if translated == english}
    assert same == SAME_IN_BOTH[language]


@pytest.mark.parametrize("language", ["pl", "ro"])
@pytest.mark.parametrize("example", ENGLISH_EXAMPLES)
async def test_a_neighbour_whose_app_speaks_it_hears_everything_in_it(
    tmp_path: Path, catalogues: Catalogues, language: str, example: str,
) -> None:
    heard = await play((EXAMPLES / example).read_text(), tmp_path, catalogues, app_language=language)
    private = [item for item in heard if not item.to_group]
    assert len(private) >= 5
    assert {item.locale for item in private} == {language}
    assert {item.locale for item in heard if item.to_group} <= {"en"}  # the group speaks the street's language
    assert untranslated(private, catalogues, language) == []


@pytest.mark.parametrize("language", ["pl", "ro"])
@pytest.mark.parametrize("example", ENGLISH_EXAMPLES)
async def test_a_street_that_speaks_it_hears_everything_in_it(
    tmp_path: Path, catalogues: Catalogues, language: str, example: str,
) -> None:
    heard = await play((EXAMPLES / example).read_text(), tmp_path, catalogues, street_language=language)
    assert {item.locale for item in heard} == {language}
    assert untranslated(heard, catalogues, language) == []


@pytest.mark.parametrize(("language", "example"), [("pl", "street-pl.txt"), ("ro", "street-ro.txt")])
async def test_the_example_street_in_its_own_language(
    tmp_path: Path, catalogues: Catalogues, language: str, example: str,
) -> None:
    """The organiser chooses the group's language and each neighbour their own (/language); then
    they write and tap in it."""
    heard = await play((EXAMPLES / example).read_text(), tmp_path, catalogues)
    chosen = [index for index, item in enumerate(heard) if item.text.key == help_texts.LANGUAGE_CHOSEN]
    after_choosing = heard[chosen[-1] + 1:]
    assert len(after_choosing) > 100
    assert {item.locale for item in after_choosing} == {language}
    assert untranslated([item for item in heard if item.locale == language], catalogues, language) == []
