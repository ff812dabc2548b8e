"""`python -m bot.translations`: refresh locales/doorstep.pot and merge new sentences into each catalogue.

A file is rewritten only when its sentences changed, so the dates in its header don't churn."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.i18n import DOMAIN, template

ROOT = Path(__file__).resolve().parents[1]
_DATES = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')


def _without_dates(content: bytes) -> bytes:
    return b"\n".join(line for line in content.splitlines() if not line.startswith(_DATES))


def _write_if_changed(path: Path, catalog: Catalog, **options: object) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, **options)  # type: ignore[arg-type]
    new = buffer.getvalue()
    if not path.exists() or _without_dates(path.read_bytes()) != _without_dates(new):
        path.write_bytes(new)


def main() -> int:
    pot = template(ROOT)
    locales = ROOT / "locales"
    _write_if_changed(locales / f"{DOMAIN}.pot", pot, omit_header=False)
    for po_path in sorted(locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parent.parent.name)
        catalog.update(pot, no_fuzzy_matching=True)
        _write_if_changed(po_path, catalog, ignore_obsolete=True)
        untranslated = sum(1 for message in catalog if message.id and not (
            all(message.string) if isinstance(message.string, tuple) else message.string
        ))
        print(f"{po_path.relative_to(ROOT)}: {untranslated} sentence(s) to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
