"""Facebook sends no language tag: the detector reads a Polish comment as not English, so it
is flagged for a person, and a Welsh crisis comment is crisis."""

from __future__ import annotations

from sqlalchemy import select

from bot.store.schema import DecisionRow
from tests.platforms.facebook.conftest import FbWorld

PAGE = "NSFT Mental Health"


def decisions(world: FbWorld) -> dict[int, DecisionRow]:
    with world.db.session() as s:
        return {d.mention_id: d for d in s.execute(select(DecisionRow)).scalars()}


def test_comments_in_other_languages_are_flagged_and_crisis_found(world: FbWorld) -> None:
    post = world.fake.add_post(PAGE, "Our new wellbeing hub opens today")
    world.fake.add_comment(post["id"], "Ola", "Kiedy będzie otwarte w weekend?")
    world.clock.advance(60)
    world.fake.add_comment(post["id"], "Rhys", "Dw i ddim eisiau byw rhagor")
    world.clock.advance(60)
    world.fake.add_comment(post["id"], "Sam", "Will it be open at the weekend?")
    assert world.poll("nsft", "comments").new == 3
    by_text = {r.text: decisions(world)[r.id] for r in world.stored()}
    assert by_text["Kiedy będzie otwarte w weekend?"].categories == ["unread_language"]
    welsh = by_text["Dw i ddim eisiau byw rhagor"]
    assert welsh.categories[0] == "crisis" and welsh.action == "escalate"
    assert "unread_language" not in by_text["Will it be open at the weekend?"].categories
