"""/mydata: everything Doorstep keeps about the person asking, as a few readable lines and, in full,
as a JSON file. What is theirs is found from the database's own references (the store's
`personal_data`), so a table added later shows up here without anyone remembering to add it."""

from __future__ import annotations

import json

from handlers.kernel.domain import PersonalData
from handlers.kernel.languages import OWN_NAMES
from handlers.kernel.messages import Attachment, Msg, Outgoing, ToPerson, lines, msg
from handlers.kernel.turn import Turn
from handlers.privacy import texts

FILENAME = "doorstep-my-data.json"
PLATFORM_NAMES = {"telegram": "Telegram", "matrix": "Matrix", "console": "console"}

# One line per kind of record, by the column that names them ("table.column"); a reference not listed
# here still gets a line (MY_DATA_OTHER), so nothing is ever left out of the summary.
LINES = {
    "street_members.neighbour_id": texts.MY_DATA_STREETS,
    "posts.author_id": texts.MY_DATA_POSTS,
    "responses.neighbour_id": texts.MY_DATA_ANSWERS,
    "suggestions.neighbour_id": texts.MY_DATA_TOLD,
    "conversations.neighbour_id": texts.MY_DATA_FLOWS,
    "questions.neighbour_id": texts.MY_DATA_QUESTIONS,
    "held_messages.neighbour_id": texts.MY_DATA_WAITING,
    "checkins.neighbour_id": texts.MY_DATA_CHECKIN,
    "checkins.buddy_id": texts.MY_DATA_BUDDY,
    "hellos.neighbour_id": texts.MY_DATA_HELLOS,
    "digest_subscriptions.neighbour_id": texts.MY_DATA_SUMMARIES,
    "neighbour_cells.neighbour_id": texts.MY_DATA_AREA,
    "relays.author_id": texts.MY_DATA_CHATS,
    "relays.responder_id": texts.MY_DATA_CHATS,
    "recurrences.keeper_id": texts.MY_DATA_KEEPER,
}


async def my_data(turn: Turn, text: str) -> None:
    data = await turn.store.personal_data.export(turn.neighbour.id)
    summary = lines(msg(texts.MY_DATA_HEAD), *summary_lines(turn, data), msg(texts.MY_DATA_FOOT))
    file = Attachment(FILENAME, "application/json", as_json(turn, data))
    turn.effects.add(Outgoing(ToPerson(turn.person), summary, attachment=file))


def summary_lines(turn: Turn, data: PersonalData) -> list[Msg]:
    neighbour = turn.neighbour
    platform = PLATFORM_NAMES.get(neighbour.platform, neighbour.platform)
    found = [msg(texts.MY_DATA_ID, platform=platform, user_id=neighbour.user_id)]
    if neighbour.language:
        found.append(msg(texts.MY_DATA_LANGUAGE, language=OWN_NAMES.get(neighbour.language, neighbour.language)))
    counts: dict[str, int] = {}
    for reference, count in sorted(data.direct.items()):
        key = LINES.get(reference, reference)
        counts[key] = counts.get(key, 0) + count
    days = turn.settings.keep_closed_posts.days
    for key, count in counts.items():
        if key in LINES.values():
            found.append(msg(key, count=count, days=days))
        else:
            found.append(msg(texts.MY_DATA_OTHER, what=key, count=count))
    return found


def as_json(turn: Turn, data: PersonalData) -> bytes:
    document = {
        "about": (
            "Everything Doorstep keeps about you, table by table. Times are UTC. Other neighbours' ids are "
            "left out (null). Why each part is kept, and for how long: docs/privacy.md, or /privacy."
        ),
        "exported_at": turn.now.isoformat(),
        "platform": turn.neighbour.platform,
        "user_id": turn.neighbour.user_id,
        "tables": data.rows,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str).encode("utf-8")


async def privacy(turn: Turn, text: str) -> None:
    """/privacy: the short notice (docs/privacy.md has every table and column), with this bot's own
    retention periods."""
    keep = turn.settings
    turn.reply(
        texts.PRIVACY_SHORT, post_days=keep.keep_closed_posts.days, seen_days=keep.keep_last_seen.days,
        checkin_days=keep.keep_checkin_occurrences.days,
    )
