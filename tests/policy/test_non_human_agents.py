"""A medicine, a chemical or the weather as the subject of "kill" (policy/detectors/agents.py):
a report of what it does to germs, cells, weeds or pests, not a threat or a call to kill a
group; the same words with a person as the subject, or as a call, still count."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

_REMOVAL_KINDS = {"violence", "hate"}


def _flagged(engine: PolicyEngine, text: str) -> set[str]:
    return {f.category for f in engine.classify(text).flags} & _REMOVAL_KINDS


@pytest.mark.parametrize("text", [
    "The new antibiotics will kill them all",
    "The chemo should kill them all, the consultant said",
    "There are germs on the door handles. The disinfectant kills them all.",
    "Aphids all over my roses, the frost will kill them all",
    "Slugs again, the pellets did nothing but the weedkiller should wipe them out",
    "Radiotherapy will hopefully kill every one of them",
    "Penicillin would kill them all within a week",
])
def test_a_thing_that_kills_is_no_threat(engine: PolicyEngine, text: str) -> None:
    assert not _flagged(engine, text), text


@pytest.mark.parametrize(("text", "kind"), [
    ("Kill them all", "violence"),
    ("We will kill them all", "violence"),
    ("The soldiers should kill them all", "violence"),
    ("We should use bleach on them and kill them all", "violence"),
    ("Kill them all, every last one", "hate"),
])
def test_people_doing_or_called_to_kill_still_count(engine: PolicyEngine, text: str,
                                                      kind: str) -> None:
    assert kind in _flagged(engine, text), text
