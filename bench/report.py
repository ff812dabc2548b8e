"""Turning the suite's figures into one table (for the terminal) and docs/performance.md.

The prose about how each part measures, and how to read a missed goal, lives here: the document is
rewritten by every full run, so edit it here, not there."""

from __future__ import annotations

from typing import Any, Callable

Figures = dict[str, Any]


# --- numbers as words -------------------------------------------------------------------------------


def _number(value: float, digits: int) -> str:
    return f"{value:,.{digits}f}"


def _range(spread: dict, digits: int = 1, unit: str = "") -> str:
    """"131/s (97–140)": the median, then the lowest and highest of the runs."""
    if not spread or spread.get("median") is None:
        return "—"
    median = _number(spread["median"], digits) + unit
    if spread["runs"] == 1:
        return median
    return f"{median} ({_number(spread['min'], digits)}–{_number(spread['max'], digits)})"


def _verdict(met: bool | None) -> str:
    return "—" if met is None else ("yes" if met else "**no**")


# --- one row per benchmark ---------------------------------------------------------------------------


def _updates(f: Figures) -> Row:
    measured = (f"Doorstep {_range(f['doorstep_per_s'], 0, '/s')}, bare PTB echo {_range(f['echo_per_s'], 0, '/s')}: "
                f"Doorstep takes {_range(f['ratio'], 2, '×')} as long")
    return measured, f["ratio"]["runs"], f"within {f['goal_ratio']:g}× of the echo", f["met"]


def _fanout(f: Figures) -> Row:
    if f["over_floor"] is None:
        measured = f"only {f['sent']:,} of {f['checkins']:,} sent within the budget"
    else:
        measured = (f"{f['checkins']:,} check-ins in {_range(f['total'], 1, ' s')} against a floor of "
                    f"{f['floor_s']:,.1f} s: {f['over_floor']:+.1%}; {f['rate_limited_by_server']} × 429")
    return measured, 1, f"within {f['goal_over_floor']:.0%} of the floor, no 429", f["met"]


def _fanout_far(f: Figures) -> Row:
    far = f["far"]
    if far["over_floor"] is None:
        measured = f"only {far['sent']:,} of {far['checkins']:,} sent within the budget"
    else:
        measured = (f"{far['checkins']:,} check-ins in {_range(far['total'], 1, ' s')} against a floor of "
                    f"{far['floor_s']:,.1f} s: {far['over_floor']:+.1%}; {far['rate_limited_by_server']} × 429")
    met = far["over_floor"] is not None and far["over_floor"] <= f["goal_over_floor"] and not far["rate_limited_by_server"]
    return measured, 1, f"within {f['goal_over_floor']:.0%} of the floor, no 429", met


def _matching(f: Figures) -> Row:
    measured = (f"p99 {_range(f['p99_ms'], 2, ' ms')}, p50 {_range(f['p50_ms'], 2, ' ms')} among "
                f"{f['open_posts']:,} open posts; a full scan is {f['naive_over_indexed_p50']:g}× slower at p50")
    return measured, f["p99_ms"]["runs"], f"p99 under {f['goal_p99_ms']:g} ms", f["met"]


def _startup(f: Figures) -> Row:
    measured = (f"ready in {_range(f['ready'], 2, ' s')}, first answer {_range(f['answered'], 2, ' s')}, with "
                f"{f['checkins']:,} check-ins and {f['neighbours']:,} neighbours")
    return measured, f["ready"]["runs"], f"under {f['goal_ready_s']:g} s", f["met_ready"]


def _memory(f: Figures) -> Row:
    measured = f"peak RSS {_range(f['peak_rss'], 1, ' MiB')} once ready, with that database"
    return measured, f["peak_rss"]["runs"], f"under {f['goal_peak_mib']:g} MiB", f["met_memory"]


def _matrix(f: Figures) -> Row:
    measured = (f"Doorstep {_range(f['doorstep_per_s'], 0, '/s')}, bare nio reader {_range(f['bare_per_s'], 0, '/s')} "
                f"({f['messages']} commands, {f['rooms']} encrypted rooms): Doorstep takes {_range(f['ratio'], 1, '×')} as long")
    return measured, f["ratio"]["runs"], "no goal: reported", None


