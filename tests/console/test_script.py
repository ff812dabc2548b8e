from datetime import timedelta

import pytest

from bot.console.script import Blank, Control, Forward, Membership, Press, Say, parse_duration, parse_line


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("alice: /offer milk", Say("alice", "/offer milk", private=False)),
        ("Bob (private): /mine", Say("Bob", "/mine", private=True)),
        ("bob (dm): hello", Say("bob", "hello", private=True)),
        ("bob presses I can help", Press("bob", "I can help")),
        ("olga replies to #3: /remove", Say("olga", "/remove", private=False, reply_to="3")),
        ("olga reply to 12:/pause", Say("olga", "/pause", private=False, reply_to="12")),
        ("bob taps 2", Press("bob", "2")),
        ("carol joins", Membership("carol", joined=True)),
        ("carol leaves", Membership("carol", joined=False)),
        ("rosa forwards to sam", Forward("rosa", "sam")),
        ("Rosa forwards it to Sam", Forward("Rosa", "Sam")),
        (":wait 2h", Control("wait", "2h")),
        (":street Mill Road", Control("street", "Mill Road")),
        ("# a comment", Blank()),
        ("", Blank()),
        ("just words with no speaker", None),
        ("123: numbers are not names", None),
    ],
)
def test_parse_line(line: str, parsed: object) -> None:
    assert parse_line(line) == parsed


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("2h", timedelta(hours=2)),
        ("3 days", timedelta(days=3)),
        ("1d 4h", timedelta(days=1, hours=4)),
        ("90 minutes", timedelta(minutes=90)),
        ("1w", timedelta(weeks=1)),
        ("soon", None),
        ("", None),
        ("2h and then some", None),
    ],
)
def test_parse_duration(text: str, delta: timedelta | None) -> None:
    assert parse_duration(text) == delta
