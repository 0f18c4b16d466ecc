"""The comms team's working day: routing to channels, holding out of hours and releasing at
opening, the morning digest, the spike alert, the weekly report, crisis signposting out of
hours, who may moderate, and the answers to `/feedwatch` subcommands.

May import: everything below it (`core/`, `store/`, `platforms/`, `slack/`,
`alerts/`, `reports/`) and `policy`.
"""