Row = tuple[str, int, str, bool | None]
ROWS: list[tuple[str, str, Callable[[Figures], Row]]] = [
    ("1. Incoming updates", "updates", _updates),
    ("2. Check-in fan-out", "fanout", _fanout),
    ("   … Bot API 50 ms away", "fanout", _fanout_far),
    ("3. Matching", "matching", _matching),
    ("4. Start-up", "startup", _startup),
    ("5. Memory", "startup", _memory),
    ("6. Matrix", "matrix", _matrix),
]


def rows(figures: dict[str, Figures]) -> list[tuple[str, str, str, str, str]]:
    """(benchmark, measured, runs, goal, met) for each benchmark that ran."""
    found = []
    for title, part, row in ROWS:
        if part not in figures:
            continue
        result = figures[part]
        if "failed" in result:
            found.append((title, f"failed: {result['failed']}", "", "", ""))
            continue
        measured, runs, goal, met = row(result)
        found.append((title, measured, str(runs), goal, _verdict(met)))
    return found


def _machine_line(run: dict) -> str:
    m = run["machine"]
    memory = f", {m['memory_gib']} GiB memory" if m.get("memory_gib") else ""
    return (f"{m['cpus']} CPU cores ({m['cpu']}){memory}, {m['system']}, Python {m['python']}, "
            f"SQLite {m['sqlite']}; one-minute load average {m['load_average_1min']} at the start and "
            f"{run['load_average_end']} at the end")


def render_table(figures: dict[str, Figures], run: dict) -> str:
    header = ("benchmark", "measured: median (lowest–highest)", "runs", "goal", "met")
    body = [tuple(cell.replace("**", "") for cell in row) for row in rows(figures)]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = [f"Doorstep benchmarks, {run['mode']} run, {run['machine']['date']}, {run['seconds']} s",
             _machine_line(run), ""]
    for row in [header, *body]:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return "\n".join(lines)


# --- the document ------------------------------------------------------------------------------------


def render_document(figures: dict[str, Figures], run: dict) -> str:
    parts = [
        INTRO,
        "## Latest figures\n",
        f"Full run of {run['machine']['date']}, {run['seconds']} s in all, on the development machine: "
        f"{_machine_line(run)}. The machine is shared with other developers' test runs, so the load average "
        "says how busy it was; each benchmark takes turns between Doorstep and its baseline so both see the "
        "same conditions.\n",
        "| benchmark | measured: median (lowest–highest) | runs | goal | met |\n| --- | --- | --- | --- | --- |\n"
        + "".join(f"| {t} | {m} | {n} | {g} | {v} |\n" for t, m, n, g, v in rows(figures)),
        "Each figure is the median of the runs, with the lowest and highest in brackets. The fan-out is one "
        "run: at Telegram's 30 messages a second, 10,000 check-ins take over five and a half minutes by "
        "themselves.\n",
        _misses(figures),
        _matrix_note(figures.get("matrix", {})),
        FINDINGS,
        HOW_MEASURED.format(**_parameters(figures)),
        REPRODUCE,
    ]
    return "\n".join(part for part in parts if part).rstrip() + "\n"


def _parameters(figures: dict[str, Figures]) -> dict[str, Any]:
    updates = figures.get("updates", {})
    mix = updates.get("mix", {})
    total = sum(mix.values()) or 1
    fanout = figures.get("fanout", {})
    matrix = figures.get("matrix", {})
    return {
        "updates": f"{updates.get('updates', 0):,}", "groups": updates.get("groups", 0),
        "members": updates.get("members_per_group", 0),
        "mix": ", ".join(f"{count / total:.0%} {kind}" for kind, count in sorted(mix.items(), key=lambda kv: -kv[1])),
        "checkins": f"{fanout.get('checkins', 0):,}", "slack_ms": round(fanout.get("pacer_slack_s", 0.05) * 1000),
        "sends_at_once": fanout.get("sends_at_once", 16), "far_checkins": f"{fanout.get('far', {}).get('checkins', 0):,}",
        "ceiling": fanout.get("pacer_ceiling_per_s", 28.57),
        "rooms": matrix.get("rooms", 0), "per_room": matrix.get("per_room", 0),
    }


