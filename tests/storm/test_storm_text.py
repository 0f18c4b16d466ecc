"""What a pile-on's posts share (bot/storm/similarity.py): shingles, Jaccard, bands, links,
threads."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot.core.models import Author, Mention, X
from bot.storm.similarity import BANDS, bands, jaccard, marks, normal_link, shingles, words
from tests.slack.test_properties import PROPERTY, long_text, odd_text, urls

COPY = "@NSFTtweets you are all useless and should be sacked, every one of you"


def test_normalising_drops_case_handles_links_and_punctuation() -> None:
    assert words("@NSFTtweets You ARE useless!! https://t.co/x") == ["you", "are", "useless"]


def test_near_copies_are_at_least_point_eight_and_different_posts_are_not() -> None:
    copy = shingles(COPY)
    assert jaccard(copy, shingles("@NSFTtweets YOU are all useless and should be sacked, every "
                                  "one of you!!!")) == 1.0
    assert jaccard(copy, shingles("@NSFTtweets you are all useless and should be sacked, every "
                                  "one of you lot")) >= 0.8
    assert jaccard(copy, shingles("@NSFTtweets the car park at Hellesdon is full again, "
                                  "no spaces")) < 0.1
    assert jaccard(shingles("@NSFTtweets how do I complain about my care coordinator?"),
                   shingles("@NSFTtweets how do I complain about the Rose ward staff?")) < 0.8


def test_near_copies_share_a_band_and_bands_are_stable() -> None:
    a = shingles(COPY)
    b = shingles(COPY + " lot")
    assert set(bands(a)) & set(bands(b))
    assert bands(a) == bands(shingles(COPY))  # the same in every process: they are stored
    assert bands(frozenset()) == []


def test_the_same_link_however_it_is_written() -> None:
    assert (normal_link("https://www.Example.com/petition/?utm_source=x#top")
            == normal_link("http://example.com/petition") == "example.com/petition")
    assert normal_link("https://example.com/p?id=7") != normal_link("https://example.com/p?id=8")


def mention(**kw: object) -> Mention:
    base: dict[str, object] = dict(platform=X, account="nsft", external_id="2", kind="reply",
                                   author=Author(id="9"), text=COPY,
                                   created_at=datetime(2026, 11, 24, tzinfo=UTC))
    return Mention(**{**base, **kw})  # type: ignore[arg-type]


def test_marks_name_the_thread_links_and_text_and_never_a_dm() -> None:
    m = mention(conversation_id="1", links=("https://example.com/a",))
    kinds = [k for k, _ in marks(m, shingles(m.text))]
    assert kinds == ["thread", "link"] + ["text"] * BANDS
    alone = mention(conversation_id="2")  # a post that starts its own conversation
    assert {k for k, _ in marks(alone, shingles(alone.text))} == {"text"}
    assert marks(mention(kind="dm"), shingles(COPY)) == []


def _mention(text: str, links: tuple[str, ...], conversation: str) -> Mention:
    return Mention(platform=X, account="nsft", external_id="1", kind="reply",
                   author=Author(id="9", handle="p", name="P", url=""), text=text,
                   created_at=datetime(2026, 11, 24, tzinfo=UTC), links=links,
                   conversation_id=conversation)


@PROPERTY
@given(long_text, st.lists(urls, max_size=8), odd_text)
def test_any_text_gives_bounded_keys_and_never_raises(text: str, links: list[str],
                                                      conversation: str) -> None:
    """Hostile input: lone surrogates, RTL, zero-width, huge texts, odd URLs."""
    sh = shingles(text)
    assert len(bands(sh)) in (0, BANDS)
    assert 0.0 <= jaccard(sh, shingles(text[::-1])) <= 1.0
    for kind, key in marks(_mention(text, tuple(links), conversation), sh):
        assert kind in ("thread", "link", "text") and 0 < len(key) <= 300
    for link in links:
        normal_link(link)
