"""How posts and the answers to them change status, on the models alone (no storage): each change
named after what happened, closing stamping the time, and the changes a status doesn't allow refused."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Callable

import pytest

from handlers.kernel.domain import Post, PostKind, PostStatus, Response, ResponseStatus, When, WrongStatus

POSTED = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
LATER = POSTED + timedelta(days=2)


def post(status: PostStatus = PostStatus.OPEN) -> Post:
    return Post(1, 1, 1, PostKind.ASK, "shopping", When(), "milk please", False, status, POSTED, POSTED + timedelta(days=7))


def response(status: ResponseStatus = ResponseStatus.PENDING) -> Response:
    return Response(5, 1, 2, status, POSTED)


def test_sorted_then_handed_back_then_done() -> None:
    sorted_ = post().sorted(LATER)
    assert (sorted_.status, sorted_.closed_at) == (PostStatus.MATCHED, None)
    reopened = sorted_.reopened(LATER)
    assert (reopened.status, reopened.closed_at) == (PostStatus.OPEN, None)
    done = reopened.sorted(LATER).done(LATER + timedelta(hours=1))
    assert (done.status, done.closed_at) == (PostStatus.DONE, LATER + timedelta(hours=1))  # retention counts from it


def test_when_its_time_is_up_a_sorted_post_is_done_and_an_open_one_expires() -> None:
    assert (post().sorted(LATER).closed(LATER).status, post().closed(LATER).status) == (PostStatus.DONE, PostStatus.EXPIRED)
    assert post().closed(LATER).closed_at == LATER


def test_withdrawn_whether_open_or_sorted() -> None:
    for live in (post(), post(PostStatus.MATCHED)):
        withdrawn = live.withdrawn(LATER)
        assert (withdrawn.status, withdrawn.closed_at) == (PostStatus.WITHDRAWN, LATER)
    assert post().done(LATER).status is PostStatus.DONE  # done before anyone was chosen


@pytest.mark.parametrize(
    ("change", "allowed"),
    [
        (lambda p: p.sorted(LATER), {PostStatus.OPEN}),
        (lambda p: p.reopened(LATER), {PostStatus.OPEN, PostStatus.MATCHED}),
        (lambda p: p.done(LATER), {PostStatus.OPEN, PostStatus.MATCHED}),
        (lambda p: p.withdrawn(LATER), {PostStatus.OPEN, PostStatus.MATCHED}),
        (lambda p: p.closed(LATER), {PostStatus.OPEN, PostStatus.MATCHED}),
    ],
)
def test_a_closed_post_stays_closed(change: Callable[[Post], Post], allowed: set[PostStatus]) -> None:
    for status in PostStatus:
        if status in allowed:
            assert change(post(status)).id == 1
        else:
            with pytest.raises(WrongStatus, match=f"post 1 is {status.value}"):
                change(post(status))


def test_an_answer_is_confirmed_declined_withdrawn_or_handed_back() -> None:
    assert response().confirmed() == replace(response(), status=ResponseStatus.CONFIRMED)
    assert response().declined().status is ResponseStatus.DECLINED
    assert response().withdrawn().status is ResponseStatus.WITHDRAWN
    assert response().confirmed().withdrawn().status is ResponseStatus.WITHDRAWN  # the post was taken down
    assert response().confirmed().handed_back().status is ResponseStatus.HANDED_BACK


@pytest.mark.parametrize(
    ("change", "allowed"),
    [
        (lambda r: r.confirmed(), {ResponseStatus.PENDING}),
        (lambda r: r.declined(), {ResponseStatus.PENDING}),
        (lambda r: r.withdrawn(), {ResponseStatus.PENDING, ResponseStatus.CONFIRMED}),
        (lambda r: r.handed_back(), {ResponseStatus.CONFIRMED}),
    ],
)
def test_an_answer_changes_only_from_where_it_can(change: Callable[[Response], Response], allowed: set[ResponseStatus]) -> None:
    for status in ResponseStatus:
        if status in allowed:
            assert change(response(status)).id == 5
        else:
            with pytest.raises(WrongStatus, match=f"response 5 is {status.value}"):
                change(response(status))
