"""`kiosk hub serve`, `kiosk hub add-terminal` and `kiosk hub add-clerk`: run the hub and give out its credentials."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from kiosk.config import Config, MqttConfig, load_config

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8700


def _config(args: argparse.Namespace) -> Config:
    return load_config(Path(args.config) if getattr(args, "config", None) else None)


def db_url(args: argparse.Namespace, config: Config) -> str:
    """--db, else $KIOSK_HUB_DB, else SQLite at <data_dir>/hub.sqlite3."""
    from hub.db import DB_ENV, sqlite_url

    return args.db or os.environ.get(DB_ENV) or sqlite_url(config.data_dir / "hub.sqlite3")


def _engine(url: str):
    from hub.db import make_engine

    return make_engine(url)


def _catalog_bundle(config: Config) -> Path:
    """The bundle the terminals get, built from the bundled source first when it is the default one."""
    bundle = config.bundle_path
    if not config.catalog.bundle:
        from catalog.build import ensure_bundle

        info = ensure_bundle(
            Path(config.catalog.source), bundle, warn=lambda m: print(f"kiosk: warning: {m}", file=sys.stderr)
        )
        if info is not None:
            print(f"kiosk: built catalog bundle {info.version} ({info.items} items) at {bundle}", file=sys.stderr)
    return bundle


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the hub until SIGTERM or SIGINT."""
    from hub.app import create_app
    from hub.consult_ws import ConsultSettings, ice_servers, turn_rest
    from hub.server import print_url, serve

    config = _config(args)
    try:
        tls = _tls(args)
        mqtt_settings = _mqtt_settings(args, config)
        turn = turn_rest(args.turn or [], args.turn_secret_file)
        if turn is not None and (args.turn_username or args.turn_credential):
            raise ValueError("--turn-secret-file and --turn-username/--turn-credential exclude each other")
        static_turn = [] if turn is not None else args.turn or []
        ice = ice_servers(args.stun or [], static_turn, args.turn_username, args.turn_credential)
    except ValueError as exc:
        print(f"kiosk hub serve: {exc}", file=sys.stderr)
        return 2
    app = create_app(
        db_url(args, config),
        key_path=Path(args.key_file) if args.key_file else None,
        catalog_bundle=_catalog_bundle(config),
        slot_capacity=args.slot_capacity,
        consult=ConsultSettings(ice_servers=ice, turn_rest=turn),
    )
    listener = None
    if mqtt_settings is not None:
        from hub.fleet_mqtt import FleetListener

        listener = FleetListener(app.fastapi.state.hub.engine, mqtt_settings)
        try:
            listener.start()
        except (OSError, ValueError) as exc:  # unusable TLS or password files
            print(f"kiosk hub serve: cannot listen to the fleet over MQTT: {exc}", file=sys.stderr)
            return 2
        scheme = "mqtts" if mqtt_settings.tls else "mqtt"
        where = f"{scheme}://{mqtt_settings.host}:{mqtt_settings.port}/{mqtt_settings.topic_prefix}"
        print(f"kiosk hub: listening to the fleet at {where}", file=sys.stderr)
    try:
        return serve(app, args.host, args.port, print_url, tls)
    finally:
        if listener is not None:
            listener.stop()


def _tls(args: argparse.Namespace):
    """The --tls-cert/--tls-key pair (both or neither, both readable), or None for plain http."""
    from hub.server import Tls

    if not (args.tls_cert or args.tls_key):
        return None
    if not (args.tls_cert and args.tls_key):
        raise ValueError("--tls-cert and --tls-key go together")
    for path in (args.tls_cert, args.tls_key):
        if not Path(path).is_file():
            raise ValueError(f"{path}: no such file")
    return Tls(args.tls_cert, args.tls_key)


def _mqtt_settings(args: argparse.Namespace, config: Config) -> MqttConfig | None:
    """The fleet listener's MQTT settings: [mqtt] from the config, with the --mqtt-* options over it; None
    without --mqtt-host (the listener runs only when asked for)."""
    from dataclasses import replace

    from kiosk.config import check_mqtt

    if not args.mqtt_host:
        return None
    options = {
        "port": args.mqtt_port,
        "ca_file": args.mqtt_ca_file,
        "cert_file": args.mqtt_cert_file,
        "key_file": args.mqtt_key_file,
        "username": args.mqtt_username,
        "password_file": args.mqtt_password_file,
        "topic_prefix": args.mqtt_topic_prefix,
    }
    settings = replace(
        config.mqtt,
        enabled=True,
        host=args.mqtt_host,
        tls=args.mqtt_tls or config.mqtt.tls,
        **{key: value for key, value in options.items() if value is not None},
    )
    if not 1 <= settings.port <= 65535:
        raise ValueError(f"--mqtt-port must be between 1 and 65535, got {settings.port}")
    check_mqtt(settings, "--mqtt-* options over " + config.origin)  # ConfigError is a ValueError
    return settings


