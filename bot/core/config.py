"""Settings: read once from the environment (and an optional .env), validated, passed in."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.calendar import holiday_calendar, parse_dates, parse_days, parse_hhmm
from bot.core.category_settings import check_category_channels, parse_categories
from bot.core.models import FACEBOOK, X
from bot.core.moderation_actions import LEAD_LIMITABLE
from bot.core.secret_files import SecretFileError, values_from_files

# The current Graph API version (bot/platforms/facebook/versions.py has Meta's dates).
DEFAULT_GRAPH_VERSION = "v26.0"

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
# The example values in .env.example (and the README): copied unchanged, they would only fail
# later, at Slack or X, with a puzzling error. Refused here, in words.
PLACEHOLDERS = frozenset({"...", "…", "xoxb-your-bot-token", "xapp-your-app-token",
                          "EAA...", "C0123456789", "123456789"})
PLACEHOLDER = "is the example value from .env.example: put in the real one"


def _not_placeholder(value: str) -> str:
    if value.strip() in PLACEHOLDERS:
        raise ValueError(PLACEHOLDER)
    return value


def _secret_not_placeholder(v: SecretStr) -> SecretStr:
    _not_placeholder(v.get_secret_value())
    return v


def _account_name(v: str) -> str:
    """An account's short name, shared by X accounts and Facebook Pages."""
    if not _NAME.match(v):
        raise ValueError("use lower-case letters, digits, '-' or '_' (max 40)")
    return v


class XAccount(BaseModel):
    """One X account watched, with its own OAuth 1.0a user-context credentials."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: Literal["x"] = X
    name: str = Field(description="short name used in alerts and logs, e.g. 'nsft'")
    user_id: str = Field(pattern=r"^\d{1,20}$", description="the account's numeric X user id")
    handle: str = Field(default="", description="@handle without the @, for display")
    consumer_key: SecretStr
    consumer_secret: SecretStr
    access_token: SecretStr
    access_token_secret: SecretStr

    _name = field_validator("name")(classmethod(lambda cls, v: _account_name(v)))

    @field_validator("user_id")
    @classmethod
    def _real_id(cls, v: str) -> str:
        return _not_placeholder(v)

    @field_validator("consumer_key", "consumer_secret", "access_token", "access_token_secret")
    @classmethod
    def _real_secret(cls, v: SecretStr) -> SecretStr:
        return _secret_not_placeholder(v)


class FacebookPage(BaseModel):
    """One Facebook Page watched, with its own Page access token."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: Literal["facebook"] = FACEBOOK
    name: str
    page_id: str = Field(pattern=r"^\d{1,30}$")
    page_token: SecretStr

    _name = field_validator("name")(classmethod(lambda cls, v: _account_name(v)))

    @field_validator("page_token")
    @classmethod
    def _real_token(cls, v: SecretStr) -> SecretStr:
        return _secret_not_placeholder(v)


Account = Annotated[XAccount | FacebookPage, Field(discriminator="platform")]

# Who a mention can be escalated to; each is configured as a channel or user.
ESCALATION_TARGETS = {
    "on_call_lead": "On-call comms lead",
    "pals": "PALS (Patient Advice and Liaison Service)",
    "complaints": "Complaints / Customer Services",
    "safeguarding": "Safeguarding",
    "clinical": "Crisis or clinical team",
    "press_office": "Press office",
    "police": "Police",
    "comms_lead": "Comms lead",
}
# Moderation actions that can be limited to leads (LEAD_ONLY_ACTIONS).


