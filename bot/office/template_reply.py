"""`/feedwatch templates`: the policy's reply templates, by title, filled in as sent."""

from __future__ import annotations

from typing import Any

from bot.slack.template_blocks import NAME_SHOWN, build_template_list
from policy.model import Policy


def template_list(policy: Policy) -> dict[str, Any]:
    return build_template_list([(tid, policy.template_title(tid),
                                 policy.render(tid, name=NAME_SHOWN))
                                for tid in policy.templates])
