"""docs/privacy.md lists every table and column the database has — a new column can't slip in unlisted."""

import re
from pathlib import Path

from storage import SqliteStore

ROOT = Path(__file__).resolve().parents[1]


def _documented() -> dict[str, set[str]]:
    text = (ROOT / "docs" / "privacy.md").read_text()
    tables: dict[str, set[str]] = {}
    current = None
    for line in text.splitlines():
        if heading := re.match(r"^### (\w+)\s*$", line):
            current = heading.group(1)
            tables[current] = set()
        elif current and line.startswith("| `"):
            first_cell = line.split("|")[1]
            tables[current] |= set(re.findall(r"`(\w+)`", first_cell))
    return tables


async def test_every_column_is_in_the_privacy_notice(store: SqliteStore) -> None:
    actual: dict[str, set[str]] = {}
    for row in await store.db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
        columns = await store.db.fetch_all(f"PRAGMA table_info({row['name']})")
        actual[row["name"]] = {column["name"] for column in columns}
    assert _documented() == actual
