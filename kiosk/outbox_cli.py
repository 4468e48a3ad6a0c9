"""`kiosk outbox status` and `kiosk outbox deliver`: what waits for the hub, and delivering it by hand (a
technician after an outage, or the supervisor's tests). Counts and times only: never what a submission holds."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kiosk.config import load_config


def _open(args: argparse.Namespace):
    from kiosk.outbox import Outbox

    config = load_config(Path(args.config) if args.config else None)
    return config, Outbox(Path(args.outbox) if args.outbox else config.outbox_path)


def cmd_status(args: argparse.Namespace) -> int:
    """Print how many submissions wait and since when."""
    _, outbox = _open(args)
    with outbox:
        report = outbox.stats()
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"waiting: {report['waiting']}, delivered: {report['delivered']}, oldest waiting: "
            f"{report['oldest_waiting_s']} s, last error: {report['last_error'] or '-'}"
        )
    return 0


def cmd_deliver(args: argparse.Namespace) -> int:
    """Deliver what is due now (once), or keep going until the outbox is empty or the time is up."""
    from kiosk.audit import AuditLog
    from kiosk.delivery import Delivery
    from kiosk.hub_client import HubClient

    config, outbox = _open(args)
    hub = HubClient(
        args.hub or config.hub.url, token_path=Path(args.token_file) if args.token_file else config.hub_token_path
    )
    delivery = Delivery(outbox, lambda: hub, AuditLog(config.audit_path))
    deadline = time.monotonic() + args.timeout
    with outbox:
        while True:
            delivered = delivery.run_once()
            print(json.dumps({"delivered": delivered, "waiting": outbox.depth()}), flush=True)
            if args.once or outbox.depth() == 0:
                break
            if time.monotonic() > deadline:
                print(f"kiosk: {outbox.depth()} still waiting: {delivery.last_error}", file=sys.stderr)
                return 1
            time.sleep(args.interval)
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    """The `outbox` subcommands."""
    outbox = sub.add_parser("outbox", help="submissions waiting for the hub").add_subparsers(
        dest="outbox_command", required=True
    )
    status = outbox.add_parser("status", help="how many submissions wait, and since when")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)
    deliver = outbox.add_parser("deliver", help="deliver what waits (retries honour the backoff)")
    deliver.add_argument("--once", action="store_true", help="one round only")
    deliver.add_argument("--timeout", type=float, default=600.0, help="give up after this many seconds")
    deliver.add_argument("--interval", type=float, default=1.0, help="seconds between rounds")
    deliver.add_argument("--hub", help="hub URL (default: hub.url)")
    deliver.add_argument("--token-file", help="the terminal's token file (default: hub.token_file)")
    deliver.set_defaults(func=cmd_deliver)
    for parser in (status, deliver):
        parser.add_argument("--outbox", help="the outbox database (default: <data_dir>/outbox.sqlite3)")
