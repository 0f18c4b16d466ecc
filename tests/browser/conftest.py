"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium),
headless, with a fresh profile and background networking off. Never a browser download.

Without Chromium or playwright the browser tests skip with the reason; under CI=true they
fail instead, so a CI machine missing them cannot pass quietly.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.standin.runtime import StandIn
from tests.conftest import IN_CI

CHROMIUM = os.environ.get("FEEDWATCH_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "browser"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions", "--no-proxy-server",
]


def _need_browser() -> None:
    problem = None
    if not Path(CHROMIUM).exists():
        problem = (f"Chromium not found at {CHROMIUM} (install Debian's: apt-get install -y "
                   "chromium)")
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright is not installed (.venv/bin/pip install playwright)"
    if problem:
        if IN_CI:
            pytest.fail(f"browser tests need {problem} — required under CI=true")
        pytest.skip(f"browser tests skipped: {problem}")


@pytest.fixture(scope="session")
def browser_context() -> Iterator[Any]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="feedwatch-chromium-")
    with sync_playwright() as p:
        # A persistent context on a fresh directory is Chromium's --user-data-dir.
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000}, service_workers="block")
        context.set_default_timeout(15_000)
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def standin(tmp_path: Path) -> Iterator[StandIn]:
    """A fresh stand-in on an ephemeral port with an empty channel; polls twice a second."""
    with StandIn(tmp_path, port=0, play=False, poll_seconds=0.5) as s:
        yield s


@pytest.fixture
def page(browser_context: Any, standin: StandIn, request: pytest.FixtureRequest
         ) -> Iterator[Any]:
    pg = browser_context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(standin.url)
    pg.get_by_role("heading", name="#social-media-alerts").wait_for()
    try:
        yield pg
    finally:
        shot(pg, f"{request.node.name}-end")  # pass or fail, the last screen is kept
        pg.close()
    assert errors == [], f"the page raised: {errors}"


def shot(page: Any, name: str) -> Path:
    """A full-page screenshot under test-output/browser/ (gitignored)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def picture(locator: Any, name: str) -> Path:
    """One element's picture: to docs/screenshots/ (shown in the README) when
    UPDATE_SCREENSHOTS=1, otherwise to test-output/browser/ with the rest."""
    folder = DOCS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else SHOTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    locator.screenshot(path=str(path))
    return path
