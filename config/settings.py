"""Every setting Doorstep reads. Environment variables start with DOORSTEP_; nested ones use `__`.

`.env.example` lists each key with a comment; keep the two in step (a test checks).
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from config.errors import ConfigurationError, describe
from config.keys import check_known


class DatabaseSettings(BaseModel):
    path: Path = Field(default=Path("data/doorstep.sqlite3"), description="SQLite database file")
    # Days the copy taken automatically before an upgrade migrates the database is kept (0: no copy).
    upgrade_backup_days: int = Field(default=30, ge=0, le=3650)

    @property
    def upgrade_backup_folder(self) -> Path:
        """Beside the database, so it is on the same volume (and in the same backups) as the database."""
        return self.path.parent / "backups"


class TelegramSettings(BaseModel):
    token: SecretStr | None = None
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)

    @field_validator("base_url", "base_file_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value() and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("Telegram allows only letters, digits, _ and - (1 to 256 of them)")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> TelegramSettings:
        if self.webhook_url and not self.webhook_secret:
            raise ValueError("a webhook needs DOORSTEP_TELEGRAM__WEBHOOK_SECRET too")
        return self

    @property
    def enabled(self) -> bool:
        return self.token is not None and bool(self.token.get_secret_value())


class MatrixSettings(BaseModel):
    homeserver: str | None = None
    user_id: str | None = None
    password: SecretStr | None = None
    access_token: SecretStr | None = None
    device_name: str = "Doorstep"
    store_path: Path = Path("data/matrix")
    allowed_homeservers: list[str] = Field(default_factory=list)
    organiser_power_level: int = Field(default=50, ge=0, le=100)
    invite_wait_seconds: int = Field(default=120, ge=0, le=3600)
    # The bot's own cross-signing identity, signing its device (docs/matrix-cross-signing.md).
    cross_signing: bool = True

    @field_validator("homeserver")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("user_id")
    @classmethod
    def _matrix_id(cls, value: str | None) -> str | None:
        if value and not (value.startswith("@") and ":" in value):
            raise ValueError("must look like @doorstep:example.org")
        return value

    @model_validator(mode="after")
    def _complete(self) -> MatrixSettings:
        if self.homeserver:
            if not self.user_id:
                raise ValueError("DOORSTEP_MATRIX__USER_ID is needed with a homeserver")
            if not (self.password or self.access_token):
                raise ValueError("set DOORSTEP_MATRIX__PASSWORD or DOORSTEP_MATRIX__ACCESS_TOKEN")
        return self

    @property
    def enabled(self) -> bool:
        return bool(self.homeserver)


class HealthSettings(BaseModel):
    enabled: bool = False
    listen: str = "127.0.0.1"
    port: int = Field(default=8089, ge=1, le=65535)
    # /healthz turns unhealthy when a platform has been disconnected this long (brief drops are normal)…
    platform_down_seconds: int = Field(default=300, ge=10, le=86400)
    # …or when the due work (check-ins, expiries, reminders) has not finished a round this long; it runs
    # at least once a minute.
    due_stall_seconds: int = Field(default=300, ge=120, le=86400)


class PostSettings(BaseModel):
    ask_expiry_days: int = Field(default=7, ge=1, le=365)
    offer_expiry_days: int = Field(default=30, ge=1, le=365)
    keep_open_answer_hours: int = Field(default=48, ge=1, le=24 * 14)
    max_length: int = Field(default=500, ge=40, le=4000)
    matches_told_at_once: int = Field(default=3, ge=1, le=20)

    @property
    def keep_open_answer_window(self) -> timedelta:
        return timedelta(hours=self.keep_open_answer_hours)

    @property
    def ask_lifetime(self) -> timedelta:
        return timedelta(days=self.ask_expiry_days)

    @property
    def offer_lifetime(self) -> timedelta:
        return timedelta(days=self.offer_expiry_days)


class CheckinSettings(BaseModel):
    escalate_after: int = Field(default=3, ge=1, le=12, description="hours before someone is told of no answer")
    late_grace_minutes: int = Field(default=60, ge=0, le=24 * 60)

    @property
    def escalate_after_delay(self) -> timedelta:
        return timedelta(hours=self.escalate_after)

    @property
    def late_grace(self) -> timedelta:
        return timedelta(minutes=self.late_grace_minutes)


class OrganiserSettings(BaseModel):
    # Fewer than DOORSTEP_RETENTION__LAST_SEEN_DAYS: quiet neighbours are found from last-seen times.
    quiet_after_days: int = Field(default=21, ge=1, le=364)
    unmet_after_hours: int = Field(default=24, ge=1, le=24 * 14)


class NearbySettings(BaseModel):
    radius_metres: int = Field(default=800, ge=200, le=2000)
    next_round_hours: int = Field(default=3, ge=1, le=48)
    widen_after_hours: int = Field(default=12, ge=1, le=24 * 7)
    pings_per_day: int = Field(default=4, ge=1, le=20)

    @property
    def next_round_after(self) -> timedelta:
        return timedelta(hours=self.next_round_hours)

    @property
    def widen_after(self) -> timedelta:
        return timedelta(hours=self.widen_after_hours)


class RetentionSettings(BaseModel):
    """How long things are kept before they are deleted for good (docs/privacy.md)."""

    closed_post_days: int = Field(default=30, ge=1, le=365)
    checkin_occurrence_days: int = Field(default=14, ge=2, le=90)
    # At least 14: a street says hello to someone at most once a fortnight, counted from this log.
    hello_days: int = Field(default=60, ge=14, le=365)
    last_seen_days: int = Field(default=90, ge=2, le=365)


class LimitSettings(BaseModel):
    """Gentle limits against floods and slips, each explained kindly to whoever meets it."""

    posts_per_hour: int = Field(default=10, ge=1, le=100, description="asks and offers per person per street")
    private_messages_per_hour: int = Field(default=60, ge=5, le=3600)
    refuse_duplicate_posts: bool = True


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DOORSTEP_",
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",  # unknown DOORSTEP_ keys are caught by config.keys, with a suggestion
    )

    timezone: str = "Europe/London"
    language: str = "en"
    log_level: str = "INFO"
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    telegram: TelegramSettings = Field(default_factory=TelegramSettings)
    matrix: MatrixSettings = Field(default_factory=MatrixSettings)
    posts: PostSettings = Field(default_factory=PostSettings)
    health: HealthSettings = Field(default_factory=HealthSettings)
    checkins: CheckinSettings = Field(default_factory=CheckinSettings)
    organisers: OrganiserSettings = Field(default_factory=OrganiserSettings)
    nearby: NearbySettings = Field(default_factory=NearbySettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not a time zone I know (try Europe/London)") from None
        return value

    @field_validator("language")
    @classmethod
    def _language_code(cls, value: str) -> str:
        if not (2 <= len(value) <= 8 and value.replace("_", "").replace("-", "").isalpha()):
            raise ValueError("must be a language code like en, pl or ro")
        return value.lower()

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR")
        return level

    @model_validator(mode="after")
    def _quiet_before_forgotten(self) -> Settings:
        if self.organisers.quiet_after_days >= self.retention.last_seen_days:
            raise ValueError(
                "DOORSTEP_ORGANISERS__QUIET_AFTER_DAYS must be fewer than DOORSTEP_RETENTION__LAST_SEEN_DAYS "
                "(quiet neighbours are found from when they were last seen)"
            )
        return self

    @property
    def platforms(self) -> list[str]:
        return [name for name, on in (("telegram", self.telegram.enabled), ("matrix", self.matrix.enabled)) if on]


def load_settings(**overrides: object) -> Settings:
    """Read settings, or raise ConfigurationError with one line naming the bad key."""
    check_known(Settings, Path(".env"))
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ConfigurationError(describe(error)) from None