def _misses(figures: dict[str, Figures]) -> str:
    sections = []
    explain = {"updates": _updates_miss, "fanout": _fanout_miss, "matching": _matching_miss}
    for part, write in explain.items():
        result = figures.get(part)
        if result and "failed" not in result and not result.get("met", True):
            sections.append(write(result))
    startup = figures.get("startup")
    if startup and "failed" not in startup:
        if not startup["met_ready"]:
            sections.append(_startup_miss(startup))
        if not startup["met_memory"]:
            sections.append(
                f"### Memory: {startup['peak_rss']['median']:.0f} MiB against {startup['goal_peak_mib']:g} MiB\n\n"
                f"{startup['peak_rss']['median'] / startup['goal_peak_mib'] - 1:.0%} over the goal, measured as "
                "the process's highest resident memory (VmHWM) once it was ready.\n")
    if not sections:
        return "## Where a goal is missed\n\nEvery goal was met in this run.\n"
    return "## Where a goal is missed\n\n" + "\n".join(sections)


def _matrix_note(f: Figures) -> str:
    if not f or "failed" in f:
        return ""
    text = ("## Matrix: where the time goes\n\nThe bare reader only syncs and decrypts; Doorstep also runs a turn "
            "for each command and sends its answer, encrypted, which Synapse must accept and store before the "
            "next step. ")
    if f.get("doorstep_cpu_s") is not None:
        text += (f"Over its runs Doorstep's process used {f['doorstep_cpu_s']} s of CPU in "
                 f"{f['doorstep_wall_s']} s of reading: the rest of the time it was waiting for the homeserver, "
                 "which shares the same two cores. ")
    text += (f"Every answer it sent was readable by the other member of the room "
             f"({f.get('answers_read_by_bare_reader', 0)} read, {f.get('answers_unreadable_by_bare_reader', 0)} "
             "that could not be decrypted).\n")
    return text


def _profile_table(profile: dict, areas: int = 8, functions: int = 8) -> str:
    if not profile:
        return ""
    lines = [
        f"Profile of one more run under cProfile (main thread; {profile['wall_s']} s wall, "
        f"{profile['main_thread_s']} s CPU in the main thread and {profile['other_threads_s']} s in the others, "
        "which cProfile cannot see — SQLite's own work runs in aiosqlite's thread). Own time by package:\n",
        "| where | own time | share |\n| --- | --- | --- |",
    ]
    lines += [f"| {a['area']} | {a['own_s']:.2f} s | {a['share']:.0%} |" for a in profile["areas"][:areas]]
    lines += ["", "The functions with the most own time:\n", "| function | calls | own | cumulative |",
              "| --- | --- | --- | --- |"]
    lines += [f"| `{f['function']}` | {f['calls']:,} | {f['own_s']:.3f} s | {f['cumulative_s']:.3f} s |"
              for f in profile["functions"][:functions]]
    return "\n".join(lines) + "\n"


METHODS = {"sendmessage": "sendMessage", "answercallbackquery": "answerCallbackQuery",
           "editmessagetext": "editMessageText", "getchat": "getChat", "getchatmember": "getChatMember",
           "getchatadministrators": "getChatAdministrators", "setmycommands": "setMyCommands", "getme": "getMe",
           "deletewebhook": "deleteWebhook", "editmessagereplymarkup": "editMessageReplyMarkup"}


def _calls(calls: dict[str, float]) -> str:
    """"1.81 Bot API calls (1.01 sendMessage, …)"."""
    total = sum(calls.values())
    named = ", ".join(f"{value:g} {METHODS.get(method, method)}"
                      for method, value in sorted(calls.items(), key=lambda kv: -kv[1]))
    return f"{total:.2f} Bot API calls ({named})"