def _write_private(path: Path, text: str) -> None:
    """Write `text` to `path` with mode 0600 from the start (never readable by others, not even briefly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".hub-token-", dir=path.parent)  # mkstemp makes it 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_add_terminal(args: argparse.Namespace) -> int:
    """Create a terminal or rotate its token; print the token or write it to --token-file."""
    from hub.terminals import add_terminal

    config = _config(args)
    try:
        token = add_terminal(_engine(db_url(args, config)), args.terminal_id)
    except ValueError as exc:
        print(f"kiosk hub add-terminal: {exc}", file=sys.stderr)
        return 2
    if args.token_file:
        _write_private(Path(args.token_file), token + "\n")
        print(f"token of terminal {args.terminal_id} written to {args.token_file}", file=sys.stderr)
    else:
        print(token)
    return 0


def _read_password() -> str:
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise ValueError("the two passwords differ")
    return first


def cmd_add_clerk(args: argparse.Namespace) -> int:
    """Create a clerk or set a clerk's password (read from stdin)."""
    from hub.clerks import add_clerk

    config = _config(args)
    try:
        add_clerk(_engine(db_url(args, config)), args.name, _read_password())
    except ValueError as exc:
        print(f"kiosk hub add-clerk: {exc}", file=sys.stderr)
        return 2
    print(f"clerk {args.name} can log in at /clerk/", file=sys.stderr)
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add `hub serve`, `hub add-terminal` and `hub add-clerk` to the `kiosk` command's subcommands."""
    hub = sub.add_parser("hub", help="the service hub").add_subparsers(dest="hub_command", required=True)
    db_help = "sqlite:///FILE or postgresql+psycopg://... (default: $KIOSK_HUB_DB or <data_dir>/hub.sqlite3)"

    serve = hub.add_parser("serve", help="serve the terminals' API and the clerks' console")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free port (the URL is printed)")
    serve.add_argument("--db", help=db_help)
    serve.add_argument("--key-file", help="the hub's HMAC key (default: $KIOSK_HUB_KEY_FILE or hub.key by the db)")
    serve.add_argument("--slot-capacity", type=int, default=2, help="home pickups per hourly slot")
    tls = serve.add_argument_group("TLS", "serve https:// and wss:// (required when terminals reach it over a network)")
    tls.add_argument("--tls-cert", metavar="PEM", help="the hub's certificate chain")
    tls.add_argument("--tls-key", metavar="PEM", help="its private key")
    fleet = serve.add_argument_group("fleet over MQTT", "listen to the terminals' heartbeats and presence")
    fleet.add_argument("--mqtt-host", help="the broker; starts the fleet listener (other defaults from [mqtt])")
    fleet.add_argument("--mqtt-port", type=int, help="default: mqtt.port (1883)")
    fleet.add_argument("--mqtt-tls", action="store_true", help="connect with TLS (verifying the broker)")
    fleet.add_argument("--mqtt-ca-file", help="CA certificate(s) the broker's certificate is checked against")
    fleet.add_argument("--mqtt-cert-file", help="client certificate, for mutual TLS (with --mqtt-key-file)")
    fleet.add_argument("--mqtt-key-file", help="client certificate's private key")
    fleet.add_argument("--mqtt-username")
    fleet.add_argument("--mqtt-password-file", help="a file (mode 0600) holding the password")
    fleet.add_argument("--mqtt-topic-prefix", help="default: mqtt.topic_prefix (kiosk/v1)")
    ice = serve.add_argument_group("video consultation", "ICE servers given to the terminal and the clerk's browser")
    ice.add_argument("--stun", action="append", metavar="URL", help="a STUN server, stun:HOST:PORT (repeatable)")
    ice.add_argument("--turn", action="append", metavar="URL", help="a TURN server, turn:HOST:PORT (repeatable)")
    ice.add_argument("--turn-username", metavar="U", help="the TURN servers' username")
    ice.add_argument("--turn-credential", metavar="C", help="the TURN servers' credential")
    ice.add_argument(
        "--turn-secret-file",
        metavar="FILE",
        help="the secret shared with the TURN servers (coturn's static-auth-secret): each side of each call gets "
        "its own time-limited credentials (the TURN REST API) instead of --turn-username/--turn-credential",
    )
    serve.set_defaults(func=cmd_serve)

    terminal = hub.add_parser("add-terminal", help="create a terminal or rotate its token")
    terminal.add_argument("terminal_id", metavar="ID")
    terminal.add_argument("--token-file", help="write the token to this file (mode 0600) instead of printing it")
    terminal.add_argument("--db", help=db_help)
    terminal.set_defaults(func=cmd_add_terminal)

    clerk = hub.add_parser("add-clerk", help="create a clerk or set their password (read from stdin)")
    clerk.add_argument("name", metavar="NAME")
    clerk.add_argument("--db", help=db_help)
    clerk.set_defaults(func=cmd_add_clerk)
