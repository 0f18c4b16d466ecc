"""Numbers and read-only views: `/feedwatch stats`, the open queue and an author's history, the
audit export and the weekly chart's drawing.

May import: `core/`, `store/`, `platforms/`, `slack/`, `alerts/`, `policy`.
"""