def _updates_miss(f: Figures) -> str:
    ratio = f["ratio"]["median"]
    calls = f.get("calls_per_update", {})
    text = [
        f"### Incoming updates: {ratio:.2f}× the echo's time against {f['goal_ratio']:g}×\n\n",
        f"Doorstep takes {ratio / f['goal_ratio'] - 1:.0%} longer than the goal allows: it handled "
        f"{f['doorstep_per_s']['median']:.0f} updates a second to the bare echo's {f['echo_per_s']['median']:.0f}.",
    ]
    if calls:
        text.append(f" Per update it made {_calls(calls.get('doorstep', {}))}, the echo "
                    f"{_calls(calls.get('echo', {}))}: a turn's answer can be a few messages (a new ask's card and "
                    "private notes to the neighbours whose offers fit it), the first offer of help changes the "
                    "ask's card, and names for mentions are looked up.")
    database = f.get("database")
    if database:
        text.append(
            f"\n\nWhat sets the pace is the database queue. Everything goes through one SQLite connection, one "
            f"task at a time, and it was busy {database['busy_share']['median']:.0%} of each run: "
            f"{database['uses_per_update']['median']:.1f} times an update (the turn's transaction, in which "
            "each message's recipient and language are prepared too, then the receipts of what was sent: a "
            f"card's place, someone now reachable), {database['ms_per_use']['median']:.1f} ms each. That is mostly "
            "not SQLite's own work")
        if f.get("profile"):
            text.append(f" (its thread used {f['profile']['other_threads_s']} s of CPU in the whole profiled run)")
        text.append(
            " but the hand-offs to its thread and back, and waiting for the event loop to come round to the "
            "task holding the connection while other updates' work runs; every other turn waits meanwhile.")
    profile = f.get("profile", {})
    phases = profile.get("phases", {})
    if phases:
        total = profile["main_thread_profiled_s"]
        rest = max(total - phases["sending"] - phases["turns"], 0.0)
        text.append(
            f"\n\nWhere the main thread's time goes, in a profiled run of {total:.2f} s: sending what the turns "
            f"decided {phases['sending']:.2f} s ({phases['sending'] / total:.0%}) — names for mentions, each "
            "message's text rendered, then python-telegram-bot and its HTTP client; the "
            f"turns themselves, the core's rules and their SQL, {phases['turns']:.2f} s "
            f"({phases['turns'] / total:.0%}); the rest, {rest:.2f} s ({rest / total:.0%}), fetching and reading "
            "the updates, answering button presses and the event loop, including its waits. The core's own "
            "work is the smaller part.")
    text.append(
        "\n\nThe echo is the floor of the Telegram plumbing's cost, not a bot. A turn already makes few "
        "statements (showing the board, two reads; a new ask, about a dozen), and streets, their settings "
        "and the neighbours met lately are kept in memory; what is left of each hold is mostly its trips to "
        "SQLite's thread, each waiting for the busy event loop to come round. Closing the rest of the gap "
        "would take fewer trips per turn (several statements in one, which aiosqlite doesn't offer) and "
        "cheaper calls (e.g. not turning every answer from Telegram into python-telegram-bot objects) — "
        "changes across the storage and the adapter, not one hot spot. The profile:\n")
    return "".join(text) + "\n" + _profile_table(profile)


