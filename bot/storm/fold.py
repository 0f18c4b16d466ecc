"""Storm mode: a pile-on becomes one alert that counts up instead of hundreds.

When more than STORM_THRESHOLD mentions to one account share a thread, a link or near-copied
text (bot/storm/similarity.py) within STORM_WINDOW_MINUTES, those that share it are *folded* into a
storm group: stored and classified exactly as ever, each a member of the group, and shown in
the group's one alert (its count, the worst examples, bulk actions; bot/slack/storm_blocks.py)
instead of an alert each. Alerts posted before the threshold was passed stay as they are.
Never folded: crisis, threats (violence, or a report the policy suggests), personal
information, direct messages, and anything whose suggested action is a person's own answer (a
reply, an escalation such as a complaint to the formal route, a lead's decision on an
allegation against staff): each of those still gets its own alert at once. Only what the policy
suggests hiding or leaving alone is folded.

The group alert is an outbox row like any other (so it is posted once, held out of hours,
paced with the rest) and is kept current by chat.update, at most once per STORM_UPDATE_SECONDS
per group and one update a second overall (bot/storm/groups.py, with the bulk hide queue).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.core.models import Mention
from bot.office.holding import Placement, Placer, active_pause
from bot.store.alert_state import AlertState
from bot.store.inserts import insert_ignore, insert_ignore_many
from bot.store.schema import AlertRow, StormGroupRow, StormMarkRow, StormMemberRow
from bot.store.storm_queries import delete_marks_before, groups_on_keys_since, mark_counts_since
from bot.storm.similarity import jaccard, marks, shingles
from policy import categories as C
from policy.decision import Decision

log = logging.getLogger(__name__)

NEVER_FOLDED = frozenset({C.CRISIS, C.VIOLENCE, C.PERSONAL_INFO})
HIDEABLE = frozenset(C.REMOVAL_CATEGORIES) - NEVER_FOLDED
MARKS_KEPT = timedelta(days=1)
IN_CHUNK = 400
Item = tuple[int, Mention, Decision]
LABELS = {"thread": "replies in one thread", "link": "posts sharing the link {}",
          "text": "posts with near-identical text"}


@dataclass(frozen=True)
class StormConfig:
    threshold: int = 30  # more than this many in the window starts folding
    window: timedelta = timedelta(minutes=10)
    similarity: float = 0.8  # Jaccard of normalised shingles for copied text
    update_every: timedelta = timedelta(seconds=10)  # per group alert


# Posts that need no answer of their own: the rest (reply, escalate, lead_decision, report)
# are each somebody's to handle, so each keeps its alert.
FOLDABLE_ACTIONS = frozenset({C.ACTION_NONE, C.ACTION_HIDE})


# Someone's own care or a clinical question is answered one by one, whatever else it says.
NEEDS_ITS_OWN_ANSWER = frozenset({C.INDIVIDUAL_CARE, C.CLINICAL_ADVICE})


def foldable(d: Decision) -> bool:
    return (d.action in FOLDABLE_ACTIONS and not d.report_suggested
            and not (NEVER_FOLDED | NEEDS_ITS_OWN_ANSWER) & set(d.categories))


def group_key(group_id: int) -> str:
    """The dedupe key of a group's alert in the outbox."""
    return f"storm:{group_id}"


