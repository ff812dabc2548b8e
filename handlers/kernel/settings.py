"""The rules of the street the core follows, as plain values (the composition root fills them in
from the operator's settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from handlers.kernel.render import Translate, no_translation


@dataclass(frozen=True)
class CoreSettings:
    timezone: ZoneInfo = ZoneInfo("Europe/London")
    locale: str = "en"  # the default language of a street
    locales: tuple[str, ...] = ("en",)  # languages with a complete catalogue
    # The catalogues' lookup, so typed answers can be read against buttons as the person saw them.
    translate: Translate = no_translation
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
    # A neighbour nothing refers to any more is deleted once this old (someone just arrived keeps theirs).
    keep_unreferenced_neighbours: timedelta = timedelta(days=1)
    # Check-ins: the usual wait before someone is told of no answer (1, 3 or 6 hours are offered), how
    # late a check-in missed while the bot was down may still go out, and how long records are kept.
    checkin_escalate_after: timedelta = timedelta(hours=3)
    checkin_late_grace: timedelta = timedelta(hours=1)
    buddy_invite_lifetime: timedelta = timedelta(days=7)
    keep_checkin_occurrences: timedelta = timedelta(days=14)
    # Street organisers' tools.
    quiet_after: timedelta = timedelta(days=21)  # a neighbour counts as quiet after this long
    quiet_list_size: int = 10
    hello_every: timedelta = timedelta(days=14)  # a hello from the street at most this often
    unmet_after: timedelta = timedelta(hours=24)  # an ask nobody took is flagged to organisers
    digest_day: int = 0  # the weekly summary's usual day (Monday) and local time
    digest_time: time = time(9, 0)
    reminder_grace: timedelta = timedelta(hours=1)  # a reminder missed by longer is skipped
    max_reminders_per_street: int = 20
    keep_hellos: timedelta = timedelta(days=60)
    keep_weekly_counts: timedelta = timedelta(days=366)
    # Nearby matching (see docs/location.md): how far asks reach unless a street chose otherwise, when
    # the next few candidates hear of a post nobody has said yes to, when an unmet ask may be shown in
    # nearby streets, and how often one neighbour may be told about posts in a day.
    radius_m: int = 800
    next_round_after: timedelta = timedelta(hours=3)
    widen_after: timedelta = timedelta(hours=12)
    pings_per_day: int = 4
    # Gentle limits (handlers/kernel/limits.py): posts per person per street in an hour, private messages per
    # person in an hour (counted in memory), and whether the same words can be posted twice while up.
    posts_per_hour: int = 10
    private_messages_per_hour: int = 60
    refuse_duplicate_posts: bool = True
