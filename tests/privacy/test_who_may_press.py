"""Every button checks who may press it, and which street it belongs to. Eve, who organises another
street, presses every button the bot has shown anyone on Elm Street — and forged ones for every
action there is — in private and in her own group: nothing of anyone else's changes (apart from the
buttons anyone may press), and she always gets a kind word, never an error."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.clock import ManualClock
from handlers.app import Doorstep, build_router
from handlers.kernel.messages import Outgoing, SendResult, ToPresser
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from storage.schema import identifier, read_schema
from tests.fakes import HandPickedOrganisers, RecordingNotifier, Sent
from tests.kit import StreetKit
from tests.privacy.street import busy_street

EVE = "eve-666"
MILL_ROAD = "group-2"
# Buttons anyone may press, by design: answering a post ("I can help", "Yes please"), and opening a
# buddy invitation whose code was forwarded to them.
ANYONE_MAY = {"h", "t", "bi"}


@dataclass
class Remembering(RecordingNotifier):
    """Keeps every message ever sent (the kit forgets them turn by turn)."""

    history: list[Sent] = field(default_factory=list)

    async def send(self, outgoing: Outgoing) -> SendResult:
        result = await super().send(outgoing)
        if result.sent and self.sent and self.sent[-1].outgoing is outgoing:
            self.history.append(self.sent[-1])
        return result


@pytest.fixture
def notifier() -> Remembering:
    return Remembering()


@pytest.fixture
def street(store: SqliteStore, notifier: Remembering, clock: ManualClock, core_settings: CoreSettings) -> StreetKit:
    organisers = HandPickedOrganisers(by_street={"group-1": {"olga"}, MILL_ROAD: {EVE}})
    kit = StreetKit(Doorstep(store, notifier, clock, core_settings, organisers), store, notifier, clock)
    kit.titles[MILL_ROAD] = "Mill Road"
    return kit


async def _everyone_elses(store: SqliteStore, eve_id: int) -> dict[str, list[tuple]]:
    """Every row of every table, leaving out Eve's own (rows that refer to her, her own row, and the
    street codes of Mill Road, which she organises: hers to renew)."""
    schema = await read_schema(store.db)
    people = {(key.table, key.column) for key in schema.referring_to("neighbours")}
    her_street = await store.db.fetch_value("SELECT id FROM streets WHERE chat_id = ?", (MILL_ROAD,))
    found = {}
    for table, columns in schema.columns.items():
        hers = [column.name for column in columns if (table, column.name) in people]
        if table == "neighbours":
            hers = ["id"]
        if table == "street_codes":
            hers = ["street_id"]
        where = " AND ".join(f"{identifier(name)} IS NOT ?" for name in hers) or "1 = 1"
        ids = [her_street if table == "street_codes" else eve_id] * len(hers)
        rows = await store.db.fetch_all(f"SELECT * FROM {identifier(table)} WHERE {where}", ids)
        found[table] = sorted(tuple(row) for row in rows)
    return found


def _payloads_shown(street: StreetKit) -> list[str]:
    history = street.notifier.history  # type: ignore[attr-defined]
    return sorted({c.payload for s in history for c in s.choices if not c.opens_private})


def _forged(codes: list[str], ids: list[int]) -> dict[str, list[str]]:
    """For every action: payloads with ids of real records (and a few odd shapes)."""
    return {
        code: [f"{code}:{number}" for number in ids] + [f"{code}:{ids[0]}:{ids[-1]}", f"{code}:{ids[0]}:y", f"{code}:1:1:x"]
        for code in codes
    }


async def test_eve_changes_nothing_of_anyone_elses(street: StreetKit) -> None:
    await busy_street(street)
    await street.say(EVE, "/board", chat=MILL_ROAD)
    eve = await street.store.neighbours.find("test", EVE)
    assert eve is not None
    shown = _payloads_shown(street)
    assert len(shown) > 20
    by_code: dict[str, list[str]] = _forged(build_router().action_codes, [1, 2, 4, eve.id - 1])  # every action there is
    for payload in shown:
        by_code.setdefault(payload.split(":")[0], []).append(payload)
    pressed = 0
    for code, payloads in sorted(by_code.items()):
        before = await _everyone_elses(street.store, eve.id)
        for payload in payloads:
            if payload.startswith(f"fg:{eve.id}"):
                continue  # her own "forget me": hers to press (tests/privacy/test_forget_me.py)
            for private in (True, False):
                sent = await street.press(EVE, payload, private=private, chat=MILL_ROAD)
                pressed += 1
                assert not [s.text for s in sent if "went wrong" in s.text], payload
                assert code in ANYONE_MAY or sent, f"{payload}: not a word back"
        if code not in ANYONE_MAY:
            assert await _everyone_elses(street.store, eve.id) == before, f"a {code}: button changed someone else's things"
    assert pressed > 500


async def test_her_answers_to_forged_buttons_go_to_her_alone(street: StreetKit) -> None:
    await busy_street(street)
    for payload in _payloads_shown(street):
        if payload.split(":")[0] in ANYONE_MAY:
            continue
        sent = await street.press(EVE, payload)
        others = [s for s in sent if not (isinstance(s.outgoing.to, ToPresser) or s.outgoing.to.person.user_id == EVE)]  # type: ignore[union-attr]
        assert others == [], (payload, [s.text for s in others])
