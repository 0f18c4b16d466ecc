"""Getting alerts into Slack: the durable outbox (exactly one post per alert), updating an alert
in place after each step, and admin alerts for problems a person must fix.

May import: `core/`, `store/`, `platforms/`, `slack/` (the pure builders), `policy`.
"""
