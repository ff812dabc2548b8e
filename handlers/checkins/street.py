"""A check-in follows its street's rules: the time zone it is said in and the quiet hours nothing
is sent in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.checkins import timing
from handlers.kernel.checkin_records import Checkin
from handlers.kernel.street_settings import StreetSettings, for_street
from handlers.kernel.turn import Services


@dataclass(frozen=True)
class Rules:
    settings: StreetSettings

    @property
    def zone(self) -> ZoneInfo:
        return self.settings.timezone

    def next_time(self, checkin: Checkin, after: datetime) -> datetime | None:
        return timing.next_time(checkin, self.settings, after)


async def rules_for(services: Services, street_id: int) -> Rules:
    return Rules(await for_street(services, street_id))
