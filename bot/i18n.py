"""Loading the gettext catalogues under `locales/` and looking sentences up in them."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from handlers.kernel.render import in_english, read_plural_key

SOURCE_LANGUAGE = "en"
DOMAIN = "doorstep"
# Folders whose N_("...") / NP_("...", "...", count) sentences are shown to people (the Telegram adapter's
# are the bot's description, which only Telegram shows).
SOURCES = ("handlers", "bot/matrix", "bot/telegram")
KEYWORDS = {"N_": None, "NP_": (1, 2)}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")

Sentence = str | tuple[str, str]  # a plain sentence, or (singular, plural)


@dataclass(frozen=True)
class Catalogues:
    """Translations by language: {language: {English sentence: translated sentence}}, and for
    sentences with plural forms {language: {(singular, plural): forms}} with each language's rule
    for which form a number takes."""

    translations: dict[str, dict[str, str]]
    plural_forms: dict[str, dict[tuple[str, str], tuple[str, ...]]] = field(default_factory=dict)
    plural_rules: dict[str, Callable[[int], int]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None) -> Catalogues:
        root = Path(folder) if folder else Path(str(resources.files("locales")))
        found: dict[str, dict[str, str]] = {}
        forms: dict[str, dict[tuple[str, str], tuple[str, ...]]] = {}
        rules: dict[str, Callable[[int], int]] = {}
        for po in sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            language = po.parent.parent.name
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=language)
            # Like msgfmt, leave out sentences marked fuzzy: a guess nobody has checked yet.
            checked = [m for m in catalog if m.id and not m.fuzzy]
            found[language] = {m.id: m.string for m in checked if isinstance(m.string, str) and m.string}
            forms[language] = {
                (m.id[0], m.id[1]): tuple(m.string) for m in checked
                if isinstance(m.id, tuple) and isinstance(m.string, tuple) and all(m.string)
            }
            rules[language] = gettext.c2py(catalog.plural_expr)
        return cls(found, forms, rules)

    @property
    def languages(self) -> tuple[str, ...]:
        return (SOURCE_LANGUAGE, *sorted(lang for lang in self.translations if lang != SOURCE_LANGUAGE))

    def translate(self, locale: str, key: str) -> str:
        plural = read_plural_key(key)
        if plural is not None:
            singular, many, number = plural
            choices = self.plural_forms.get(locale, {}).get((singular, many))
            if choices:
                return choices[min(self.plural_rules[locale](number), len(choices) - 1)]
            return in_english(key)
        return self.translations.get(locale, {}).get(key) or key


def sentences_in_code(root: Path) -> set[Sentence]:
    """Every sentence marked with N_() or NP_() in the modules people hear from."""
    found: set[Sentence] = set()
    for source in SOURCES:
        for _, _, message, _, _ in extract_from_dir(root / source, [("**.py", "python")], keywords=KEYWORDS):
            found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


def template(root: Path) -> Catalog:
    """The .pot: every sentence to translate."""
    catalog = Catalog(project="Doorstep", domain=DOMAIN, copyright_holder="Doorstep contributors",
                      msgid_bugs_address="", creation_date=None)
    for message in sorted(sentences_in_code(root), key=lambda m: m if isinstance(m, str) else m[0]):
        catalog.add(message)
    return catalog


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def problems(catalogues: Catalogues, root: Path) -> dict[str, list[str]]:
    """Per language: sentences missing, or whose {placeholders} differ from the English. A plural
    form may leave out the number ("one day"), but no form may add a placeholder, and together they
    must use every one the English does."""
    needed = sentences_in_code(root)
    report: dict[str, list[str]] = {}
    for language, table in catalogues.translations.items():
        plurals = catalogues.plural_forms.get(language, {})
        issues = []
        for sentence in sorted(needed, key=lambda m: m if isinstance(m, str) else m[0]):
            if isinstance(sentence, str):
                if sentence not in table:
                    issues.append(f"missing: {sentence!r}")
                elif _placeholders(sentence) != _placeholders(table[sentence]):
                    issues.append(f"placeholders differ: {sentence!r}")
                continue
            forms = plurals.get(sentence)
            english = _placeholders(sentence[0]) | _placeholders(sentence[1])
            if not forms:
                issues.append(f"missing: {sentence[1]!r}")
            elif any(not _placeholders(form) <= english for form in forms) or \
                    set().union(*(_placeholders(form) for form in forms)) != english:
                issues.append(f"placeholders differ: {sentence[1]!r}")
        if issues:
            report[language] = issues
    return report
