"""The `kiosk` command: run the terminal, and the catalog, OCR, diagnostics and config tools."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from kiosk.config import ConfigError, load_config


def _print_json(data: object, out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _open_catalog(args: argparse.Namespace):
    from catalog.build import ensure_bundle
    from catalog.store import CatalogStore

    config = load_config(Path(args.config) if args.config else None)
    bundle = Path(args.bundle) if getattr(args, "bundle", None) else config.bundle_path
    if not getattr(args, "bundle", None) and not config.catalog.bundle:
        info = ensure_bundle(
            Path(config.catalog.source),
            bundle,
            warn=lambda message: print(f"kiosk: warning: {message}", file=sys.stderr),
        )
        if info is not None:
            print(f"kiosk: built catalog bundle {info.version} ({info.items} items) at {bundle}", file=sys.stderr)
    if not getattr(args, "bundle", None):
        from kiosk.catalog_service import catalog_in_use

        bundle = catalog_in_use(config)  # an installed update, when updates are on and one opens
    return CatalogStore(bundle)


def cmd_catalog_build(args: argparse.Namespace) -> int:
    """Validate the catalog source and compile a bundle."""
    from catalog.build import build_from_source

    config = load_config(Path(args.config) if args.config else None)
    source = Path(args.source or config.catalog.source)
    out = Path(args.out) if args.out else config.bundle_path
    info = build_from_source(source, out)
    print(
        f"built catalog {info.version}: {info.items} items, {info.features} index features, "
        f"{info.took_ms / 1000:.1f} s -> {info.path}"
    )
    return 0


def cmd_catalog_stats(args: argparse.Namespace) -> int:
    """Print the catalog's counts."""
    with _open_catalog(args) as store:
        stats = store.stats()
    if args.json:
        _print_json(stats, sys.stdout)
    else:
        po = stats["post_office"]
        print(
            f"catalog {stats['version']}: {stats['total']} items, {stats['self_service']} self-service, "
            f"{po['total']} at post offices ({po['personal']} personal, {po['enterprise']} enterprise), "
            f"{stats['departments']} departments, {stats['themes']} themes"
        )
    return 0


def cmd_catalog_export(args: argparse.Namespace) -> int:
    """Write every item as one JSON line."""
    with _open_catalog(args) as store:
        for record in store.records():
            _print_json(record, sys.stdout)
    return 0


def cmd_catalog_search(args: argparse.Namespace) -> int:
    """Search the catalog, one query or one per input line."""
    from catalog.search import SearchFilters

    filters = SearchFilters(audience=args.audience, channel=args.channel, department=args.department, theme=args.theme)
    with _open_catalog(args) as store:
        engine = store.search

        def run(query: str) -> dict[str, object]:
            started = time.perf_counter()
            hits = engine.search(query, limit=args.limit, filters=filters)
            took = (time.perf_counter() - started) * 1000
            return {"query": query, "results": [h.as_json() for h in hits], "took_ms": round(took, 3)}

        if args.stdin:
            for line in sys.stdin:
                _print_json(run(line.rstrip("\r\n")), sys.stdout)
                sys.stdout.flush()
            return 0
        if args.query is None:
            print("kiosk catalog search: give a QUERY or --stdin", file=sys.stderr)
            return 2
        result = run(args.query)
        if args.json:
            _print_json(result, sys.stdout)
        else:
            for n, hit in enumerate(result["results"], start=1):
                print(f"{n:2}. {hit['name']}  [{hit['department']}]  {hit['id']}  score {hit['score']:.2f}")
            if not result["results"]:
                print("no matching items")
        return 0


def cmd_catalog_publish(args: argparse.Namespace) -> int:
    """Publish (catalog.cli_publish), then with --nudge tell the fleet."""
    from catalog.cli_publish import cmd_publish

    code = cmd_publish(args)
    return cmd_catalog_nudge(args) if code == 0 and args.nudge else code


def cmd_catalog_nudge(args: argparse.Namespace) -> int:
    """A retained MQTT message on the fleet topic: every terminal, connected now or later, checks at once."""
    from catalog.tuf_repo import published_target
    from kiosk.fleet import FleetError, publish_nudge

    config = load_config(Path(args.config) if args.config else None)
    found = published_target(Path(args.repo))
    if found is None:
        print(f"kiosk: nothing is published in {args.repo}", file=sys.stderr)
        return 2
    version = str(found[1].get("version", ""))
    try:
        nudge = publish_nudge(config.mqtt, version)
    except FleetError as exc:
        print(f"kiosk: the fleet was not nudged: {exc}", file=sys.stderr)
        return 1
    print(json.dumps({"nudged": nudge}, ensure_ascii=False))
    return 0


