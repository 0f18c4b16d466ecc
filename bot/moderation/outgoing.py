"""What the team sends out: the policy's templates filled in, and the check before sending.

The check runs the policy engine over the outgoing text (with the trust's own service numbers
and contact details taken out first, so they always pass) and refuses personal information
about anyone, clinical advice, discussion of an individual's care, abusive wording, and text
over the platform's limit, each with the reason. An approved template sent unedited passes.
"""

from __future__ import annotations

import re

from bot.core.models import FACEBOOK, KIND_DM, Author, Mention, X
from policy import categories as C
from policy.decision import Context, Decision
from policy.engine import PolicyEngine
from policy.model import Policy

X_LIMIT = 280
X_URL_WEIGHT = 23  # X counts every link as 23 characters (t.co)
MESSENGER_LIMIT = 2000
FB_COMMENT_LIMIT = 8000
X_DM_LIMIT = 10000
_URL = re.compile(r"https?://\S+|\bwww\.\S+", re.IGNORECASE)

REFUSE = frozenset({
    C.PERSONAL_INFO, C.CLINICAL_ADVICE, C.INDIVIDUAL_CARE, C.HATE, C.ABUSE, C.PROFANITY,
    C.SEXUAL, C.VIOLENCE, C.DEFAMATION, C.WEAPONS, C.TERRORISM, C.ILLEGAL, C.UPSETTING_LINK,
    C.FINANCIAL_GAIN,
})
_MEDS = (r"dose|doses|dosage|medication|medicine|meds|tablets?|pills?|antidepressants?|"
         r"sertraline|fluoxetine|citalopram|mirtazapine|quetiapine|olanzapine|lithium|"
         r"diazepam|zopiclone|venlafaxine|paracetamol")
# Our own wording giving advice: what the engine looks for in questions, turned round.
_ADVICE = (
    re.compile(rf"\b(?:take|taking|increase|decrease|reduce|lower|raise|stop|stopping|start|"
               rf"starting|double|halve|skip|come off|switch)\b[^.!?\n]{{0,40}}\b(?:{_MEDS})\b",
               re.IGNORECASE),
    re.compile(r"\b\d+(?:\.\d+)?\s?mg\b", re.IGNORECASE),
    re.compile(r"\byou (?:probably |may |might |clearly )?(?:have|are suffering from) "
               r"(?:depression|anxiety|bipolar|psychosis|schizophrenia|ptsd|adhd|ocd|autism|"
               r"an? \w+ disorder)\b", re.IGNORECASE),
)
_CARE = re.compile(
    r"\b(?:your|his|her|their|the patient's)\s+(?:care plan|care co-?ordinator|records?|notes|"
    r"referral|discharge|diagnosis|medication|treatment|appointment|admission|ward|"
    r"consultant|psychiatrist|assessment|section)\b", re.IGNORECASE)


def first_name(author: Author) -> str:
    name = (author.name or "").strip().split(" ")[0]
    return name or (f"@{author.handle}" if author.handle else "there")


def templates_for(policy: Policy, author: Author, *, x_reply: bool = False) -> dict[str, str]:
    """Every approved template, filled in for this author; for a public reply on X (280
    characters) each template's shorter X form where the policy has one."""
    name = first_name(author)
    return {tid: policy.render(tid, x_reply=x_reply, name=name) for tid in policy.templates}


def is_x_reply(platform: str, kind: str, action: str) -> bool:
    """A public reply on X: the one place held to 280 characters."""
    return platform == X and limit_for(platform, kind, action) == X_LIMIT


# What each action does, in the words sent to the author when the policy has no template for it.
_DONE_TO_THEM = {"hide": "hidden your post", "delete": "deleted your post",
                 "block": "blocked you from our account"}


