"""A street's quiet hours: nothing the bot starts on its own reaches anyone between these local times."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from handlers.kernel.street_settings import StreetSettings


def quiet_until(settings: StreetSettings, now: datetime) -> datetime | None:
    """When the quiet hours end, if `now` falls inside them; None when it's fine to speak now."""
    start, end = settings.quiet_from, settings.quiet_until
    if start == end:
        return None
    local = now.astimezone(settings.timezone)
    moment = local.time().replace(tzinfo=None)
    inside = (start <= moment or moment < end) if start > end else (start <= moment < end)
    if not inside:
        return None
    end_day = local.date() if moment < end else local.date() + timedelta(days=1)
    return datetime.combine(end_day, end, tzinfo=settings.timezone).astimezone(timezone.utc)
