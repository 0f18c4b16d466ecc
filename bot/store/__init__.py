"""The database: schema, migrations, engine and sessions, named queries, the hash-chained audit
log, when an alert counts as closed, and coordination between several bot processes.

May import: `core/`, `policy`.
"""
