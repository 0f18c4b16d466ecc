"""Test-only entry points: the bot run as a real child process against the fakes, for the crash,
multi-process and benchmark suites (`python -m bot.sandbox.testing.child`, `instance`,
`run_fakes`, the WSGI apps gunicorn loads in those tests, and `container_smoke`, which CI runs
inside the built image). Never used by `feedwatch`.
"""