def _json_object(v: Any, example: str) -> dict[str, Any]:
    """A mapping setting, given as JSON text (empty: none) or already parsed."""
    if isinstance(v, str):
        try:
            v = json.loads(v) if v.strip() else {}
        except json.JSONDecodeError as exc:
            raise ValueError(f"not valid JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(v, dict):
        raise ValueError(f"expected a JSON object like {example}")
    return v


class Settings(BaseSettings):
    """Everything feedwatch needs to run. Each field is one environment variable."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        case_sensitive=False,
    )

    # Slack
    slack_bot_token: SecretStr = Field(description="Bot token, xoxb-...")
    slack_app_token: SecretStr | None = Field(
        default=None, description="App-level token xapp-... (Socket Mode); unset = HTTP mode"
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None, description="Signing secret; required in HTTP mode",
        validate_default=True,  # so its absence is checked with every other problem
    )
    slack_alert_channel: str = Field(
        pattern=r"^[CG][A-Z0-9]{2,}$", description="channel id for alerts"
    )
    slack_admin_channel: str | None = Field(
        default=None, pattern=r"^[CG][A-Z0-9]{2,}$", description="admin alerts (default: alerts)"
    )
    slack_api_url: str | None = Field(
        default=None, description="Slack Web API base URL (only for the sandbox)"
    )

    # Platforms
    feedwatch_accounts: Annotated[list[Account], NoDecode] = Field(
        description="JSON list of watched X accounts and Facebook Pages"
    )
    poll_interval_seconds: int = Field(default=120, ge=15, le=3600)
    classify_processes: int | None = Field(
        default=None, ge=0, le=8,
        description="worker processes that classify a burst of mentions while the poll stores "
                    "them; default one per core beside the poll's own, 0: classify in-process",
    )
    platform_outage_alert_minutes: int = Field(
        default=10, ge=1, le=1440,
        description="a feed failing this long raises one admin alert")
    x_mention_reach: int = Field(
        default=800, ge=10, description="X returns only the newest N mentions (gap warning)"
    )
    facebook_graph_version: str = Field(
        default=DEFAULT_GRAPH_VERSION, pattern=r"^v\d{2}\.0$",
        description="Graph API version, e.g. v26.0"
    )
    facebook_post_window_days: int = Field(
        default=30, ge=1, le=365, description="comments are read on posts of the last N days"
    )
    facebook_app_secret: SecretStr | None = Field(
        default=None, description="Meta app secret: checks webhook signatures (optional)"
    )
    facebook_verify_token: SecretStr | None = Field(
        default=None, description="webhook verify token chosen in the app dashboard (optional)",
        validate_default=True,
    )

    # Storage and runtime
    database_url: str = Field(default="sqlite:///./var/feedwatch.db")
    audit_hmac_key: SecretStr | None = Field(
        default=None, min_length=32,
        description="signs the audit chain's head and prune anchors (32+ random characters)",
    )
    timezone: str = Field(default="Europe/London")
    port: int = Field(default=3000, ge=1, le=65535)
    health_token: SecretStr | None = Field(
        default=None, description="Bearer token that shows /healthz's details (optional)")
    http_body_limit_bytes: int = Field(
        default=1_048_576, ge=4096, description="larger request bodies are refused unread (413)")
    http_client_timeout_seconds: int = Field(
        default=30, ge=1, le=600, description="an idle or slow HTTP client is dropped after this")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = Field(
        default="text", description="json: one JSON object per line, for a SIEM"
    )
    health_port: int = Field(
        default=8081, ge=0, le=65535,
        description="Socket Mode and `feedwatch ingest`: /healthz, /readyz, /metrics; 0: none",
    )
    health_token: SecretStr | None = Field(
        default=None, description="bearer token for health details and /metrics"
    )
    policy_file: Path | None = Field(
        default=None, description="trust's policy YAML (default: the bundled policy)"
    )

    # Office hours, routing and holding; parsed by bot/core/calendar.py and
    # bot/office/routing.py
    office_days: str = Field(default="Mon-Fri", description="working days, e.g. Mon-Fri")
    office_opens: str = Field(default="09:00", description="local opening time")
    office_closes: str = Field(default="17:00", description="local closing time",
                               validate_default=True)
    office_holidays: str = Field(
        default="GB-ENG", description="bank-holiday calendar (GB-ENG = England and Wales) or none"
    )
    office_closed_dates: str = Field(default="", description="extra closure days, ISO dates")
    # Unclaimed crisis and threat alerts are raised again after this many office-hours minutes
    # (0: never).
    reping_minutes: int = Field(default=15, ge=0, le=24 * 60)
    out_of_hours_categories: str = Field(
        default="crisis,violence", description="categories never held out of hours"
    )
    # Who a crisis alert pings, in office hours and out: a person may be at risk, so someone
    # must be told at once, not only when they next read the channel.
    crisis_ping: str | None = Field(
        default=None, pattern=r"^[UWS][A-Z0-9]{2,}$",
        description="Slack user id (U…) or user group id (S…) pinged on every crisis alert",
    )
    out_of_hours_unread_language: bool = Field(
        default=True, description="never hold a post in a language the policy cannot read"
    )
    out_of_hours_destination: str | None = Field(
        default=None, pattern=r"^[CGU][A-Z0-9]{2,}$",
        description="on-call channel or user for urgent alerts out of hours",
    )
    category_channels: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict, description='JSON {"category": "channel id"}'
    )
    slack_dm_channel: str | None = Field(
        default=None, pattern=r"^[CG][A-Z0-9]{2,}$", description="restricted channel for DMs"
    )
    slack_report_channel: str | None = Field(
        default=None, pattern=r"^[CG][A-Z0-9]{2,}$", description="weekly report (default: alerts)"
    )
    crisis_signposting: bool = Field(
        default=False, description="opt-in: privately signpost crisis posts out of hours"
    )
    spike_multiple: float = Field(default=3.0, ge=1.0, le=100.0)
    spike_min_mentions: int = Field(default=20, ge=1)
    spike_cooldown_minutes: int = Field(default=60, ge=1, le=24 * 60)
    # The usual mentions an hour, used until a week of history exists (else no spike alert then).
    spike_baseline_per_hour: float | None = Field(default=None, ge=0.0)

    # Storm mode (bot/storm/fold.py): when more than STORM_THRESHOLD mentions on one
    # thread or topic arrive within STORM_WINDOW_MINUTES, near-duplicates fold into one alert
    storm_threshold: int = Field(default=30, ge=2, le=100_000)
    storm_window_minutes: int = Field(default=10, ge=1, le=24 * 60)
    storm_similarity: float = Field(
        default=0.8, gt=0.0, le=1.0, description="Jaccard of normalised word shingles"
    )
    storm_update_seconds: int = Field(
        default=10, ge=1, le=3600, description="at most one update of a storm alert this often"
    )

    # Who may moderate (used by /feedwatch and the buttons)
    moderator_usergroup: str | None = Field(default=None, pattern=r"^S[A-Z0-9]{2,}$")
    moderator_user_ids: str = Field(default="", description="comma-separated Slack user ids")
    lead_user_ids: str = Field(default="", description="comma-separated Slack user ids")
    lead_only_actions: str = Field(
        default="delete,block,report_police",
        description="actions only leads may take (when LEAD_USER_IDS is set); 'none' for none",
    )
    escalation_targets: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict, description='JSON {"pals": "C0PALS", "comms_lead": "U0LEAD"}'
    )
    slack_evidence_channel: str | None = Field(
        default=None, pattern=r"^[CG][A-Z0-9]{2,}$",
        description="private channel for evidence packs (default: the alert's thread)",
    )

    # Retention, in days; enforced nightly
    retention_content_days: int = Field(default=90, ge=1)
    retention_author_days: int = Field(default=365, ge=1)
    retention_evidence_days: int = Field(default=365, ge=1)
    retention_audit_days: int = Field(default=2190, ge=30)

    @field_validator("feedwatch_accounts", mode="before")
    @classmethod
    def _accounts_json(cls, v: Any) -> Any:
        if isinstance(v, str):
            try:
                v = json.loads(v)
            except json.JSONDecodeError as exc:
                raise ValueError(f"not valid JSON ({exc.msg} at character {exc.pos})") from None
        if isinstance(v, dict):
            v = [v]
        return v

    @field_validator("feedwatch_accounts")
    @classmethod
    def _accounts(cls, v: list[XAccount | FacebookPage]) -> list[XAccount | FacebookPage]:
        if not v:
            raise ValueError("list at least one X account or Facebook Page")
        names = [a.name for a in v]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"account names must be unique: {dupes}")
        return v

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, v: SecretStr) -> SecretStr:
        _secret_not_placeholder(v)
        if not v.get_secret_value().startswith("xoxb-"):
            raise ValueError("must be a bot token starting xoxb- (the Bot User OAuth Token on "
                             "the app's OAuth & Permissions page)")
        return v

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None:
            _secret_not_placeholder(v)
            if not v.get_secret_value().startswith("xapp-"):
                raise ValueError("must be an app-level token starting xapp- (Basic Information "
                                 "→ App-Level Tokens)")
        return v

    @field_validator("slack_alert_channel")
    @classmethod
    def _real_channel(cls, v: str) -> str:
        return _not_placeholder(v)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r}") from None
        return v

    @field_validator("office_days")
    @classmethod
    def _days(cls, v: str) -> str:
        parse_days(v)
        return v

    @field_validator("office_opens", "office_closes")
    @classmethod
    def _hhmm(cls, v: str) -> str:
        return parse_hhmm(v).strftime("%H:%M")

    @field_validator("office_holidays")
    @classmethod
    def _holidays(cls, v: str) -> str:
        holiday_calendar(v)
        return v

    @field_validator("office_closed_dates")
    @classmethod
    def _closed_dates(cls, v: str) -> str:
        parse_dates(v)
        return v

    @field_validator("out_of_hours_categories")
    @classmethod
    def _urgent(cls, v: str) -> str:
        parse_categories(v)
        return v

    @field_validator("category_channels", mode="before")
    @classmethod
    def _category_channels(cls, v: Any) -> Any:
        return check_category_channels(_json_object(v, '{"crisis": "C0URGENT"}'))

    @field_validator("lead_only_actions")
    @classmethod
    def _lead_only(cls, v: str) -> str:
        names = [p.strip().lower() for p in v.split(",") if p.strip()]
        if names == ["none"]:
            return ""
        bad = [n for n in names if n not in LEAD_LIMITABLE]
        if bad:
            raise ValueError(f"unknown actions {bad}; choose from {list(LEAD_LIMITABLE)}")
        return ",".join(names)

    @field_validator("escalation_targets", mode="before")
    @classmethod
    def _targets(cls, v: Any) -> Any:
        v = _json_object(v, '{"pals": "C0PALS"}')
        unknown = sorted(set(v) - set(ESCALATION_TARGETS))
        if unknown:
            raise ValueError(f"unknown targets {unknown}; use {sorted(ESCALATION_TARGETS)}")
        bad = sorted(k for k, d in v.items() if not re.match(r"^[CGU][A-Z0-9]{2,}$", str(d)))
        if bad:
            raise ValueError(f"{bad}: each target is a Slack channel id (C…/G…) or user id (U…)")
        return {k: str(d) for k, d in v.items()}

    @field_validator("moderator_user_ids", "lead_user_ids")
    @classmethod
    def _user_ids(cls, v: str) -> str:
        ids = [p.strip() for p in v.split(",") if p.strip()]
        bad = [i for i in ids if not re.match(r"^[UW][A-Z0-9]{2,}$", i)]
        if bad:
            raise ValueError(f"not Slack user ids: {bad}")
        return ",".join(ids)

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower(cls, v: Any) -> Any:
        return v.lower() if isinstance(v, str) else v

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, v: Any) -> Any:
        return v.upper() if isinstance(v, str) else v

    # Checks between two variables are field validators reading the one validated before
    # (info.data), not a model validator: pydantic runs those only when every field is valid,
    # which would hide them until the next run. Each names its variables in its message.

    @field_validator("slack_signing_secret")
    @classmethod
    def _http_mode(cls, v: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if v is None and "slack_app_token" in info.data and info.data["slack_app_token"] is None:
            raise ValueError("required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)")
        return v

    @field_validator("facebook_verify_token")
    @classmethod
    def _webhook_pair(cls, v: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        # The secret alone is fine: it also signs every Graph call (appsecret_proof).
        if "facebook_app_secret" in info.data and v is not None \
                and info.data["facebook_app_secret"] is None:
            raise ValueError("Facebook webhooks need FACEBOOK_APP_SECRET and "
                             "FACEBOOK_VERIFY_TOKEN both (or neither: polling alone is "
                             "complete)")
        return v

    @field_validator("office_closes")
    @classmethod
    def _after_opening(cls, v: str, info: ValidationInfo) -> str:
        opens = info.data.get("office_opens")
        if opens is not None and opens >= v:
            raise ValueError("must be after OFFICE_OPENS")
        return v

    @property
    def facebook_app_secret_value(self) -> str | None:
        """The app secret for appsecret_proof on every Graph call, when set."""
        return self.facebook_app_secret.get_secret_value() if self.facebook_app_secret else None

    @property
    def facebook_webhooks(self) -> bool:
        return self.facebook_app_secret is not None and self.facebook_verify_token is not None

    @property
    def moderator_ids(self) -> frozenset[str]:
        return frozenset(p for p in self.moderator_user_ids.split(",") if p)

    @property
    def lead_ids(self) -> frozenset[str]:
        return frozenset(p for p in self.lead_user_ids.split(",") if p)

    @property
    def lead_only(self) -> frozenset[str]:
        return frozenset(p for p in self.lead_only_actions.split(",") if p)

    @property
    def report_channel(self) -> str:
        return self.slack_report_channel or self.slack_alert_channel

    @property
    def socket_mode(self) -> bool:
        return self.slack_app_token is not None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def admin_channel(self) -> str:
        return self.slack_admin_channel or self.slack_alert_channel

    @property
    def x_accounts(self) -> list[XAccount]:
        return [a for a in self.feedwatch_accounts if isinstance(a, XAccount)]

    @property
    def facebook_pages(self) -> list[FacebookPage]:
        return [a for a in self.feedwatch_accounts if isinstance(a, FacebookPage)]

    def account(self, name: str) -> XAccount | FacebookPage:
        for a in self.feedwatch_accounts:
            if a.name == name:
                return a
        raise KeyError(name)


class ConfigError(Exception):
    """Configuration is missing or malformed; the message names every variable at fault."""


def _from_files(fields: Iterable[str]) -> dict[str, str]:
    """Values given as NAME_FILE=/path, for the fields named; ConfigError if one is unusable."""
    try:
        return values_from_files(os.environ, fields)
    except SecretFileError as exc:
        raise ConfigError(f"feedwatch is not configured correctly:\n{exc}") from None


def load_settings(env_file: str | Path | None = ".env", **overrides: Any) -> Settings:
    """Read and validate settings once; raise ConfigError listing every problem."""
    from_files = _from_files(Settings.model_fields)
    try:
        return Settings(_env_file=env_file, **{**from_files, **overrides})  # type: ignore[arg-type]
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc)) from None


# What a malformed id should look like, in words (pydantic alone says "should match pattern").
_CHANNEL = "must be a channel id like C0123ABCD, not a name (channel details → About → at the end)"
PATTERN_HINTS = {
    "slack_alert_channel": _CHANNEL, "slack_admin_channel": _CHANNEL,
    "slack_dm_channel": _CHANNEL, "slack_report_channel": _CHANNEL,
    "slack_evidence_channel": _CHANNEL,
    "moderator_usergroup": "must be a user group id like S0123ABCD, not its @handle",
    "facebook_graph_version": "must be a Graph API version like v21.0",
    "user_id": "must be the account's numeric X user id, like 1234567890 (not the @handle)",
    "page_id": "must be the Page's numeric id (the Page's About → Page transparency)",
}
_TYPE_WORDS = {"int_parsing": "must be a whole number", "float_parsing": "must be a number",
               "bool_parsing": "must be true or false"}


def _problem(err: Any) -> str:
    msg = str(err["msg"]).removeprefix("Value error, ")
    field = str(err["loc"][-1]) if err["loc"] else ""
    if err["type"] == "missing":
        return "is not set"
    if err["type"] == "string_pattern_mismatch" and field in PATTERN_HINTS:
        return PATTERN_HINTS[field]
    return _TYPE_WORDS.get(err["type"], msg)


class DatabaseOnly(BaseSettings):
    """Only DATABASE_URL, read the same way (environment, then .env): for the commands that
    just read the database (`audit verify`, `subject export`, `overrides export`), which must
    work on a machine holding no Slack or platform secrets."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8",
                                      env_ignore_empty=True, extra="ignore",
                                      case_sensitive=False)

    database_url: str = Field(default=Settings.model_fields["database_url"].default)
    # Verifying the audit chain needs the key that signs it, and nothing else.
    audit_hmac_key: SecretStr | None = None


def load_database_only(env_file: str | Path | None = ".env") -> DatabaseOnly:
    """DATABASE_URL (and the audit key), from the environment, .env or their *_FILE files,
    as the whole bot reads them; ConfigError names a malformed value or an unusable file."""
    try:
        return DatabaseOnly(_env_file=env_file,  # type: ignore[call-arg]
                            **_from_files(DatabaseOnly.model_fields))
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc)) from None


def load_database_url(env_file: str | Path | None = ".env") -> str:
    return load_database_only(env_file).database_url


def format_validation_error(exc: ValidationError) -> str:
    lines = ["feedwatch is not configured correctly:"]
    for err in exc.errors(include_url=False, include_input=False):
        loc = [str(p) for p in err["loc"]]
        if not loc:
            # model-level checks already start with the variable name, one per line
            lines += [f"  - {m}" for m in err["msg"].removeprefix("Value error, ").splitlines()]
            continue
        var = loc[0].upper()
        where = "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in loc[1:])
        lines.append(f"  - {var}{where}: {_problem(err)}")
    lines.append("See .env.example for every variable with a comment.")
    return "\n".join(lines)
