import re
from pathlib import Path

import pytest

from config import ConfigurationError, Settings, load_settings
from config.inspect import describe_settings
from config.keys import all_keys

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.usefixtures("clean_environment")


def test_defaults_need_no_configuration() -> None:
    settings = load_settings()
    assert settings.timezone == "Europe/London"
    assert settings.platforms == []
    assert settings.telegram.base_url == "https://api.telegram.org/bot"


def test_nested_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOORSTEP_TELEGRAM__TOKEN", "123:abc")
    monkeypatch.setenv("DOORSTEP_TELEGRAM__BASE_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("DOORSTEP_DATABASE__PATH", "/tmp/x.sqlite3")
    settings = load_settings()
    assert settings.telegram.token is not None and settings.telegram.token.get_secret_value() == "123:abc"
    assert settings.telegram.base_url == "http://127.0.0.1:8081/bot"
    assert str(settings.database.path) == "/tmp/x.sqlite3"
    assert settings.platforms == ["telegram"]


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DOORSTEP_TIMEZONE=Europe/Warsaw\nOTHER_APP_SETTING=1\n")
    assert load_settings().timezone == "Europe/Warsaw"


def test_a_typo_in_dotenv_is_caught_with_a_suggestion(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DOORSTEP_TELEGRAM_TOKEN=123:abc\n")
    with pytest.raises(ConfigurationError, match="did you mean DOORSTEP_TELEGRAM__TOKEN"):
        load_settings()


@pytest.mark.parametrize(
    ("key", "value", "named"),
    [
        ("DOORSTEP_TIMEZONE", "Mars/Olympus", "DOORSTEP_TIMEZONE"),
        ("DOORSTEP_TELEGRAM__BASE_URL", "api.telegram.org", "DOORSTEP_TELEGRAM__BASE_URL"),
        ("DOORSTEP_MATRIX__HOMESERVER", "https://matrix.example.org", "DOORSTEP_MATRIX"),
        ("DOORSTEP_POSTS__ASK_EXPIRY_DAYS", "0", "DOORSTEP_POSTS__ASK_EXPIRY_DAYS"),
        ("DOORSTEP_POSTS__MAX_LENGTH", "lots", "DOORSTEP_POSTS__MAX_LENGTH"),
        ("DOORSTEP_LOG_LEVEL", "chatty", "DOORSTEP_LOG_LEVEL"),
        ("DOORSTEP_TELEGRAM_TOKEN", "typo-single-underscore", "DOORSTEP_TELEGRAM_TOKEN"),
    ],
)
def test_bad_configuration_names_the_key(monkeypatch: pytest.MonkeyPatch, key: str, value: str, named: str) -> None:
    monkeypatch.setenv(key, value)
    with pytest.raises(ConfigurationError) as problem:
        load_settings()
    message = str(problem.value)
    assert named in message and "\n" not in message


def test_matrix_needs_a_user_and_a_way_to_log_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOORSTEP_MATRIX__HOMESERVER", "http://127.0.0.1:8008")
    monkeypatch.setenv("DOORSTEP_MATRIX__USER_ID", "@doorstep:localhost")
    with pytest.raises(ConfigurationError, match="PASSWORD or DOORSTEP_MATRIX__ACCESS_TOKEN"):
        load_settings()
    monkeypatch.setenv("DOORSTEP_MATRIX__PASSWORD", "pw")
    assert load_settings().platforms == ["matrix"]


def test_check_config_masks_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOORSTEP_TELEGRAM__TOKEN", "123456:very-secret-token")
    text = describe_settings(load_settings())
    assert "very-secret-token" not in text and "123456" not in text
    assert "DOORSTEP_TELEGRAM__TOKEN = ******** (set)" in text
    assert "DOORSTEP_MATRIX__PASSWORD = (not set)" in text


def test_env_example_lists_every_setting_with_a_comment() -> None:
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^(DOORSTEP_[A-Z_]+)=", example, re.MULTILINE))
    assert listed == all_keys(Settings)
    lines = example.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("DOORSTEP_"):
            previous = [earlier for earlier in lines[:index] if earlier.strip()][-1]
            assert previous.startswith(("#", "DOORSTEP_")), f"{line} needs a comment above it"


def test_env_example_itself_is_valid(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text())
    assert load_settings().platforms == []
