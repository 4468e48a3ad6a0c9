"""The terminal's configuration: built-in defaults, one TOML file, environment overrides, validated at start."""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kiosk.allowlist import AllowList, AllowListError

CONFIG_ENV = "KIOSK_CONFIG"
DEFAULT_CONFIG_FILES = (Path("/etc/kiosk/kiosk.toml"),)
BUNDLED_CATALOG_SOURCE = Path(__file__).resolve().parent.parent / "catalog" / "source"

# Home-screen modules. A module whose flow is not built yet cannot be enabled: its tile appears with its flow.
MODULES = (
    "search",
    "self_service",
    "consult",
    "pickup",
    "status",
    "social_insurance",
    "smart_approval",
    "portal_gba",
    "portal_gdzwfw",
    "portal_market",
    "portal_yss",
)
AVAILABLE_MODULES = (
    "search",
    "self_service",
    "status",
    "pickup",
    "social_insurance",
    "consult",
    "portal_gba",
    "portal_gdzwfw",
    "portal_market",
    "portal_yss",
)
PORTALS = ("portal_gba", "portal_gdzwfw", "portal_market", "portal_yss")
FACE_CHALLENGES = ("blink", "turn_left", "turn_right", "nod")  # kiosk.face.liveness.CHALLENGES


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "kiosk")


@dataclass(frozen=True)
class TerminalConfig:
    """Who this terminal is."""

    id: str = "hp-demo-01"
    site: str = "黄埔区邮政政务服务网点（演示）"
    data_dir: str = ""


@dataclass(frozen=True)
class CatalogConfig:
    """Where the catalog comes from."""

    source: str = str(BUNDLED_CATALOG_SOURCE)
    bundle: str = ""  # default: <data_dir>/catalog/current.sqlite
    update_url: str = ""  # the signed (TUF) repository's base URL; empty: no updates
    trusted_root: str = ""  # the root.json shipped with the terminal; default: <data_dir>/catalog/trusted-root.json
    check_seconds: int = 900  # how often to look for a new catalog (MQTT nudges check at once)


@dataclass(frozen=True)
class UiConfig:
    """How the application window starts and looks."""

    windowed: bool = False
    language: str = "zh_CN"
    width: int = 1920
    height: int = 1080
    show_cursor: bool = False
    elderly_default: bool = False


@dataclass(frozen=True)
class SessionConfig:
    """When an unattended session is wiped."""

    idle_seconds: int = 60
    warning_seconds: int = 20


@dataclass(frozen=True)
class VoiceConfig:
    """Spoken guidance (offline text to speech)."""

    enabled: bool = True
    mandarin_voice: str = "cmn-latn-pinyin"  # espeak-ng 1.51's "cmn" reads pinyin in English
    cantonese_voice: str = "yue"
    english_voice: str = "en"
    speed: int = 150


@dataclass(frozen=True)
class ModulesConfig:
    """Which home-screen modules are shown."""

    enabled: tuple[str, ...] = AVAILABLE_MODULES


@dataclass(frozen=True)
class TechnicianConfig:
    """The hidden technician entry."""

    pin_file: str = ""  # default: <data_dir>/technician.json
    lockout_seconds: int = 30


@dataclass(frozen=True)
class FaceConfig:
    """Face verification against the ID card photo: the match threshold (descriptor distance; `kiosk face
    calibrate` picks one from a deployment's own labelled pairs), the liveness challenges and their time limit,
    how many live frames are averaged, and the smallest face width (pixels) before "move closer"."""

    threshold: float = 0.59  # kiosk.face.matcher.DEFAULT_THRESHOLD: calibrated by bench/face.py for FMR <= 0.1 %
    liveness_seconds: int = 10
    challenges: tuple[str, ...] = FACE_CHALLENGES
    frames: int = 3
    min_face_px: int = 120


@dataclass(frozen=True)
class PortalConfig:
    """One embedded portal: its start page and the hosts it may reach."""

    url: str = ""
    hosts: tuple[str, ...] = ()


