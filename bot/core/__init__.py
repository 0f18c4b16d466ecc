"""The ground floor: domain objects, the clock, settings and their parsers, the office calendar,
the policy file loader and named crash points.

May import: the standard library, third-party packages and `policy`. Nothing else in `bot`.
"""
