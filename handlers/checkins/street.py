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

    def out_of_quiet(self, moment: datetime) -> datetime:
        return timing.outside_quiet(moment, self.zone, self.settings.quiet_from, self.settings.quiet_until)

    def quiet_at(self, moment: datetime) -> bool:
        return self.out_of_quiet(moment) > moment

    def next_time(self, checkin: Checkin, after: datetime) -> datetime | None:
        quiet = (self.settings.quiet_from, self.settings.quiet_until)
        return timing.next_time(checkin, self.zone, quiet, after)


async def rules_for(services: Services, street_id: int) -> Rules:
    return Rules(await for_street(services, street_id))