@dataclass(frozen=True)
class HubConfig:
    """The service hub this terminal talks to (`kiosk hub serve` runs the reference one locally)."""

    url: str = "http://127.0.0.1:8700"
    token_file: str = ""  # default: <data_dir>/hub-token (`kiosk hub add-terminal ID --token-file F` writes it)
    serve_local: bool = True  # no hub answering on a loopback url: start the reference one here (embedded default)
    ca_file: str = ""  # CA certificate(s) an https hub's certificate is checked against (empty: the system's CAs)


@dataclass(frozen=True)
class A4PrinterConfig:
    """A4 documents through CUPS: a queue name (empty: the system default) and a scheduler (empty: local)."""

    enabled: bool = True
    destination: str = ""
    server: str = ""


@dataclass(frozen=True)
class DevicesConfig:
    """Which device drivers to use: `sim` runs every real driver against its simulator."""

    mode: str = "sim"


@dataclass(frozen=True)
class IdCardDeviceConfig:
    """The ID card reader on a serial port."""

    driver: str = "serial"
    port: str = "/dev/ttyUSB0"
    baudrate: int = 115200
    wlt_library: str = ""  # the reader vendor's WLT photo decoder (libwlt.so); empty: photo unavailable
    required: bool = True


@dataclass(frozen=True)
class PrinterDeviceConfig:
    """The ESC/POS receipt printer: driver "network" (host, port 9100), "serial" (serial_port, baudrate) or
    "usb" (usb_vendor, usb_product as hex ids, e.g. "0416" and "5011")."""

    driver: str = "network"
    host: str = "192.168.1.60"
    port: int = 9100
    serial_port: str = "/dev/ttyUSB1"
    baudrate: int = 115200
    usb_vendor: str = "0416"
    usb_product: str = "5011"
    required: bool = True


@dataclass(frozen=True)
class CameraDeviceConfig:
    """The face camera: a device index ("0"), a device path or an RTSP/HTTP URL."""

    driver: str = "opencv"
    source: str = "0"
    width: int = 640
    height: int = 480
    fps: int = 15
    required: bool = True


@dataclass(frozen=True)
class DocumentCameraDeviceConfig:
    """The document camera (高拍仪) looking down at the reading surface: index, device path or URL."""

    driver: str = "opencv"
    source: str = "1"
    width: int = 1280
    height: int = 960
    fps: int = 15
    required: bool = True


@dataclass(frozen=True)
class AudioDeviceConfig:
    """Speaker and microphone (PortAudio device names or numbers; empty means the system default)."""

    driver: str = "sounddevice"
    output: str = ""
    input: str = ""
    required: bool = False


@dataclass(frozen=True)
class ScannerDeviceConfig:
    """The QR/barcode scanner on a serial port."""

    driver: str = "serial"
    port: str = "/dev/ttyACM0"
    baudrate: int = 9600
    required: bool = False


@dataclass(frozen=True)
class FingerVeinDeviceConfig:
    """The finger-vein scanner through its vendor's SDK library (empty: /opt/fingervein/lib/libfvsdk.so)."""

    driver: str = "sdk"
    library: str = ""
    device_index: int = 0
    match_threshold: int = 60  # FV_Match scores run 0..100
    required: bool = False