def why_text(policy: Policy, mention: Mention, decision: Decision,
             action: str = "hide") -> tuple[str, str]:
    """(template id, text) telling the author why we act, saying what we do: before Hide the
    template of the most severe removal category flagged; before Delete or Block the policy's
    `removal_delete` / `removal_block` template naming that category (a hide template says
    "hidden", which would not be true). Without a template, the house rules in general."""
    name = first_name(mention.author)
    category = next((policy.categories[c] for c in decision.categories
                     if c in C.REMOVAL_CATEGORIES and c in policy.categories), None)
    if action == "hide" and category and category.template in policy.templates:
        return category.template, policy.render(category.template, name=name)
    per_action = f"removal_{action}"
    reason = category.title[:1].lower() + category.title[1:] if category else "our house rules"
    if action in ("delete", "block") and per_action in policy.templates:
        return per_action, policy.render(per_action, name=name, reason=reason)
    rules = policy.contacts.get("house_rules_url", "")
    done = _DONE_TO_THEM.get(action, "acted on your post")
    text = (f"Hi {name}, we have {done} because it does not follow our social media house "
            f"rules{': ' + rules if rules else '.'}")
    if action == "block":
        text = (f"Hi {name}, we have {done} because your posts do not follow our social media "
                f"house rules{': ' + rules if rules else '.'}")
    return "", text


def weighted_length(text: str, platform: str) -> int:
    if platform == X:
        return len(_URL.sub("x" * X_URL_WEIGHT, text))
    return len(text)


def limit_for(platform: str, kind: str, action: str) -> int:
    """Characters allowed for a reply ("reply") or private message ("private_message")."""
    if platform == X:
        return X_DM_LIMIT if action == "private_message" or kind == KIND_DM else X_LIMIT
    if platform == FACEBOOK and (action == "private_message" or kind == KIND_DM):
        return MESSENGER_LIMIT
    return FB_COMMENT_LIMIT


def chars_left(text: str, platform: str, kind: str, action: str) -> int:
    return limit_for(platform, kind, action) - weighted_length(text, platform)


def _mask_own_details(policy: Policy, text: str) -> str:
    """Take the trust's own numbers and contact details out before checking."""
    for number in policy.service_numbers.values():
        digits = number.digits
        if len(digits) >= 3:
            pattern = r"(?<!\d)" + r"[\s-]?".join(re.escape(d) for d in digits) + r"(?!\d)"
            text = re.sub(pattern, " the number ", text)
    for value in policy.contacts.values():
        if value and any(ch.isdigit() or ch in "@/" for ch in value):
            text = text.replace(value, " the contact ")
    return text


def check(engine: PolicyEngine, text: str, *, author: Author, platform: str, kind: str,
          action: str) -> str | None:
    """Why this text must not be sent, or None when it may."""
    stripped = text.strip()
    if not stripped:
        return "Write something to send."
    over = -chars_left(stripped, platform, kind, action)
    if over > 0:
        limit = limit_for(platform, kind, action)
        links = " (links count as 23)" if platform == X else ""
        return f"Too long: {limit + over} characters, {over} over the limit of {limit}{links}."
    norm = " ".join(stripped.split())
    approved = [*templates_for(engine.policy, author).values(),
                *templates_for(engine.policy, author, x_reply=True).values()]
    if norm in {" ".join(t.split()) for t in approved}:
        return None  # an approved template, unedited
    masked = _mask_own_details(engine.policy, stripped)
    decision = engine.classify(masked, Context(platform=platform, kind=kind))
    for flag in decision.flags:
        if flag.category in REFUSE:
            title = engine.policy.categories[flag.category].title
            quote = f" (“{flag.evidence}”)" if flag.evidence else ""
            return f"Not sent: it looks like {title.lower()}{quote}. Take that out and try again."
    for pattern in _ADVICE:
        hit = pattern.search(masked)
        if hit:
            return (f"Not sent: “{hit.group(0)}” reads as clinical advice, which the trust does "
                    "not give on social media. Point them to their care team, GP or 111 instead.")
    hit = _CARE.search(masked)
    if hit:
        return (f"Not sent: “{hit.group(0)}” discusses an individual's care, which the trust "
                "does not do on social media. Ask them to contact the team privately.")
    return None
