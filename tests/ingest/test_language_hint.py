"""The platform's language tag on a Mention reaches the policy as its language hint."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.models import KIND_MENTION, Author, Mention, X
from bot.core.policy_file import read_engine
from bot.ingest.pipeline import context_for


def mention(text: str, lang: str) -> Mention:
    return Mention(platform=X, account="nsft", external_id="1", kind=KIND_MENTION,
                   author=Author(id="7", handle="pat"), text=text,
                   created_at=datetime(2026, 12, 1, tzinfo=UTC), lang=lang)


def test_the_tag_decides_for_a_short_post_the_detector_reads_as_english() -> None:
    engine = read_engine()
    tagged = mention("Super, dziękuję", "pl")
    assert context_for(tagged).lang == "pl"
    d = engine.classify(tagged.text, context_for(tagged))
    [flag] = [f for f in d.flags if f.category == "unread_language"]
    assert "by the platform's language tag" in flag.explanation
    english = mention("Thank you, that is really helpful", "en")
    assert "unread_language" not in engine.classify(english.text, context_for(english)).categories
