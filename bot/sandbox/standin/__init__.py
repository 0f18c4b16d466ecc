"""The local Slack stand-in: `feedwatch demo` serves the team channel, the public side and
scenario controls at http://127.0.0.1:3000, driving the real bot in HTTP mode with signed
Slack payloads. Sandbox only: never imported by `feedwatch run`.
"""
