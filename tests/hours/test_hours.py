"""Office hours on the controllable clock: the edges, bank holidays, both clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.calendar import OfficeHours, holiday_calendar, parse_dates, parse_days, parse_hhmm
from bot.core.clock import LONDON
from tests.hours.conftest import local


@pytest.fixture
def hours() -> OfficeHours:
    return OfficeHours(LONDON, parse_days("Mon-Fri"), parse_hhmm("09:00"), parse_hhmm("17:00"),
                       holiday_calendar("GB-ENG"))


def test_friday_1659_is_open_and_1700_is_closed(hours: OfficeHours) -> None:
    assert hours.is_open(local(2026, 11, 27, 16, 59))
    assert hours.is_open(local(2026, 11, 27, 16, 59, 59))
    assert not hours.is_open(local(2026, 11, 27, 17, 0))
    assert hours.state(local(2026, 11, 27, 16, 59)).reason == "open until 17:00"
    closed = hours.state(local(2026, 11, 27, 17, 0))
    assert closed.reason == "closed: after closing"
    assert closed.next_change == local(2026, 11, 30, 9, 0)  # Monday


def test_opening_minute_is_open(hours: OfficeHours) -> None:
    assert not hours.is_open(local(2026, 11, 30, 8, 59, 59))
    assert hours.is_open(local(2026, 11, 30, 9, 0))


def test_bank_holiday_monday_is_closed_and_tuesday_opens(hours: OfficeHours) -> None:
    bank_holiday = local(2026, 5, 25, 11, 0)  # Spring Bank Holiday
    assert not hours.is_open(bank_holiday)
    state = hours.state(bank_holiday)
    assert state.reason == "closed: Spring Bank Holiday (bank holiday)"
    assert hours.next_opening(local(2026, 5, 22, 17, 0)) == local(2026, 5, 26, 9, 0)
    assert hours.first_opening_of_week(bank_holiday) == local(2026, 5, 26, 9, 0)


def test_weekend_reason_names_the_day(hours: OfficeHours) -> None:
    assert hours.state(local(2026, 11, 28, 12, 0)).reason == "closed: Saturday"


def test_march_clock_change_opens_at_0900_bst(hours: OfficeHours) -> None:
    # Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
    friday_close = local(2026, 3, 27, 17, 0)
    monday_open = hours.next_opening(friday_close)
    assert monday_open == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # 09:00 BST
    assert monday_open.astimezone(LONDON).hour == 9
    assert hours.last_closing(monday_open) == datetime(2026, 3, 27, 17, 0, tzinfo=UTC)
    # The weekend is an hour shorter than on the wall clock: 63 real hours, not 64.
    assert (monday_open - friday_close) == timedelta(hours=63)
    assert not hours.is_open(datetime(2026, 3, 30, 7, 59, tzinfo=UTC))
    assert hours.is_open(datetime(2026, 3, 30, 8, 0, tzinfo=UTC))


def test_october_clock_change_opens_at_0900_gmt(hours: OfficeHours) -> None:
    # Clocks go back at 02:00 BST on Sunday 25 October 2026.
    friday_close = local(2026, 10, 23, 17, 0)
    assert friday_close == datetime(2026, 10, 23, 16, 0, tzinfo=UTC)
    monday_open = hours.next_opening(friday_close)
    assert monday_open == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert (monday_open - friday_close) == timedelta(hours=65)


def test_working_seconds_skip_nights_weekends_and_bank_holidays(hours: OfficeHours) -> None:
    # Friday 16:30 to Monday 09:15: 30 minutes on Friday, 15 on Monday.
    assert hours.working_seconds(local(2026, 11, 27, 16, 30), local(2026, 11, 30, 9, 15)) == 45 * 60
    # Across the Spring bank holiday: Friday 16:00 to Tuesday 10:00 = 1 h + 1 h.
    assert hours.working_seconds(local(2026, 5, 22, 16, 0), local(2026, 5, 26, 10, 0)) == 2 * 3600
    # Within one day, and nothing outside hours.
    assert hours.working_seconds(local(2026, 11, 24, 10, 0), local(2026, 11, 24, 12, 30)) == 9000
    assert hours.working_seconds(local(2026, 11, 24, 18, 0), local(2026, 11, 25, 8, 0)) == 0
    assert hours.working_seconds(local(2026, 11, 25, 8, 0), local(2026, 11, 24, 18, 0)) == 0


def test_working_seconds_across_both_clock_changes(hours: OfficeHours) -> None:
    # A full working day is 8 real hours whether the clock says GMT or BST.
    assert hours.working_seconds(local(2026, 3, 27, 9, 0), local(2026, 3, 30, 17, 0)) == 16 * 3600
    assert hours.working_seconds(local(2026, 10, 23, 9, 0), local(2026, 10, 26, 17, 0)) == 16 * 3600


def test_configurable_days_times_and_closure_dates() -> None:
    hours = OfficeHours(LONDON, parse_days("Mon-Thu"), parse_hhmm("8:30"), parse_hhmm("16:30"),
                        holiday_calendar("none"), parse_dates("2026-11-24"))
    assert not hours.is_open(local(2026, 11, 27, 10, 0))  # Friday is not a working day here
    assert not hours.is_open(local(2026, 11, 24, 10, 0))  # a trust closure day
    assert hours.state(local(2026, 11, 24, 10, 0)).reason == "closed: a closure day"
    assert hours.is_open(local(2026, 11, 23, 8, 30))
    assert not hours.is_open(local(2026, 11, 23, 16, 30))
    assert not holiday_calendar("none")


@pytest.mark.parametrize(("text", "days"), [
    ("Mon-Fri", {0, 1, 2, 3, 4}), ("mon,wed", {0, 2}), ("Monday-Wednesday,Fri", {0, 1, 2, 4}),
    ("Sat-Mon", {5, 6, 0}),
])
def test_parse_days(text: str, days: set[int]) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize("bad", ["", "Funday", "Mon-Xyz"])
def test_parse_days_refuses_nonsense(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_days(bad)


def test_settings_refuse_bad_office_hours(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.core.config import ConfigError, load_settings

    base = {"slack_bot_token": "xoxb-1", "slack_signing_secret": "s",
            "slack_alert_channel": "C0ALERTS", "feedwatch_accounts": [dict(
                platform="x", name="n", user_id="1", consumer_key="a", consumer_secret="b",
                access_token="c", access_token_secret="d")]}
    with pytest.raises(ConfigError, match="OFFICE_OPENS"):
        load_settings(None, **base, office_opens="25:00")
    with pytest.raises(ConfigError, match="OFFICE_HOLIDAYS"):
        load_settings(None, **base, office_holidays="XX-NOPE")
    with pytest.raises(ConfigError, match="OFFICE_CLOSES: must be after OFFICE_OPENS"):
        load_settings(None, **base, office_opens="18:00")