def _fanout_miss(f: Figures) -> str:
    if f["over_floor"] is None:
        return (f"### Check-in fan-out: not finished\n\nOnly {f['sent']:,} of {f['checkins']:,} hellos went out "
                "within the part's time budget.\n")
    ceiling = f["pacer_ceiling_per_s"]
    slack_ms = round(f["pacer_slack_s"] * 1000)
    cpu = f.get("cpu", {})
    per_second = f.get("per_second", {})
    text = (
        f"### Check-in fan-out: {f['over_floor']:.1%} over the floor against {f['goal_over_floor']:.0%}\n\n"
        f"{f['checkins']:,} check-ins took {f['total_s']:,.1f} s against the floor of {f['floor_s']:,.1f} s "
        f"(count ÷ 30 a second), with {f['rate_limited_by_server']} 429s. What dominates is the adapter's own "
        f"pacer, by design: a message holds its place in the overall window from leaving until a full period "
        f"plus `Limits.slack` ({slack_ms} ms) after Telegram's answer, so that however the network delays it, no "
        f"second Telegram sees ever holds more than 30. That lets at most 30 messages leave per "
        f"{1 + f['pacer_slack_s']:.2f} s — {ceiling:g} a second, {30 / ceiling - 1:.1%} above the floor before "
        "anything else — and each window also holds its messages' round trips. ")
    if per_second:
        text += (f"The flow stayed at the pacer's ceiling: a median of {per_second['median']} messages each second "
                 f"(lowest {per_second['min']}, highest {per_second['max']}). ")
    if cpu:
        text += (f"The bot was mostly waiting for slots, not working: its main thread used {cpu['main_thread_s']} s "
                 f"of CPU in those {f['total_s']:,.0f} s, SQLite's thread {cpu['other_threads_s']} s. ")
    text += (f"The longest pause between two sends was {f['longest_gap_s']} s, while the next batch of check-ins "
             "was prepared; the window refills meanwhile, so such pauses cost almost nothing. The core sends "
             f"up to {f['sends_at_once']} messages side by side, so neither the round trips nor the work around "
             "each message hold the flow back. A smaller safety margin would come closer to the floor, at the "
             "risk of more 429s from the real Telegram, which counts in its own, unpublished way (every one is "
             "waited out; nothing is lost either way).\n")
    far = f.get("far", {})
    if far.get("over_floor") is not None:
        text += (f"\nWith the Bot API {far['latency_ms']:g} ms away, {far['checkins']:,} check-ins took "
                 f"{far['total_s']:,.1f} s ({far['over_floor']:+.1%}, {far['rate_limited_by_server']} 429s); there "
                 "each message also holds its place in the window for its round trip. (A short run gains a "
                 "little from the first second, when 30 may leave at once.)\n")
    return text + "\n" + _profile_table(f.get("profile", {}))


def _matching_miss(f: Figures) -> str:
    return (
        f"### Matching: p99 {f['p99_ms']['median']:.2f} ms against {f['goal_p99_ms']:g} ms\n\n"
        f"The search's own CPU cost per ask had a p99 of {f['cpu_p99_ms']['median']:.2f} ms (median of the "
        f"passes); the wall-clock tail above that is time spent waiting for a core between hand-offs to "
        f"SQLite's thread, and it moves with the other work on the machine (load average "
        f"{f['machine']['load_average_1min']} when the part ended) rather than with the data.\n")


def _startup_miss(f: Figures) -> str:
    return (
        f"### Start-up: ready in {f['ready']['median']:.2f} s against {f['goal_ready_s']:g} s\n\n"
        f"Importing what `doorstep run` needs takes {f['import_s']} s by itself in a fresh interpreter; "
        f"connecting to the Bot API took it to {f['connected']['median']:.2f} s.\n\n" + _profile_table(f.get("profile", {})))


FINDINGS = """## What the benchmarks found

- **A missing `sniffio` cost every Bot API call about a millisecond.** httpcore (under
  python-telegram-bot) imports `sniffio` on every request to tell asyncio from trio; without it installed,
  each attempt is a failed import that searches every folder on the path. The echo bot went from about 300
  to about 430 updates a second once it was a dependency, and Doorstep gained as much per call.
- **Cards were edited when nothing on them changed.** Every "I can help" or "Yes please" refreshed the
  post's card, though after the first offer on an ask (and always on an offer) it looked the same:
  Telegram answered "message is not modified", and counted the call against the group's 20 messages a
  minute. The card is now edited only when its "someone has offered" line comes or goes.
- **Check-ins went out one at a time.** The core sent each turn's (or each batch of due work's)
  messages one after another, each waiting for the platform's answer: for a check-in, a name look-up
  and then the message. Against the local fake Bot API that hardly shows, but with a Bot API 50 ms away
  (a plausible round trip to Telegram's servers) 300 check-ins took 33.7 s instead of the floor's
  10 s — 9 a second, so 10,000 would have taken over 18 minutes instead of under 6. The core now sends
  messages to different chats side by side, up to 16 at a time under `doorstep run` (each chat keeps its
  order; the Telegram pacer keeps within the limits): the same 300 took 10.7 s.
- **A fan-out's next batch waited for the heartbeat.** Due work runs in batches (500 check-ins at a
  time); a run that leaves more due at once arms the scheduler's job for now, from inside that job.
  APScheduler skipped it as "already running", so every other batch waited for the once-a-minute
  heartbeat: in the first full run only 8,000 of 10,000 check-ins went out within the budget, with
  pauses of up to 25 s. The job may now have a second instance, which waits for the first.
- **A read on its own was wrapped in a transaction.** Each such read (a street's settings, looked up
  for every message to a street) made three trips to SQLite's thread — `BEGIN`, the query, `COMMIT` —
  while holding the one connection. It now makes one, still waiting its turn for the connection: about
  5 % more updates a second.
- **Every update read (and tried to insert) its neighbour, and wrote down when they were last seen.**
  Who someone is was looked up twice (an `INSERT … ON CONFLICT DO NOTHING`, then a `SELECT`) on every
  update, and a turn could write "last seen" in the street twice; each write took two trips to SQLite's
  thread (the statement, then closing its cursor), a write on its own two more (`BEGIN`, `COMMIT`), and
  a turn that only reads (the board, help) began and ended a transaction all the same.
  The neighbours met lately are now kept in memory (a lock file makes sure no other Doorstep writes to
  the database meanwhile), "last seen" is written at most every ten minutes (it matters by the day),
  a write is one trip, and a transaction begins in SQLite at its first write: from 207 to about 255
  updates a second.
- **A transaction cancelled while it began could leave the database unusable.** When a task was
  cancelled while its `BEGIN` was on its way to aiosqlite's thread (the fan-out benchmark met it when the
  scheduler stopped during due work), the `BEGIN` still ran, and the shared connection stayed inside a
  transaction nobody owned: every later one failed. It is now rolled back.
"""

