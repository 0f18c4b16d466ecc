"""The demo scenario: loaded from scenario.yaml and planted in the fakes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.sandbox.fake_graph import FakeGraph
from bot.sandbox.fake_x import FakeX

SCENARIO_FILE = Path(__file__).with_name("scenario.yaml")


@dataclass
class Item:
    id: str
    platform: str
    kind: str
    text: str
    author: dict[str, str] = field(default_factory=dict)
    expect: list[str] = field(default_factory=list)
    forbid: list[str] = field(default_factory=list)
    own: bool = False
    reply_to_own: bool = False
    media: list[dict[str, Any]] = field(default_factory=list)
    reply_to: str = ""  # Facebook: the scenario id of the comment this replies to
    to: str = ""  # Facebook: who the Page's own message is to
    external_id: str = ""  # filled in when planted

    @property
    def alerted(self) -> bool:
        return not self.own


@dataclass
class Scenario:
    accounts: dict[str, list[dict[str, str]]]
    items: list[Item]

    @property
    def x_account(self) -> dict[str, str]:
        return self.accounts["x"][0]

    @property
    def facebook_page(self) -> dict[str, str]:
        return self.accounts["facebook"][0]

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)


def load_scenario(path: Path = SCENARIO_FILE) -> Scenario:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [Item(**raw) for raw in data["items"]]
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: item ids must be unique")
    return Scenario(accounts=data["accounts"], items=items)


def plant_x(fake: FakeX, scenario: Scenario, items: list[Item]) -> None:
    """Post these items on the fake X as their authors would (own ones as the account)."""
    account = scenario.x_account["handle"]
    root: dict[str, Any] | None = None
    for item in items:
        if item.platform != "x":
            continue
        author = account if item.own else item.author["handle"]
        if not item.own and not _has_user(fake, author):
            fake.add_user(author, item.author.get("name") or author)
        if item.kind == "dm":
            recipient = _dm_partner(scenario, item) if item.own else account
            event = fake.add_dm(author, recipient, item.text)
            item.external_id = f"dm:{event['id']}"
            continue
        reply_to = None
        if item.reply_to_own or (item.own and item.kind == "reply"):
            if root is None:
                root = fake.add_tweet(account, "We're here 9 to 5 on weekdays. How can we help?")
            reply_to = root["id"]
        tweet = fake.add_tweet(author, item.text, reply_to=reply_to, media=item.media)
        item.external_id = str(tweet["id"])


def _has_user(fake: FakeX, handle: str) -> bool:
    try:
        fake.store.user(handle)
    except KeyError:
        return False
    return True


def _dm_partner(scenario: Scenario, item: Item) -> str:
    for other in scenario.items:
        if other.kind == "dm" and not other.own:
            return other.author["handle"]
    raise ValueError(f"scenario item {item.id}: an own DM needs someone to write to")


def plant_facebook(fake: FakeGraph, scenario: Scenario, items: list[Item]) -> None:
    """Post these items on the fake Page: comments go under the Page's newest own post."""
    page = scenario.facebook_page["page_name"]
    for item in items:
        if item.platform != "facebook":
            continue
        author = page if item.own else item.author["name"]
        photo = any(m.get("type") == "photo" for m in item.media)  # served by the fake CDN
        if item.kind == "post":
            item.external_id = str(fake.add_post(page, item.text, photo=photo)["id"])
        elif item.kind in ("comment", "reply"):
            parent = scenario.item(item.reply_to).external_id if item.reply_to else None
            post = _latest_own_post(fake, scenario, page)
            item.external_id = str(fake.add_comment(post, author, item.text, parent=parent,
                                                    photo=photo)["id"])
        elif item.kind == "visitor_post":
            item.external_id = str(fake.add_visitor_post(page, author, item.text,
                                                         photo=photo)["id"])
        elif item.kind == "tag":
            item.external_id = str(fake.add_tag_post(page, author, item.text)["id"])
        elif item.kind == "dm":
            msg = fake.add_message(page, author, item.text, to=item.to or None)
            item.external_id = str(msg["id"])
        else:
            raise ValueError(f"scenario item {item.id}: unknown Facebook kind {item.kind}")


def _latest_own_post(fake: FakeGraph, scenario: Scenario, page: str) -> str:
    own = [i for i in scenario.items
           if i.platform == "facebook" and i.kind == "post" and i.external_id]
    if own:
        return own[-1].external_id
    post = fake.add_post(page, "Welcome to our Page. We're here 9 to 5 on weekdays.")
    return str(post["id"])


# A pile-on for storm mode (bot/storm/fold.py): written for feedwatch, invented, not from any
# dataset.
PILE_ON_POST = "Our new crisis café opens on Monday: a calm place to talk, 6pm to midnight."
PILE_ON_REPLIES = (
    "you lot are a disgrace, absolute idiots",
    "a café?? you useless idiots",
    "you are all useless idiots",
    "spending money on a café, you idiots",
)


def plant_pile_on(fake: FakeX, scenario: Scenario, replies: int = 40) -> list[str]:
    """The account posts; `replies` people pile on under it. Returns the replies' ids."""
    account = scenario.x_account["handle"]
    root = fake.add_tweet(account, PILE_ON_POST)
    ids = []
    for n in range(replies):
        handle = f"pileon_{root['id'][-6:]}_{n}"
        fake.add_user(handle, f"Pile On {n}")
        text = PILE_ON_REPLIES[n % len(PILE_ON_REPLIES)] + "!" * (n // len(PILE_ON_REPLIES))
        ids.append(str(fake.add_tweet(handle, text, reply_to=root["id"])["id"]))
    return ids
