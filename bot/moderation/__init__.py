"""Acting on a post: the moderation service (the only caller of platform write APIs), the
exactly-once ledger, the team's workflow (claim, escalate, report), the modals, the check on
what is sent out, evidence packs and media capture, and complaint follow-up.

May import: everything below it (`core/` ... `office/`) and `policy`.
"""
