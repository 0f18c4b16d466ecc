"""The public's personal data: finding, exporting and erasing a person's data, retention purges,
and revealing masked details to a moderator (audited).

May import: everything below it (`core/` ... `ingest/`) and `policy`.
"""