@dataclass(frozen=True)
class MqttConfig:
    """The fleet link (kiosk.fleet): heartbeats to and catalog nudges from an MQTT broker. Off by default: the
    embedded default has no broker, so a terminal only talks MQTT once a deployment configures one."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 1883
    tls: bool = False
    ca_file: str = ""  # empty with tls: the system's trusted CAs
    cert_file: str = ""  # client certificate and key for mutual TLS (both or neither)
    key_file: str = ""
    username: str = ""
    password_file: str = ""  # mode 0600; read at each connection attempt, so a rotated password needs no restart
    topic_prefix: str = "kiosk/v1"
    heartbeat_seconds: int = 60
    keepalive: int = 30


_GDZWFW = ("www.gdzwfw.gov.cn", "gdzwfw.gov.cn")
SECTIONS: dict[str, type] = {
    "terminal": TerminalConfig,
    "catalog": CatalogConfig,
    "ui": UiConfig,
    "session": SessionConfig,
    "voice": VoiceConfig,
    "modules": ModulesConfig,
    "technician": TechnicianConfig,
    "hub": HubConfig,
    "a4_printer": A4PrinterConfig,
    "devices": DevicesConfig,
    "face": FaceConfig,
    "portal_gba": PortalConfig,
    "portal_gdzwfw": PortalConfig,
    "portal_market": PortalConfig,
    "portal_yss": PortalConfig,
    "device_idcard": IdCardDeviceConfig,
    "device_printer": PrinterDeviceConfig,
    "device_scanner": ScannerDeviceConfig,
    "device_camera": CameraDeviceConfig,
    "device_doccamera": DocumentCameraDeviceConfig,
    "device_audio": AudioDeviceConfig,
    "device_fingervein": FingerVeinDeviceConfig,
    "mqtt": MqttConfig,
}
SECTION_DEFAULTS: dict[str, Any] = {
    "portal_gba": PortalConfig("https://www.gdzwfw.gov.cn/portal/gba/", _GDZWFW),
    "portal_gdzwfw": PortalConfig("https://www.gdzwfw.gov.cn/portal/branch-hall?orgCode=440112", _GDZWFW),
    "portal_market": PortalConfig("https://zjcs.gdzwfw.gov.cn/", ("zjcs.gdzwfw.gov.cn",)),
    "portal_yss": PortalConfig("https://www.gdzwfw.gov.cn/portal/yss/", _GDZWFW),
}
CHOICES = {("ui", "language"): ("zh_CN", "zh_HK", "en"), ("devices", "mode"): ("sim", "real")}
RANGES = {
    ("catalog", "check_seconds"): (10, 86400),
    ("ui", "width"): (320, 7680),
    ("ui", "height"): (320, 7680),
    ("session", "idle_seconds"): (10, 3600),
    ("session", "warning_seconds"): (5, 120),
    ("voice", "speed"): (80, 400),
    ("technician", "lockout_seconds"): (1, 86400),
    ("device_printer", "port"): (1, 65535),
    ("device_printer", "baudrate"): (1200, 921600),
    ("device_idcard", "baudrate"): (1200, 921600),
    ("device_scanner", "baudrate"): (1200, 921600),
    ("device_camera", "fps"): (1, 60),
    ("device_camera", "width"): (160, 4096),
    ("device_camera", "height"): (120, 4096),
    ("device_doccamera", "fps"): (1, 60),
    ("device_doccamera", "width"): (160, 4096),
    ("device_doccamera", "height"): (120, 4096),
    ("device_fingervein", "device_index"): (0, 15),
    ("device_fingervein", "match_threshold"): (1, 100),
    ("face", "threshold"): (0.2, 1.0),
    ("face", "liveness_seconds"): (3, 60),
    ("face", "frames"): (1, 10),
    ("face", "min_face_px"): (80, 1000),
    ("mqtt", "port"): (1, 65535),
    ("mqtt", "heartbeat_seconds"): (5, 3600),
    ("mqtt", "keepalive"): (5, 3600),
}


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message names the key and the source."""