INTRO = """# Performance

Performance is measured by the benchmarks in `bench/`, never asserted in timed tests. `make bench` runs
the whole suite, prints one table and rewrites this file (its prose lives in `bench/report.py`; edit it
there). Every benchmark runs against real SQLite files and local servers speaking the real protocols, on
127.0.0.1 only — the tests' fake Bot API, a throwaway Synapse — and every loop in it is bounded by a
count and a time budget.
"""

HOW_MEASURED = """## How each is measured

### 1. Incoming updates

{updates} synthetic Telegram updates — {mix} — from {groups} street groups of {members}
neighbours go through the real python-telegram-bot `Application` (long polling, 64 updates in flight),
the Telegram adapter, the core (sending side by side, as under `doorstep run`) and a real SQLite file
(WAL). The baseline, in the same run and on the same updates, is a
bare PTB `Application` built the same way whose only handler echoes: it sends a message's text back to its
chat and answers a button press with its data. The updates come from the tests' fake Bot API
(`tests/telegram/fake_bot_api.py`), run in a process of its own (`bench/telegram_server.py`) so that
serving Telegram's side costs the bots nothing, with its flood limits off (pacing is the fan-out's
subject). Before the runs, the street gets two offers and two asks per group, so there are cards to press
and boards to show; every Doorstep run starts from a copy of that database, and the updates are made
afresh from the same list each time (new message and button-press ids, as Telegram's would be). A run's
clock starts when the updates are queued and stops when the last has been handled — for Doorstep, when
its turn's messages have gone out and the press was answered. Doorstep and the echo take turns.

### 2. Check-in fan-out

{checkins} check-ins are in the database, all due this minute (in a time zone where it is midday, so quiet
hours hold none back), for neighbours who have opened a private chat with the bot. It runs the way
production does: `bot.scheduler.DueScheduler` on the shared APScheduler asks the core for due work
(`Doorstep.run_due`, batches of 500), and the hellos go out through the real Telegram adapter with its
default pacing and retries to the fake Bot API with Telegram's flood limits on (30 messages a second
overall, 20 a minute per group, one a second per private chat; 429 with `retry_after` beyond them). The
clock starts when the due work starts and stops when the last hello has been sent; afterwards every send
receipt must be recorded (the occurrence "waiting" for an answer). The floor is the count divided by 30
a second. The adapter's pacer leaves {slack_ms} ms of slack on every one-second window, which caps it at
{ceiling} messages a second. The core sends up to {sends_at_once} messages side by side, as under
`doorstep run`. Being on the same machine, the fake server answers at once; the real Telegram is a round
trip away, and a hello waits for two (a name look-up, then the message), so a second run of
{far_checkins} check-ins has the fake server answer every call 50 ms late.

### 3. Matching nearby

`bench/matching.py` times the core's own `handlers.candidates.helpers_for` — every query and the
ranking, inside an open transaction as a neighbour's turn runs it — with **100,000 open posts across
10,000 streets**, against the same call with the cell lookup replaced by a naive full scan of the
category's open offers (on the first 200 asks). Both must find the same candidates. The data: 10,000
streets spread evenly over a 40 km square around central London, each with an area; five neighbours per
street, 30% of them with a rough location of their own; 100,000 open posts (55% offers) over eight
categories and a mix of "when"s, 40% of them stating a capacity; 100,000 past suggestions for the
fairness lookups. Real migrations, WAL, no `ANALYZE`, through aiosqlite as the bot runs. 1,000 random
asks are timed after a warm-up of 20, in three passes; each pass gives a p50 and a p99.

What makes it fast, and what was tried:

- **Cells, not distances, in SQL.** The cells within the radius (35 at 800 m) are worked out in Python
  once per place (`handlers.geo.cells_within`, cached) and looked up through indexes:
  `neighbour_cells(cell)` → `posts(author_id, status)`, and `street_areas(cell)` →
  `posts(street_id, status, kind, category)`, plus the ask's own street. `CROSS JOIN` pins the join
  order so SQLite starts from the cells, never from every street of the platform.
- **Few round trips.** Every aiosqlite call is a hand-off to its thread, which costs more than the
  queries themselves. The search makes four reads, plus one when a candidate's offer states a capacity;
  `Database.fetch_all` uses `execute_fetchall`, one hand-off per read instead of three.
- **Tried, not adopted:** a 32 MB page cache (`PRAGMA cache_size`) or memory-mapped reads
  (`PRAGMA mmap_size`) cut CPU per search by 15–20% at full size: a database-wide choice, left to the
  storage settings.

### 4. Start-up and 5. memory

A fresh `doorstep run` process (the installed console script, settings from the environment) is started
against the fake Bot API with **10,000 check-in plans and 100,000 neighbours** (in 2,000 streets) in its
database, the check-ins falling due over the next day as a restart usually finds them. "Ready" is its log
line `doorstep running`, after it has opened and checked the database, connected to Telegram, set its
command menus, started the scheduler and done a start's due work (run what is due, arm the next). "First
answer" is when the fake Bot API received its answer to a `/help` that was waiting in a group. Half a
second later its peak resident memory (`VmHWM` in `/proc`) is read, then it is stopped with SIGTERM.
Every run starts from a copy of the same database. The scheduler is a cache of what is due: it holds one
armed job (plus a heartbeat), not one per check-in, and the database holds the rest.

### 6. Matrix

A local Synapse (the one the tests use, installed by `make synapse`, started with the tests' helper
`tests/matrix/synapse.py`) with {rooms} street rooms, encrypted as Element makes them, each holding the
bot, a bare reader and a neighbour who talks. For each run, while both readers are away, the neighbours
send {per_room} commands per room (`!board` and `!help`, fewer than the sync filter's timeline limit of 50);
then each reader comes back and is timed until it has dealt with all of them. The bare reader is a plain
matrix-nio client with its own device and encryption store that only syncs and decrypts. Doorstep is a
fresh `MatrixAdapter` on the same device and stores (as after a restart) and the core: it is done when
every command's turn has run and its answer — an encrypted message, which Synapse must accept — has been
sent. There is no goal: the figure says how fast a street's backlog is answered and what that costs
against merely reading it.
"""

REPRODUCE = """## How to reproduce

```sh
make bench                                # everything (under 10 minutes on two cores); rewrites this file
make bench-quick                          # or: make bench BENCH_ARGS=--quick — under 2 minutes, prints the table only
.venv/bin/python -m bench --only updates --profile   # one part, with a profile even if its goal is met
.venv/bin/python -m bench.matching --quick          # a part on its own, its figures as JSON with --json FILE
```

`make bench` sets up the virtualenv and Synapse (`make synapse`) as `make test` does. The quick run uses
1,000 check-ins for the fan-out, 1,000 streets and 10,000 posts for matching, 300 updates, and fewer
Matrix rooms; start-up uses the full-size database in both. A part that fails, or overruns its time
limit, is named with its log, and nothing is written.
"""
