"""The one catalogue of moderation actions: each described once, and every button in it."""

from __future__ import annotations

from bot.core import moderation_actions as catalogue
from bot.slack import action_ids as A


def test_each_action_is_named_once() -> None:
    ids = [a.id for a in catalogue.CATALOGUE]
    action_ids = [a.action_id for a in catalogue.CATALOGUE if a.action_id]
    assert len(ids) == len(set(ids))
    assert len(action_ids) == len(set(action_ids))


def test_every_moderation_button_is_in_the_catalogue() -> None:
    # Revealing masked details, opening the post and the menus that hold the steps are not
    # moderation actions themselves.
    not_moderation = {A.REVEAL_PI, A.OPEN_ORIGINAL, *A.MENUS}
    assert set(A.ALL) - not_moderation <= set(catalogue.BY_ACTION_ID)


def test_what_the_service_relies_on() -> None:
    # Telling the author first only makes sense for actions that change the post or its author,
    # and a message to the author can never be repeated blindly after a crash.
    assert catalogue.TELL_FIRST <= catalogue.IDEMPOTENT
    assert not catalogue.SENDS & catalogue.IDEMPOTENT
    assert set(catalogue.LEAD_LIMITABLE) == {"delete", "block", "report_police"}
    assert all(a.verb for a in catalogue.CATALOGUE)
    assert catalogue.MUTE.platforms == frozenset({"x"})