@dataclass(frozen=True)
class Config:
    """The effective configuration."""

    terminal: TerminalConfig = field(default_factory=TerminalConfig)
    catalog: CatalogConfig = field(default_factory=CatalogConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    session: SessionConfig = field(default_factory=SessionConfig)
    voice: VoiceConfig = field(default_factory=VoiceConfig)
    modules: ModulesConfig = field(default_factory=ModulesConfig)
    technician: TechnicianConfig = field(default_factory=TechnicianConfig)
    hub: HubConfig = field(default_factory=HubConfig)
    a4_printer: A4PrinterConfig = field(default_factory=A4PrinterConfig)
    devices: DevicesConfig = field(default_factory=DevicesConfig)
    face: FaceConfig = field(default_factory=FaceConfig)
    portal_gba: PortalConfig = SECTION_DEFAULTS["portal_gba"]
    portal_gdzwfw: PortalConfig = SECTION_DEFAULTS["portal_gdzwfw"]
    portal_market: PortalConfig = SECTION_DEFAULTS["portal_market"]
    portal_yss: PortalConfig = SECTION_DEFAULTS["portal_yss"]
    device_idcard: IdCardDeviceConfig = field(default_factory=IdCardDeviceConfig)
    device_printer: PrinterDeviceConfig = field(default_factory=PrinterDeviceConfig)
    device_scanner: ScannerDeviceConfig = field(default_factory=ScannerDeviceConfig)
    device_camera: CameraDeviceConfig = field(default_factory=CameraDeviceConfig)
    device_doccamera: DocumentCameraDeviceConfig = field(default_factory=DocumentCameraDeviceConfig)
    device_audio: AudioDeviceConfig = field(default_factory=AudioDeviceConfig)
    device_fingervein: FingerVeinDeviceConfig = field(default_factory=FingerVeinDeviceConfig)
    mqtt: MqttConfig = field(default_factory=MqttConfig)
    origin: str = "built-in defaults"

    @property
    def data_dir(self) -> Path:
        """Where the terminal keeps its state."""
        return Path(self.terminal.data_dir or _default_data_dir())

    @property
    def bundle_path(self) -> Path:
        """The catalog bundle the terminal opens."""
        return Path(self.catalog.bundle) if self.catalog.bundle else self.data_dir / "catalog" / "current.sqlite"

    @property
    def catalog_bundles_dir(self) -> Path:
        """Where catalog updates are installed (catalog.installed: versioned bundles and current.json)."""
        return self.data_dir / "catalog" / "bundles"

    @property
    def catalog_metadata_dir(self) -> Path:
        """The TUF metadata this terminal has verified so far (rollback and freeze protection)."""
        return self.data_dir / "catalog" / "tuf"

    @property
    def trusted_root_path(self) -> Path:
        """The update repository's root metadata this terminal trusts from the start."""
        if self.catalog.trusted_root:
            return Path(self.catalog.trusted_root)
        return self.data_dir / "catalog" / "trusted-root.json"

    @property
    def pin_path(self) -> Path:
        """Where the technician PIN's hash is kept."""
        return Path(self.technician.pin_file) if self.technician.pin_file else self.data_dir / "technician.json"

    @property
    def hub_token_path(self) -> Path:
        """Where this terminal's hub token is kept."""
        return Path(self.hub.token_file) if self.hub.token_file else self.data_dir / "hub-token"

    @property
    def outbox_path(self) -> Path:
        """The durable outbox of submissions waiting for the hub."""
        return self.data_dir / "outbox.sqlite3"

    @property
    def audit_path(self) -> Path:
        """The tamper-evident audit log."""
        return self.data_dir / "audit.jsonl"

    def portal(self, module: str) -> PortalConfig:
        """One portal module's settings."""
        return getattr(self, module)

    def as_dict(self) -> dict[str, dict[str, Any]]:
        """Every section and key with its effective value."""
        out = {
            name: {f.name: _plain(getattr(getattr(self, name), f.name)) for f in fields(cls)}
            for name, cls in SECTIONS.items()
        }
        out["terminal"]["data_dir"] = str(self.data_dir)
        out["catalog"]["bundle"] = str(self.bundle_path)
        out["catalog"]["trusted_root"] = str(self.trusted_root_path)
        out["technician"]["pin_file"] = str(self.pin_path)
        return out


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _coerce(section: str, key: str, value: Any, expected: str, where: str, from_env: bool) -> Any:
    name = f"{section}.{key}"
    if expected == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return value.lower() in ("1", "true", "yes", "on")
    elif expected == "int":
        number = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
            number = int(value)
        if number is not None:
            low, high = RANGES.get((section, key), (None, None))
            if low is not None and not low <= number <= high:
                raise ConfigError(f"{where}: {name} must be between {low} and {high}, got {number}")
            return number
    elif expected == "float":
        number = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        if number is not None and math.isfinite(number):
            low, high = RANGES.get((section, key), (None, None))
            if low is not None and not low <= number <= high:
                raise ConfigError(f"{where}: {name} must be between {low} and {high}, got {number}")
            return number
        expected = "a number"
    elif expected == "tuple[str, ...]":
        if from_env and isinstance(value, str):  # a list in an environment variable is comma-separated
            value = [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
    elif isinstance(value, str):
        allowed = CHOICES.get((section, key))
        if allowed and value not in allowed:
            raise ConfigError(f"{where}: {name} must be one of {', '.join(allowed)}, got {value!r}")
        return value
    kind = {"tuple[str, ...]": "a list of strings"}.get(expected, expected)
    raise ConfigError(f"{where}: {name} must be {kind}, got {value!r}")


def _apply(config: Config, section: str, key: str, value: Any, where: str, from_env: bool = False) -> Config:
    cls = SECTIONS.get(section)
    if cls is None:
        raise ConfigError(f"{where}: unknown section [{section}] (known: {', '.join(SECTIONS)})")
    types = {f.name: str(f.type) for f in fields(cls)}
    if key not in types:
        raise ConfigError(f"{where}: unknown key {section}.{key} (known: {', '.join(types)})")
    new_section = replace(getattr(config, section), **{key: _coerce(section, key, value, types[key], where, from_env)})
    return replace(config, **{section: new_section})


# An MQTT topic prefix: plain levels, no wildcards (+ #), no $SYS-style leading "$", no empty level.
_TOPIC_PREFIX = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")


def check_mqtt(mqtt: MqttConfig, where: str) -> None:
    """ConfigError naming the key if the [mqtt] settings cannot work together (also for `kiosk hub serve`)."""
    if not _TOPIC_PREFIX.match(mqtt.topic_prefix):
        raise ConfigError(
            f"{where}: mqtt.topic_prefix {mqtt.topic_prefix!r} must be topic levels of letters, digits, _ . - "
            "separated by / (no wildcards, no leading or trailing /), e.g. kiosk/v1"
        )
    if mqtt.enabled and not mqtt.host.strip():
        raise ConfigError(f"{where}: mqtt.host must name the broker when mqtt.enabled is true")
    if bool(mqtt.cert_file) != bool(mqtt.key_file):
        raise ConfigError(f"{where}: mqtt.cert_file and mqtt.key_file go together (mutual TLS needs both)")
    for key in ("ca_file", "cert_file"):
        if getattr(mqtt, key) and not mqtt.tls:
            raise ConfigError(f"{where}: mqtt.{key} is set but mqtt.tls is false (turn TLS on or remove it)")
    if mqtt.password_file and not mqtt.username:
        raise ConfigError(f"{where}: mqtt.password_file needs mqtt.username")
    if mqtt.enabled and not mqtt.tls and not is_loopback(mqtt.host):
        raise ConfigError(
            f"{where}: mqtt.tls must be true for a broker on another machine ({mqtt.host}): the terminal's password "
            "and the fleet's messages must not cross the network in clear"
        )


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine (localhost, 127.0.0.0/8, ::1): the only place plain text may go."""
    import ipaddress

    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(config: Config) -> None:
    for key in ("usb_vendor", "usb_product"):
        value = getattr(config.device_printer, key)
        if not (len(value) == 4 and all(c in "0123456789abcdefABCDEF" for c in value)):
            raise ConfigError(f"{config.origin}: device_printer.{key} {value!r} must be 4 hex digits (e.g. 0416)")
    hub = urlsplit(config.hub.url) if config.hub.url else None
    if hub is not None and (hub.scheme not in ("http", "https") or not hub.hostname):
        raise ConfigError(f"{config.origin}: hub.url {config.hub.url!r} must be an http:// or https:// address")
    # Submissions carry names, ID numbers and document pictures: off this machine they travel only over TLS.
    if hub is not None and hub.scheme == "http" and not is_loopback(hub.hostname or ""):
        raise ConfigError(
            f"{config.origin}: hub.url {config.hub.url!r} must be https:// for a hub on another machine "
            "(personal data travels to it); plain http:// is for a hub on this machine only"
        )
    if config.hub.ca_file and not Path(config.hub.ca_file).is_file():
        raise ConfigError(f"{config.origin}: hub.ca_file {config.hub.ca_file!r} is not a readable file")
    update = urlsplit(config.catalog.update_url) if config.catalog.update_url else None
    if update is not None and (update.scheme not in ("http", "https") or not update.hostname):
        raise ConfigError(
            f"{config.origin}: catalog.update_url {config.catalog.update_url!r} must be an http:// or https:// address"
        )
    for module in config.modules.enabled:
        if module not in MODULES:
            raise ConfigError(
                f"{config.origin}: modules.enabled: unknown module {module!r} (known: {', '.join(MODULES)})"
            )
        if module not in AVAILABLE_MODULES:
            raise ConfigError(
                f"{config.origin}: modules.enabled: module {module!r} is not available in this "
                f"version yet (available: {', '.join(AVAILABLE_MODULES)})"
            )
    check_mqtt(config.mqtt, config.origin)
    if not config.face.challenges:
        raise ConfigError(f"{config.origin}: face.challenges must name at least one challenge")
    for challenge in config.face.challenges:
        if challenge not in FACE_CHALLENGES:
            known = ", ".join(FACE_CHALLENGES)
            raise ConfigError(f"{config.origin}: face.challenges: unknown challenge {challenge!r} (known: {known})")
    for portal in PORTALS:
        settings = config.portal(portal)
        if portal in config.modules.enabled and (not settings.url or not settings.hosts):
            raise ConfigError(f"{config.origin}: [{portal}] needs a url and at least one allowed host")
        try:
            allow = AllowList.parse(settings.hosts)
        except AllowListError as exc:
            raise ConfigError(f"{config.origin}: {portal}.hosts: {exc}") from None
        if settings.url and not allow.allows_navigation(settings.url):
            raise ConfigError(f"{config.origin}: {portal}.url {settings.url!r} is not on its own allowed hosts")


def load_config(path: Path | None = None, environ: dict[str, str] | None = None) -> Config:
    """Defaults, then the TOML file (KIOSK_CONFIG or /etc/kiosk/kiosk.toml if present), then KIOSK_* variables."""
    env = os.environ if environ is None else environ
    config = Config()
    if path is None and env.get(CONFIG_ENV):
        path = Path(env[CONFIG_ENV])
    if path is None:
        path = next((p for p in DEFAULT_CONFIG_FILES if p.is_file()), None)
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"config file {path} does not exist") from exc
        except OSError as exc:
            raise ConfigError(f"config file {path} cannot be read: {exc.strerror or exc}") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
        for section, values in data.items():
            if not isinstance(values, dict):
                raise ConfigError(f"{path}: {section} must be a [section] table")
            for key, value in values.items():
                config = _apply(config, section, key, value, str(path))
        config = replace(config, origin=str(path))
    for name, value in sorted(env.items()):
        if name.startswith("KIOSK_") and name != CONFIG_ENV:
            # KIOSK_* belongs to this program: a misspelt variable is an error, not silently ignored.
            section, key = _env_section_key(name)
            config = _apply(config, section, key, value, f"environment variable {name}", from_env=True)
    _check(config)
    return config


def _env_section_key(name: str) -> tuple[str, str]:
    """KIOSK_PORTAL_GBA_URL -> ("portal_gba", "url"): the longest known section prefix wins."""
    rest = name[len("KIOSK_") :].lower()
    for section in sorted(SECTIONS, key=len, reverse=True):
        if rest.startswith(section + "_"):
            return section, rest[len(section) + 1 :]
    section, _, key = rest.partition("_")
    return section, key
