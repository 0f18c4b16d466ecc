"""What a person does on the stand-in page, found by role and accessible name."""

from __future__ import annotations

import re
from typing import Any


def expect(target: Any) -> Any:
    # Imported here: without playwright, collection must still work (the tests then skip).
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def post_publicly(page: Any, platform: str, kind: str, author: str, text: str,
                  image: bool = False) -> None:
    form = page.get_by_role("form", name="Post as a member of the public")
    form.get_by_role("radio", name=platform, exact=True).check()
    form.get_by_role("combobox", name="Kind").select_option(label=kind)
    form.get_by_role("textbox", name="Author").fill(author)
    form.get_by_role("textbox", name="Text").fill(text)
    if image:
        form.get_by_role("checkbox", name="Attach a photo").check()
    form.get_by_role("button", name="Post publicly").click()
    expect(page.get_by_role("status")).to_contain_text("posted")


def channel(page: Any) -> Any:
    return page.get_by_role("log")


def alert(page: Any, pattern: str) -> Any:
    """The channel message whose accessible name (author and fallback text) matches."""
    return channel(page).get_by_role("article", name=re.compile(pattern)).first


def public_item(page: Any, pattern: str) -> Any:
    side = page.get_by_role("region", name="Public side")
    return side.get_by_role("article", name=re.compile(pattern)).first


def command(page: Any, text: str) -> None:
    box = page.get_by_role("textbox", name="Slash command")
    box.fill(text)
    box.press("Enter")
