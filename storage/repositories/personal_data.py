"""Everything stored about one neighbour, found by following the database's own foreign keys.

A row is theirs if it refers to their `neighbours` row, or hangs off a row of theirs (an answer to
their post, a card of it, a time their check-in fell due). Rows that only mention them (an answer
they gave on someone else's post, someone's check-in they are buddy for) are shown, but what hangs
off those belongs to someone else. Other neighbours' ids are left out of what is shown."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from handlers.kernel.domain import PersonalData
from storage.database import Database
from storage.schema import ForeignKey, Schema, identifier, read_schema
from storage.times import from_db

PERSON_TABLE = "neighbours"
MAX_DEPTH = 4  # posts -> responses is one step; nothing in the schema goes deeper than two


def _shown(column: str, value: Any) -> Any:
    """Times as readable UTC moments, stored JSON as JSON; the rest as stored."""
    if isinstance(value, int) and (column.endswith("_at") or column.endswith("_until")):
        moment = from_db(value)
        return moment.isoformat() if moment else None
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class PersonalDataRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._schema: Schema | None = None

    async def schema(self) -> Schema:
        if self._schema is None:
            self._schema = await read_schema(self._db)
        return self._schema

    async def export(self, neighbour_id: int) -> PersonalData:
        """Every row about this neighbour, table by table (empty tables left out)."""
        schema = await self.schema()
        found: dict[str, dict[tuple, dict[str, Any]]] = defaultdict(dict)
        direct: dict[str, int] = {}
        people_keys = {(key.table, key.column) for key in schema.referring_to(PERSON_TABLE)}
        own = await self._rows(PERSON_TABLE, "id", [neighbour_id])
        self._keep(found, PERSON_TABLE, own, neighbour_id, people_keys)
        # Rows that refer to them, then rows hanging off the ones that are theirs, a level at a time.
        owned: dict[str, list[dict[str, Any]]] = {PERSON_TABLE: own}
        for _ in range(MAX_DEPTH):
            next_owned: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for parent, rows in owned.items():
                for key in schema.referring_to(parent):
                    values = sorted({row[key.parent_column] for row in rows if row.get(key.parent_column) is not None})
                    children = await self._rows(key.table, key.column, values) if values else []
                    self._keep(found, key.table, children, neighbour_id, people_keys)
                    if parent == PERSON_TABLE and children:
                        direct[f"{key.table}.{key.column}"] = len(children)
                    if key.cascades:
                        next_owned[key.table].extend(children)
            owned = {table: rows for table, rows in next_owned.items() if rows and table != PERSON_TABLE}
            if not owned:
                break
        rows = {table: list(kept.values()) for table, kept in sorted(found.items()) if kept}
        return PersonalData(rows, direct)

    @staticmethod
    def _keep(found: dict[str, dict[tuple, dict[str, Any]]], table: str, rows: list[dict[str, Any]],
              neighbour_id: int, people_keys: set[tuple[str, str]]) -> None:
        for row in rows:
            shown = {
                column: None if (table, column) in people_keys and value != neighbour_id else _shown(column, value)
                for column, value in row.items()
            }
            found[table].setdefault(tuple(row.values()), shown)

    async def _rows(self, table: str, column: str, values: list[Any]) -> list[dict[str, Any]]:
        marks = ", ".join("?" * len(values))
        rows = await self._db.fetch_all(
            f"SELECT * FROM {identifier(table)} WHERE {identifier(column)} IN ({marks})", tuple(values)
        )
        return [dict(row) for row in rows]

    async def forget(self, neighbour_id: int) -> None:
        """Delete the neighbour: the schema's foreign keys take every row of theirs with them
        (ON DELETE CASCADE) and clear their id where someone else's row mentions them (SET NULL)."""
        await self._db.execute(f"DELETE FROM {identifier(PERSON_TABLE)} WHERE id = ?", (neighbour_id,))
        self._db.forget_caches()  # their row, and what hung off it, may be kept in memory too

    async def references(self) -> tuple[ForeignKey, ...]:
        """Every column that can hold a neighbour's id."""
        return (await self.schema()).referring_to(PERSON_TABLE)
