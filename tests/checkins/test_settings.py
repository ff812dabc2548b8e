"""The check-in settings: read from the environment, checked, and handed to the core."""

from datetime import timedelta

import pytest

from bot.composition import core_settings
from bot.i18n import Catalogues
from config import ConfigurationError, load_settings

pytestmark = pytest.mark.usefixtures("clean_environment")


def test_defaults() -> None:
    core = core_settings(load_settings(), Catalogues({}))
    assert core.checkin_escalate_after == timedelta(hours=3)
    assert core.checkin_late_grace == timedelta(hours=1)


def test_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOORSTEP_CHECKINS__ESCALATE_AFTER", "6")
    monkeypatch.setenv("DOORSTEP_CHECKINS__LATE_GRACE_MINUTES", "30")
    core = core_settings(load_settings(), Catalogues({}))
    assert core.checkin_escalate_after == timedelta(hours=6)
    assert core.checkin_late_grace == timedelta(minutes=30)


@pytest.mark.parametrize(("key", "value"), [
    ("DOORSTEP_CHECKINS__ESCALATE_AFTER", "0"), ("DOORSTEP_CHECKINS__ESCALATE_AFTER", "3h"),
    ("DOORSTEP_CHECKINS__ESCALATE_AFTER", "48"), ("DOORSTEP_CHECKINS__LATE_GRACE_MINUTES", "-5"),
])
def test_bad_values_name_the_key(monkeypatch: pytest.MonkeyPatch, key: str, value: str) -> None:
    monkeypatch.setenv(key, value)
    with pytest.raises(ConfigurationError, match=key):
        load_settings()
