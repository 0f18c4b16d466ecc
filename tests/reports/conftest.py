"""These tests share the office's desk: a database, the fake Slack and the office built on them."""

from tests.office.conftest import desk, fake_slack, hours_db  # noqa: F401  (fixtures)
