"""Rules a trust adds in policy.yaml with a `terms` list: each term fires its rule."""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import counter_speech, negated

TERM_TAG = "TERM:"


def detect(a: Analysis) -> list[Hit]:
    hits: list[Hit] = []
    done: set[str] = set()
    for s, e, rule_id in a.prefixed(TERM_TAG):
        if rule_id in done or counter_speech(a, s) or negated(a, s, window=2):
            continue
        done.add(rule_id)
        hits.append(Hit(rule_id, s, e, 0.8, note="listed term"))
    return hits