class StormFolder:
    """Decides, as a page of new mentions is stored, which of them fold into a storm group."""

    def __init__(self, config: StormConfig) -> None:
        self.config = config

    def fold(self, s: Session, items: list[Item], placer: Placer,
             now: datetime) -> dict[int, int]:
        """Mark the page, then fold what belongs to a storm; mention id -> group id."""
        shared: dict[int, tuple[frozenset[int], list[tuple[str, str]]]] = {}
        for mid, m, d in items:
            if foldable(d):
                sh = shingles(m.text)
                shared[mid] = (sh, marks(m, sh))
        rows = [{"account": m.account, "key": key, "mention_id": mid, "at": now}
                for mid, m, _ in items if mid in shared for _, key in shared[mid][1]]
        if not rows:
            return {}
        insert_ignore_many(s, StormMarkRow.__table__, rows)  # type: ignore[arg-type]
        since = now - self.config.window
        counts = self._counts(s, rows, since)
        live = self._live_groups(s, counts, since)
        reps: dict[int, frozenset[int]] = {}  # each text group's representative shingles
        paused = active_pause(s, now) is not None
        folded: dict[int, int] = {}
        members: list[dict[str, object]] = []
        for mid, m, d in items:
            if mid not in shared:
                continue
            sh, keys = shared[mid]
            group = None
            for _, key in keys:  # most specific first: thread, link, text
                g = live.get((m.account, key))
                if g is not None and (g.kind != "text" or jaccard(
                        sh, reps.setdefault(g.id, frozenset(g.shingles)))
                        >= self.config.similarity):
                    group = g
                    break
            if group is None:
                # A storm starts on a key more than `threshold` posts share in the window,
                # and only one group lives on a key at a time.
                busy = [(kind, key) for kind, key in keys
                        if counts.get((m.account, key), 0) > self.config.threshold
                        and (m.account, key) not in live]
                if not busy:
                    continue
                group = self._start(s, m, d, sh, busy[0], placer.decide(m.kind, d, now, paused),
                                    now)
                live[(m.account, group.key)] = group
            members.append(self._member(group, mid, d, now))
            folded[mid] = group.id
        insert_ignore_many(s, StormMemberRow.__table__, members)  # type: ignore[arg-type]
        if folded:
            log.info("storm: %d mention(s) folded into %d group(s)", len(folded),
                     len(set(folded.values())))
        return folded

    def _live_groups(self, s: Session, counts: dict[tuple[str, str], int],
                     since: datetime) -> dict[tuple[str, str], StormGroupRow]:
        """Groups still live (a member within the window) on any key this page has."""
        live: dict[tuple[str, str], StormGroupRow] = {}
        for account, keys in _key_chunks(counts):
            for g in groups_on_keys_since(s, account, keys, since):
                live[(account, g.key)] = g  # the newest wins
        return live

    def _counts(self, s: Session, rows: list[dict[str, object]],
                since: datetime) -> dict[tuple[str, str], int]:
        """Marks per key in the window (this page's included), for the keys of this page."""
        out: dict[tuple[str, str], int] = {}
        for account, keys in _key_chunks((str(r["account"]), str(r["key"])) for r in rows):
            for key, n in mark_counts_since(s, account, keys, since).items():
                out[(account, key)] = n
        return out

    def _start(self, s: Session, m: Mention, d: Decision, sh: frozenset[int],
               mark: tuple[str, str], placement: Placement, now: datetime) -> StormGroupRow:
        kind, key = mark
        label = LABELS[kind].format(key.removeprefix("link:"))
        group = StormGroupRow(platform=m.platform, account=m.account, key=key, kind=kind,
                              label=label[:300], shingles=sorted(sh) if kind == "text" else [],
                              started_at=now, last_at=now, dirty=True, updated_at=None,
                              hide_by="", hide_by_name="", hide_at=None)
        s.add(group)
        s.flush()
        # Its one alert: queued like a mention's (routed, held out of hours or in a pause).
        insert_ignore(s, AlertRow.__table__, {  # type: ignore[arg-type]
            "kind": "storm", "dedupe_key": group_key(group.id), "mention_id": None,
            "payload": {"group": group.id}, "channel": placement.channel,
            "state": AlertState.HELD if placement.hold else AlertState.PENDING,
            "hold_reason": placement.hold,
            "attempts": 0, "next_attempt_at": now, "last_error": "", "created_at": now})
        log.warning("storm: more than %d %s for %s within %s; folding them into one alert "
                    "(group %d)", self.config.threshold, label, m.account, self.config.window,
                    group.id)
        return group

    def _member(self, group: StormGroupRow, mention_id: int, d: Decision,
                now: datetime) -> dict[str, object]:
        flagged = bool(HIDEABLE & set(d.categories))
        group.last_at = now
        group.dirty = True
        return {"mention_id": mention_id, "group_id": group.id, "rank": int(d.max_severity),
                "flagged": flagged, "added_at": now,
                # "Hide all flagged" was asked for this storm: it covers latecomers too.
                "hide_state": "queued" if flagged and group.hide_at is not None else "",
                "hide_note": ""}


def _key_chunks(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """(account, its keys) in lists short enough for an IN on either engine."""
    by_account: dict[str, set[str]] = {}
    for account, key in pairs:
        by_account.setdefault(account, set()).add(key)
    for account, keys in by_account.items():
        ordered = sorted(keys)
        for start in range(0, len(ordered), IN_CHUNK):
            yield account, ordered[start:start + IN_CHUNK]


def prune_marks(s: Session, now: datetime) -> int:
    """Marks only matter within the window; a day's worth is kept for the curious."""
    return delete_marks_before(s, now - MARKS_KEPT)
