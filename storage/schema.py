"""The database's own description of itself: its tables, columns and foreign keys.

Seeing someone's data, forgetting them and deleting neighbours left with nothing are all driven by
this, not by hand-written lists, so a table added later is covered without anyone remembering to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.database import Database

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def identifier(name: str) -> str:
    """A table or column name, quoted for SQL. Only names read from the schema reach here; anything
    else is refused rather than quoted."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return f'"{name}"'


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    type: str  # as declared: INTEGER, TEXT, ...
    primary_key: bool


@dataclass(frozen=True)
class ForeignKey:
    """`table.column` refers to `parent.parent_column`; `on_delete` is what happens to it when the
    parent row goes (CASCADE, SET NULL, NO ACTION, ...)."""

    table: str
    column: str
    parent: str
    parent_column: str
    on_delete: str

    @property
    def cascades(self) -> bool:
        return self.on_delete.upper() == "CASCADE"


@dataclass(frozen=True)
class Schema:
    columns: dict[str, tuple[Column, ...]]  # table -> its columns, in order
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(self.columns)

    def referring_to(self, parent: str) -> tuple[ForeignKey, ...]:
        """Every column, in any table, that refers to rows of `parent`."""
        return tuple(key for key in self.foreign_keys if key.parent == parent)

    def text_columns(self) -> tuple[Column, ...]:
        return tuple(c for columns in self.columns.values() for c in columns if "CHAR" in c.type or "TEXT" in c.type)


async def read_schema(db: Database) -> Schema:
    tables = [
        row["name"] for row in await db.fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    columns: dict[str, tuple[Column, ...]] = {}
    keys: list[ForeignKey] = []
    for table in tables:
        info = await db.fetch_all("SELECT name, type, pk FROM pragma_table_info(?)", (table,))
        columns[table] = tuple(Column(table, row["name"], str(row["type"]).upper(), bool(row["pk"])) for row in info)
        for row in await db.fetch_all('SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list(?)', (table,)):
            parent_column = row["to"] or "id"  # a bare REFERENCES t means t's primary key (always id here)
            keys.append(ForeignKey(table, row["from"], row["table"], parent_column, row["on_delete"]))
    return Schema(columns, tuple(keys))
