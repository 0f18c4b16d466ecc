"""The small rules under moderation, without the network: X's length count, the complaint
deadline over bank holidays, what a modal asks for."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.core.calendar import OfficeHours, holiday_calendar, parse_days, parse_hhmm
from bot.moderation.complaints import acknowledge_by
from bot.moderation.outgoing import X_LIMIT, chars_left, weighted_length
from bot.slack import modal_blocks as mb

HOURS = OfficeHours(tz=ZoneInfo("Europe/London"), days=parse_days("Mon-Fri"),
                    opens=parse_hhmm("09:00"), closes=parse_hhmm("17:00"),
                    calendar=holiday_calendar("GB-ENG"))


def test_x_counts_every_link_as_23_characters() -> None:
    link = "https://www.nsft.nhs.uk/" + "a" * 200
    assert weighted_length(f"See {link} now", "x") == len("See  now") + 23
    assert weighted_length(f"See {link} now", "facebook") == len(f"See {link} now")
    assert chars_left("x" * 280, "x", "reply", "reply") == 0
    assert chars_left("x" * 300, "x", "dm", "reply") > 0  # a DM is not a tweet
    assert X_LIMIT == 280


def test_complaint_deadline_skips_weekends_and_bank_holidays() -> None:
    # Thursday 24 December 2026: Christmas Day, the weekend and the Boxing Day substitute
    # (Monday 28th) do not count, so the third working day is Thursday 31st.
    received = datetime(2026, 12, 24, 11, 0, tzinfo=UTC)
    assert acknowledge_by(HOURS, received) == datetime(2026, 12, 31, 17, 0, tzinfo=UTC)
    # In summer time the closing is 16:00 UTC.
    assert acknowledge_by(HOURS, datetime(2026, 7, 6, 9, tzinfo=UTC)) == datetime(
        2026, 7, 9, 16, 0, tzinfo=UTC)


def test_unticking_tell_needs_a_reason_and_metadata_round_trips() -> None:
    assert mb.reason_errors({mb.TELL: [], mb.NO_TELL: " "}) == {
        mb.NO_TELL: "Say why the author is not told first."}
    assert mb.reason_errors({mb.TELL: [mb.TELL_YES]}) == {}
    assert mb.reason_errors({mb.TELL: [], mb.NO_TELL: "police advice"}) == {}
    meta = mb.Meta(mention_id=7, action="block", generation=3, channel="C1", name="Pat")
    assert mb.Meta.load(meta.dump()) == meta
    view = mb.build_reason_modal(meta, what="comment", where="Facebook",
                                 tell_text="Hi <!channel>", tell_blocked=None)
    assert len(view["private_metadata"]) < 3000 and len(view["title"]["text"]) <= 24
    preview = next(b for b in view["blocks"] if b["type"] == "section")["text"]
    # The author's name is shown as plain text: nothing in it can ping or link.
    assert (preview["type"], preview["text"]) == ("plain_text", "Hi <!channel>")
