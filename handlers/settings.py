"""The rules of the street the core follows, as plain values (the composition root fills them in
from the operator's settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class CoreSettings:
    timezone: ZoneInfo = ZoneInfo("Europe/London")
    locale: str = "en"
    quiet_from: time = time(21, 0)  # the street's quiet hours, local time
    quiet_until: time = time(8, 0)
    ask_lifetime: timedelta = timedelta(days=7)
    offer_lifetime: timedelta = timedelta(days=30)
    keep_open_answer_window: timedelta = timedelta(hours=48)
    max_post_length: int = 500
    matches_told_at_once: int = 3
    board_size: int = 8
    # An invitation to offer something comes at most this often, and only after this many helps.
    give_back_every: timedelta = timedelta(days=30)
    give_back_after_helps: int = 2
    # How long things are kept (see docs/privacy.md).
    keep_closed_posts: timedelta = timedelta(days=30)
    keep_last_seen: timedelta = timedelta(days=90)
    keep_unfinished_flows: timedelta = timedelta(days=2)
    keep_waiting_messages: timedelta = timedelta(days=14)
    # Nearby matching (see docs/location.md): how far asks reach unless a street chose otherwise, when
    # the next few candidates hear of a post nobody has said yes to, when an unmet ask may be shown in
    # nearby streets, and how often one neighbour may be told about posts in a day.
    radius_m: int = 800
    next_round_after: timedelta = timedelta(hours=3)
    widen_after: timedelta = timedelta(hours=12)
    pings_per_day: int = 4
