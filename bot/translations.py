"""`python -m bot.translations`: refresh locales/doorstep.pot and merge new sentences into each catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from bot.i18n import DOMAIN, template

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    pot = template(ROOT)
    locales = ROOT / "locales"
    with (locales / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, pot, omit_header=False, width=100)
    for po_path in sorted(locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parent.parent.name)
        catalog.update(pot, no_fuzzy_matching=True)
        with po_path.open("wb") as handle:
            write_po(handle, catalog, width=100, ignore_obsolete=True)
        untranslated = sum(1 for message in catalog if message.id and not message.string)
        print(f"{po_path.relative_to(ROOT)}: {untranslated} sentence(s) to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
