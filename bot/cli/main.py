"""The `feedwatch` command. Thin: parse arguments, call the module that does the work."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.core.config import ConfigError


def _run(args: argparse.Namespace) -> int:
    from bot.runtime.runner import run

    return run()


def _ingest(args: argparse.Namespace) -> int:
    from bot.core.roles import INGEST
    from bot.runtime.runner import run

    return run(role=INGEST)


def _serve(args: argparse.Namespace) -> int:
    from bot.core.roles import SERVE
    from bot.runtime.runner import run

    return run(role=SERVE)


def _db(args: argparse.Namespace) -> int:
    from bot.cli import db as db_cli

    if args.db_command == "upgrade":
        return db_cli.upgrade_command()
    if args.db_command == "downgrade":
        return db_cli.downgrade_command(args.revision)
    return db_cli.current_command()


def _check(args: argparse.Namespace) -> int:
    from bot.cli.check import run_checks

    return run_checks()


def _classify(args: argparse.Namespace) -> int:
    from bot.cli.classify import classify_jsonl, classify_text

    # The same POLICY_FILE the bot runs with, so `classify` shows what the bot would decide;
    # read here, since classify needs no other configuration.
    if args.policy is None and os.environ.get("POLICY_FILE", "").strip():
        args.policy = Path(os.environ["POLICY_FILE"].strip())
    if args.jsonl:
        return classify_jsonl(sys.stdin, sys.stdout, args.policy)
    if not args.text:
        print("feedwatch classify: give TEXT, or --jsonl to read lines from stdin",
              file=sys.stderr)
        return 2
    return classify_text(" ".join(args.text), args.policy, as_json=args.json)


def _policy_check(args: argparse.Namespace) -> int:
    from bot.cli.classify import check_policy_file

    return check_policy_file(Path(args.file))


def _demo(args: argparse.Namespace) -> int:
    from bot.sandbox.demo import run_demo

    return run_demo(check=args.check, port=args.port)


def _audit_verify(args: argparse.Namespace) -> int:
    from bot.cli.check import verify_audit

    return verify_audit()


def _subject_export(args: argparse.Namespace) -> int:
    from bot.cli.subject import export_command

    return export_command(args.handle, args.out)


def _subject_erase(args: argparse.Namespace) -> int:
    from bot.cli.subject import erase_command

    return erase_command(args.handle, args.yes, args.keep_slack)


def _overrides_export(args: argparse.Namespace) -> int:
    from bot.cli.check import export_overrides

    return export_overrides()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("feedwatch")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="feedwatch",
        description="Watches the trust's X and Facebook feeds and brings every mention to Slack "
        "with policy flags and moderation buttons.",
    )
    p.add_argument("--version", action="version", version=f"feedwatch {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    r = sub.add_parser("run", help="run the bot (Socket Mode if SLACK_APP_TOKEN is set, "
                       "else HTTP mode on $PORT)")
    r.set_defaults(func=_run)

    ing = sub.add_parser("ingest", help="poll, classify and deliver alerts, and the scheduled "
                         "work; run `feedwatch serve` beside it on the same database")
    ing.set_defaults(func=_ingest)
    srv = sub.add_parser("serve", help="answer Slack (buttons, modals, /feedwatch) only; "
                         "`feedwatch ingest` does the rest")
    srv.set_defaults(func=_serve)

    db = sub.add_parser("db", help="the database schema (migrations)")
    db_sub = db.add_subparsers(dest="db_command", metavar="SUBCOMMAND", required=True)
    db_sub.add_parser("upgrade", help="bring the schema to this version's newest").set_defaults(
        func=_db)
    db_sub.add_parser("current", help="the schema's revision; exit 1 if not the newest"
                      ).set_defaults(func=_db)
    dd = db_sub.add_parser("downgrade", help="go back to an older revision (before installing "
                           "an older feedwatch)")
    dd.add_argument("revision", help="e.g. 0005, or -1 for one step back")
    dd.set_defaults(func=_db)

    c = sub.add_parser("check", help="validate the configuration and test every connection")
    c.set_defaults(func=_check)

    k = sub.add_parser("classify", help="run the policy on a text (no configuration needed)")
    k.add_argument("text", nargs="*", help="the text to classify")
    k.add_argument("--jsonl", action="store_true",
                   help='read {"id","text"} lines on stdin; write one JSON line per input')
    k.add_argument("--json", action="store_true", help="print the decision as JSON")
    k.add_argument("--policy", type=Path, default=None,
                   help="policy file (default: $POLICY_FILE, else the bundled policy)")
    k.set_defaults(func=_classify)

    pol = sub.add_parser("policy", help="work with the policy file")
    pol_sub = pol.add_subparsers(dest="policy_command", metavar="SUBCOMMAND", required=True)
    pc = pol_sub.add_parser("check", help="validate a policy file; errors name their line")
    pc.add_argument("file")
    pc.set_defaults(func=_policy_check)

    d = sub.add_parser("demo", help="run the bot on the built-in offline sandbox")
    d.add_argument("--check", action="store_true",
                   help="run headless and exit 0 only if every mention reached exactly one "
                   "alert with the expected flags")
    d.add_argument("--port", type=int, default=3000, help="port for the demo page")
    d.set_defaults(func=_demo)

    a = sub.add_parser("audit", help="the audit log")
    a_sub = a.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    av = a_sub.add_parser("verify", help="prove the audit log's hash chain is intact")
    av.set_defaults(func=_audit_verify)

    sj = sub.add_parser("subject", help="a person's data: access and erasure requests")
    sj_sub = sj.add_subparsers(dest="subject_command", metavar="SUBCOMMAND", required=True)
    se = sj_sub.add_parser("export", help="everything stored about a person, as JSON")
    se.add_argument("handle", help="X @handle, Facebook name, or platform user id")
    se.add_argument("--out", type=Path, default=None, help="write to FILE instead of stdout")
    se.set_defaults(func=_subject_export)
    sx = sj_sub.add_parser("erase", help="erase a person's mentions and redact their alerts")
    sx.add_argument("handle", help="X @handle, Facebook name, or platform user id")
    sx.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    sx.add_argument("--keep-slack", action="store_true",
                    help="do not redact the Slack alerts (e.g. Slack is unreachable)")
    sx.set_defaults(func=_subject_erase)

    ov = sub.add_parser("overrides", help='"Flag is wrong" decisions, as labelled cases')
    ov_sub = ov.add_subparsers(dest="overrides_command", metavar="SUBCOMMAND", required=True)
    oe = ov_sub.add_parser("export", help="one JSON line per override (text, what the policy "
                           "said, what a person said and why)")
    oe.set_defaults(func=_overrides_export)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        # Every command that reads settings names what is wrong and stops, never a traceback.
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