def cmd_catalog_update(args: argparse.Namespace) -> int:
    """Check the update server (once, or every check_seconds) and install a new catalog (the terminal's side)."""
    from urllib.parse import urlsplit

    from kiosk.catalog_service import terminal_updater

    config = load_config(Path(args.config) if args.config else None)
    if args.repo_url:
        if urlsplit(args.repo_url).scheme not in ("http", "https"):
            print(f"kiosk: --repo-url {args.repo_url!r} must be an http:// or https:// address", file=sys.stderr)
            return 2
        config = replace(config, catalog=replace(config.catalog, update_url=args.repo_url))
    if not config.catalog.update_url:
        print("kiosk: catalog updates are off: set [catalog] update_url (or give --repo-url)", file=sys.stderr)
        return 2
    if not config.trusted_root_path.is_file():
        print(
            f"kiosk: the trusted root {config.trusted_root_path} is missing: copy the repository's "
            "metadata/1.root.json there (catalog.trusted_root)",
            file=sys.stderr,
        )
        return 2
    updater = terminal_updater(config)
    while True:
        result = updater.check()
        print(json.dumps(result.as_json(), ensure_ascii=False), flush=True)
        if args.once:
            return 1 if result.status == "failed" else 0
        time.sleep(config.catalog.check_seconds)


