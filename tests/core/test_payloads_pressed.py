"""Random and almost-right presses of every kind of button, on a busy street, through the core's
front door: one that doesn't read as its kind gets "that button has expired" and changes nothing in
the database; one that does gets an answer from its handler, never an apology for an error.

Derandomised and bounded, so the run is the same every time."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.clock import ManualClock
from handlers.app import Doorstep, build_router
from handlers.kernel import texts
from handlers.kernel.messages import SendResult, SendStatus
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from storage.schema import identifier, read_schema
from tests.fakes import HandPickedOrganisers, RecordingNotifier
from tests.kit import StreetKit
from tests.payload_values import ANY_TEXT, almost, payloads_of
from tests.privacy.street import FRAN, busy_street

ROUTER = build_router()
PRESSERS = ("rosa", "sam", "olga", FRAN)
PRESSES = settings(max_examples=300, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


class _BusyStreet:
    """One busy street for the whole run (valid presses change it as the examples go)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.folder = tempfile.TemporaryDirectory()
        store = self.run(SqliteStore.open(Path(self.folder.name) / "presses.sqlite3"))
        clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=timezone.utc))
        notifier = RecordingNotifier()
        core = Doorstep(store, notifier, clock, CoreSettings(), HandPickedOrganisers("olga"))
        self.kit = StreetKit(core, store, notifier, clock)
        self.run(busy_street(self.kit))
        for who in PRESSERS:  # whatever waited for them is delivered now, not at their first press
            self.run(self.kit.tell(who, "/start"))

    def run(self, work):  # type: ignore[no-untyped-def]
        return self.loop.run_until_complete(work)

    def rows(self) -> dict[str, list[tuple]]:
        async def every_row() -> dict[str, list[tuple]]:
            schema = await read_schema(self.kit.store.db)
            return {
                table: sorted(map(tuple, await self.kit.store.db.fetch_all(f"SELECT * FROM {identifier(table)}")))
                for table in schema.columns
            }
        return self.run(every_row())

    def close(self) -> None:
        self.run(self.kit.store.close())
        self.loop.close()
        self.folder.cleanup()


def _packed_or_none(value) -> str | None:  # type: ignore[no-untyped-def]
    try:
        return value.pack()
    except ValueError:
        return None


def test_every_kind_of_button_pressed_at_random() -> None:
    street = _BusyStreet()
    seen = {"refused": 0, "read": 0}
    try:
        @PRESSES
        @given(data=st.data(), who=st.sampled_from(PRESSERS), private=st.booleans())
        def press(data: st.DataObject, who: str, private: bool) -> None:
            kind = data.draw(st.sampled_from(ROUTER.action_kinds))
            packed = _packed_or_none(data.draw(payloads_of(kind))) or kind.code
            raw = data.draw(st.just(packed) | almost(packed) | ANY_TEXT)
            before = street.rows()
            sent = street.run(street.kit.press(who, raw, private=private))
            keys = [s.key for s in sent]
            assert texts.SOMETHING_WENT_WRONG not in keys, raw
            if ROUTER.find_action(raw) is None:
                seen["refused"] += 1
                assert keys == [texts.BUTTON_EXPIRED], raw
                assert street.rows() == before, f"{raw!r} changed the database"
            else:
                seen["read"] += 1

        press()
        assert seen["refused"] > 100 and seen["read"] > 50, seen
    finally:
        street.close()


def test_a_malformed_or_unknown_receipt_changes_nothing() -> None:
    street = _BusyStreet()
    try:
        @settings(max_examples=100, deadline=None, derandomize=True)
        @given(data=st.data())
        def receipt(data: st.DataObject) -> None:
            kind = data.draw(st.sampled_from(ROUTER.receipt_kinds))
            packed = _packed_or_none(data.draw(payloads_of(kind))) or kind.code
            raw = data.draw(almost(packed) | ANY_TEXT)
            if ROUTER.find_receipt(raw) is not None:
                return
            before = street.rows()
            street.run(street.kit.core._on_receipt(raw, SendResult(SendStatus.UNREACHABLE)))
            assert street.rows() == before, raw

        receipt()
    finally:
        street.close()
