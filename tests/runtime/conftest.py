"""The runtime's tests run the real services against the fake X, as the ingest tests do."""

from tests.ingest.conftest import fake_x, world  # noqa: F401  (fixtures)