def cmd_config_show(args: argparse.Namespace) -> int:
    """Print the effective configuration."""
    config = load_config(Path(args.config) if args.config else None)
    if args.json:
        _print_json(config.as_dict(), sys.stdout)
        return 0
    print(f"# effective configuration (from {config.origin} and KIOSK_* environment variables)")
    for section, values in config.as_dict().items():
        print(f"\n[{section}]")
        for key, value in values.items():
            print(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Start the terminal application (or, with --tour, photograph every screen and exit)."""
    from kiosk.logs import setup_logging
    from kiosk.single_instance import AlreadyRunning, InstanceLock

    config = load_config(Path(args.config) if args.config else None)
    if args.devices:
        config = replace(config, devices=replace(config.devices, mode=args.devices))
    if args.tour:
        store = _open_catalog(args)
        from ui.tour import run_tour

        return run_tour(config, store, Path(args.tour))
    from kiosk.recovery import private_folder

    private_folder(config.data_dir)  # before anything is written into it
    setup_logging(config.data_dir / "logs")
    lock = InstanceLock(config.data_dir / "kiosk.lock")
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 3
    from kiosk.local_hub import start_local_hub, stop_local_hub
    from kiosk.recovery import mark_clean_stop, recover

    hub = None
    try:
        # After a crash or power cut: the interrupted session's files go, the outbox is checked (kiosk.recovery).
        recover(config.data_dir, config.outbox_path, config.audit_path)
        store = _open_catalog(args)
        hub = start_local_hub(config)  # the embedded default: a hub on this machine when none is configured
        from ui.app import run_app  # Qt is imported only when the GUI starts

        code = run_app(config, store, windowed=args.windowed or config.ui.windowed, smoke=args.smoke)
        mark_clean_stop(config.data_dir)  # run_app wiped the session on its way out
        return code
    finally:
        stop_local_hub(hub)
        lock.release()


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Check the audit log's chain: exit 0 when every record is intact and in order, 1 when one is not."""
    from kiosk.audit import AuditError, verify

    config = load_config(Path(args.config) if args.config else None)
    path = Path(args.log) if args.log else config.audit_path
    try:
        verdict = verify(path)
    except AuditError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    if args.json:
        _print_json({"log": str(path), "records": verdict.records, "ok": verdict.ok,
                     "first_bad": verdict.first_bad or None, "reason": verdict.reason}, sys.stdout)  # fmt: skip
    elif verdict.ok:
        print(f"{path}: {verdict.records} records, chain intact")
    else:
        print(f"{path}: record {verdict.first_bad} {verdict.reason} ({verdict.records} intact before it)")
    return 0 if verdict.ok else 1


def cmd_diagnose(args: argparse.Namespace) -> int:
    """The technician's device checks, headless; exit 1 when a required device fails."""
    from devices.registry import build_devices
    from kiosk.diagnostics import ActionLog, build_report, hub_reachability, report_html, write_report

    config = load_config(Path(args.config) if args.config else None)
    devices = build_devices(config, mode=args.devices)
    try:
        checks = devices.checks(settle=5.0)
    finally:
        devices.close()
    hub = hub_reachability(config.hub.url, ca_file=config.hub.ca_file)
    failed_required = [c.device for c in checks if not c.ok and devices.required.get(c.device, False)]
    ActionLog(config.data_dir / "technician-actions.jsonl").record("diagnose", ok=not failed_required)
    if args.report:
        with _open_catalog(args) as store:
            report = build_report(config.terminal.id, store.stats(), checks, devices.required, config.data_dir, hub)
        path = write_report(report, Path(args.report))
        from ui.qt import QGuiApplication  # the PDF is drawn with Qt (fonts, layout); offscreen is fine

        if QGuiApplication.instance() is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            app = QGuiApplication([])  # noqa: F841 - kept alive while the PDF is written
        from ui.printing import render_pdf

        render_pdf(report_html(report), f"{config.terminal.id} {report['created_at']}", path.with_suffix(".pdf"))
        print(f"report written: {path} and {path.with_suffix('.pdf').name}", file=sys.stderr)
    if args.json:
        _print_json(
            {
                "mode": args.devices or config.devices.mode,
                "ok": not failed_required,
                "devices": [
                    {
                        "device": c.device,
                        "ok": c.ok,
                        "required": devices.required.get(c.device, False),
                        "summary": c.summary,
                        "details": c.details,
                    }
                    for c in checks
                ],
                "hub": hub,
            },
            sys.stdout,
        )
    else:
        for c in checks:
            need = "required" if devices.required.get(c.device) else "optional"
            print(f"{'OK  ' if c.ok else 'FAIL'} {c.device:<10} ({need}) {c.summary}")
        print(f"{'OK  ' if hub['reachable'] else 'FAIL'} {'hub':<10} (optional) {hub['url']} {hub['detail']}")
    return 1 if failed_required else 0


def cmd_prepare(args: argparse.Namespace) -> int:
    """Build what the terminal needs before its first start: the catalog bundle and the pinyin dictionary."""
    from kiosk.ime.dictionary import build_dictionary, catalog_extra_words
    from kiosk.ime.engine import DictionaryError, PinyinIME

    config = load_config(Path(args.config) if args.config else None)
    with _open_catalog(args) as store:
        path = config.data_dir / "ime" / "pinyin.sqlite"
        try:
            PinyinIME(path).close()
            print(f"pinyin dictionary ready: {path}")
        except (DictionaryError, OSError):
            started = time.perf_counter()
            build_dictionary(path, catalog_extra_words(store.records()))
            print(f"built pinyin dictionary in {time.perf_counter() - started:.1f} s: {path}")
        print(f"catalog {store.version} ready: {store.path}")
    _prepare_document_camera_footage(config)
    return 0


def _prepare_document_camera_footage(config) -> None:
    """The simulated document camera's footage (a synthetic ID card brought into view), if it has none yet."""
    from kiosk.footage import footage_dir, has_footage, write_approach_footage

    folder = footage_dir(config.data_dir / "sim")  # the folder devices/registry.py plays in sim mode
    if has_footage(folder):
        print(f"document camera footage ready: {folder}")
        return
    started = time.perf_counter()
    written, _truth = write_approach_footage(folder)
    print(f"wrote {len(written)} frames of document camera footage in {time.perf_counter() - started:.1f} s: {folder}")


def cmd_technician_set_pin(args: argparse.Namespace) -> int:
    """Set the technician PIN (asked twice, never echoed)."""
    import getpass

    from kiosk.technician import TechnicianLock, set_pin_interactive

    config = load_config(Path(args.config) if args.config else None)
    lock = TechnicianLock(config.pin_path, config.technician.lockout_seconds)
    read = getpass.getpass if sys.stdin.isatty() else (lambda prompt: sys.stdin.readline().rstrip("\r\n"))
    return set_pin_interactive(lock, read)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `kiosk` command."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Post-office government service terminal")
    parser.add_argument("--config", help="TOML config file (default: $KIOSK_CONFIG or /etc/kiosk/kiosk.toml)")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="start the terminal application")
    run.add_argument("--windowed", action="store_true", help="a normal window instead of fullscreen")
    run.add_argument("--devices", choices=("sim", "real"), help="device drivers (default from config)")
    run.add_argument("--tour", metavar="DIR", help="save a screenshot of every screen, language and mode, then exit")
    run.add_argument(
        "--smoke",
        action="store_true",
        help="start as usual, check that the home screen and the catalog search work, report them with the OCR "
        "engines, face models, consultation media, hub and a portal page as one JSON line, then exit: 0 when the "
        "home screen and the search work",
    )
    run.set_defaults(func=cmd_run)

    diagnose = sub.add_parser("diagnose", help="check the devices (non-zero exit if a required one fails)")
    diagnose.add_argument("--json", action="store_true")
    diagnose.add_argument("--devices", choices=("sim", "real"), help="device drivers (default from config)")
    diagnose.add_argument("--report", metavar="DIR", help="also write the report as JSON and PDF into DIR")
    diagnose.set_defaults(func=cmd_diagnose)

    prepare = sub.add_parser(
        "prepare", help="build the catalog bundle, the pinyin dictionary and the sim camera footage if needed"
    )
    prepare.set_defaults(func=cmd_prepare)

    technician = sub.add_parser("technician", help="technician access").add_subparsers(
        dest="technician_command", required=True
    )
    set_pin = technician.add_parser("set-pin", help="set the PIN of the hidden technician entry")
    set_pin.set_defaults(func=cmd_technician_set_pin)

    catalog = sub.add_parser("catalog", help="the service catalog").add_subparsers(
        dest="catalog_command", required=True
    )
    build = catalog.add_parser("build", help="validate the source and compile a bundle")
    build.add_argument("--source", help="source folder (default: the bundled sample catalog)")
    build.add_argument("--out", help="bundle file to write (default: the configured bundle)")
    build.set_defaults(func=cmd_catalog_build)

    from catalog.cli_publish import add_parser as add_publish_parser  # keys-init, publish, resign-timestamp

    add_publish_parser(catalog)
    catalog.choices["publish"].add_argument(
        "--nudge", action="store_true", help="then tell the fleet over MQTT ([mqtt] settings) to update now"
    )
    catalog.choices["publish"].set_defaults(func=cmd_catalog_publish)
    update = catalog.add_parser("update", help="check the update server and install a new catalog (terminal)")
    update.add_argument("--repo-url", metavar="URL", help="repository base URL (default: [catalog] update_url)")
    update.add_argument("--once", action="store_true", help="check once; exit 1 if the check failed")
    update.set_defaults(func=cmd_catalog_update)
    nudge = catalog.add_parser("nudge", help="tell the fleet over MQTT that the published catalog is out")
    nudge.add_argument("--repo", required=True, metavar="DIR", help="the repository folder")
    nudge.set_defaults(func=cmd_catalog_nudge)

    for name, func, text in (
        ("stats", cmd_catalog_stats, "counts"),
        ("export", cmd_catalog_export, "all items"),
        ("search", cmd_catalog_search, "search items"),
    ):
        p = catalog.add_parser(name, help=text)
        p.add_argument("--bundle", help="bundle file (default: the configured bundle)")
        p.set_defaults(func=func)
        if name == "stats":
            p.add_argument("--json", action="store_true")
        if name == "export":
            p.add_argument("--format", choices=("jsonl",), default="jsonl")
        if name == "search":
            p.add_argument("query", nargs="?")
            p.add_argument("--json", action="store_true")
            p.add_argument("--limit", type=int, default=10)
            p.add_argument("--stdin", action="store_true", help="one query per input line, one JSON line each")
            p.add_argument("--audience", choices=("personal", "enterprise"))
            p.add_argument("--channel", choices=("self_service", "post_office"))
            p.add_argument("--department", help="department id or name")
            p.add_argument("--theme", help="life-event theme, e.g. 就业")

    from kiosk.ocr.cli import add_parser as add_ocr_parser

    add_ocr_parser(sub)

    from kiosk.face.cli import add_parser as add_face_parser

    add_face_parser(sub)

    from hub.cli import add_parser as add_hub_parser  # lazy like the others: kiosk never imports hub at load

    add_hub_parser(sub)

    from kiosk.outbox_cli import add_parser as add_outbox_parser

    add_outbox_parser(sub)

    audit = sub.add_parser("audit", help="the tamper-evident audit log").add_subparsers(
        dest="audit_command", required=True
    )
    check = audit.add_parser("verify", help="check that no record was changed, removed or reordered")
    check.add_argument("--log", help="the log file (default: <data_dir>/audit.jsonl)")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=cmd_audit_verify)

    config = sub.add_parser("config", help="configuration").add_subparsers(dest="config_command", required=True)
    show = config.add_parser("show", help="print the effective configuration")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_config_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `kiosk` command."""
    from catalog.problems import CatalogInvalid
    from catalog.search import SearchError
    from catalog.store import CatalogBundleError
    from kiosk.frozen import restore_system_library_path

    restore_system_library_path()  # the bundle's loader path is for this process, not for tesseract or gcc
    from kiosk.malloc import limit_arenas

    limit_arenas()  # before the worker threads: freed memory stays reusable instead of kept per thread (RSS flat)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "run"])
    try:
        return args.func(args)
    except (ConfigError, CatalogInvalid, CatalogBundleError, SearchError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
