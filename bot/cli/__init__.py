"""The `feedwatch` command: thin argument parsing (`main`), and the commands that are not the
running bot: `check`, `classify`/`policy`, `subject`.

May import: anything (it is the top floor); `sandbox/` only for `feedwatch demo`.
"""
