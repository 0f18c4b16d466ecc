"""Who does a violent act, when it is not a person: "the antibiotics will kill them all",
"the frost should wipe them out". A medicine, a chemical or the weather as the subject of
the act makes the sentence a report of what it does to germs, cells, weeds or pests, so
neither a threat, nor a call to violence, nor a call to kill a group.
"""

from __future__ import annotations

from policy.detectors.base import Analysis

# Words that may stand between the subject and its verb ("will soon kill", "should all").
_BETWEEN = frozenset({"will", "would", "should", "shall", "can", "could", "might", "may",
                      "must", "is", "are", "was", "were", "going", "gonna", "to", "has",
                      "have", "had", "soon", "probably", "definitely", "easily", "just",
                      "quickly", "eventually", "hopefully", "all", "usually", "normally",
                      "always", "often", "then", "also", "not", "never", "'ll", "ll"})


def done_by_a_thing(a: Analysis, s: int) -> bool:
    """The act starting at token s has a medicine, chemical or the weather as its subject:
    the thing ends at most four words before s, with only auxiliaries and adverbs between."""
    toks = a.doc.tokens
    sent = a.doc.sents[s]
    for gs, ge in a.get("AGENT"):
        if ge <= s and s - ge <= 4 and a.doc.sents[gs] == sent and all(
                t in _BETWEEN for t in toks[ge:s]):
            return True
    return False
