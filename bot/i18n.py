"""Loading the gettext catalogues under `locales/` and looking sentences up in them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

SOURCE_LANGUAGE = "en"
DOMAIN = "doorstep"
# Modules whose N_("...") sentences are shown to people.
SOURCES = ("handlers",)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Catalogues:
    """Translations by language: {language: {English sentence: translated sentence}}."""

    translations: dict[str, dict[str, str]]

    @classmethod
    def load(cls, folder: Path | None = None) -> Catalogues:
        root = Path(folder) if folder else Path(str(resources.files("locales")))
        found: dict[str, dict[str, str]] = {}
        for po in sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            language = po.parent.parent.name
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=language)
            # Like msgfmt, leave out sentences marked fuzzy: a guess nobody has checked yet.
            found[language] = {
                m.id: m.string for m in catalog if m.id and not m.fuzzy and isinstance(m.string, str) and m.string
            }
        return cls(found)

    @property
    def languages(self) -> tuple[str, ...]:
        return (SOURCE_LANGUAGE, *sorted(lang for lang in self.translations if lang != SOURCE_LANGUAGE))

    def translate(self, locale: str, key: str) -> str:
        return self.translations.get(locale, {}).get(key) or key


def sentences_in_code(root: Path) -> set[str]:
    """Every sentence marked with N_() in the modules people hear from."""
    found: set[str] = set()
    for source in SOURCES:
        for _, _, message, _, _ in extract_from_dir(root / source, [("**.py", "python")], keywords={"N_": None}):
            found.add(message)
    return found


def template(root: Path) -> Catalog:
    """The .pot: every sentence to translate."""
    catalog = Catalog(project="Doorstep", domain=DOMAIN, copyright_holder="Doorstep contributors",
                      msgid_bugs_address="", creation_date=None)
    for message in sorted(sentences_in_code(root)):
        catalog.add(message)
    return catalog


def problems(catalogues: Catalogues, root: Path) -> dict[str, list[str]]:
    """Per language: sentences missing, or whose {placeholders} differ from the English."""
    needed = sentences_in_code(root)
    report: dict[str, list[str]] = {}
    for language, table in catalogues.translations.items():
        issues = [f"missing: {s!r}" for s in sorted(needed) if s not in table]
        issues += [
            f"placeholders differ: {s!r}"
            for s in sorted(needed & table.keys())
            if set(_PLACEHOLDER.findall(s)) != set(_PLACEHOLDER.findall(table[s]))
        ]
        if issues:
            report[language] = issues
    return report
