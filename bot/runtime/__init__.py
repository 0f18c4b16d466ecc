"""Running the bot: building every service once from Settings, the Bolt app, the scheduler's
jobs, the HTTP server and WSGI entry point, the heartbeat, logging and the policy reload.

May import: anything in `bot` except `cli/` and `sandbox/`, plus `handlers` and `policy`.
"""
