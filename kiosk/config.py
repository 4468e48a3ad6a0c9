"""The terminal's configuration: built-in defaults, one TOML file, environment overrides, validated at start."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

CONFIG_ENV = "KIOSK_CONFIG"
DEFAULT_CONFIG_FILES = (Path("/etc/kiosk/kiosk.toml"),)
BUNDLED_CATALOG_SOURCE = Path(__file__).resolve().parent.parent / "catalog" / "source"


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


@dataclass(frozen=True)
class UiConfig:
    """How the application window starts."""

    windowed: bool = False
    language: str = "zh_CN"
    width: int = 1920
    height: int = 1080


@dataclass(frozen=True)
class DevicesConfig:
    """Which device drivers to use."""

    mode: str = "sim"


SECTIONS = {"terminal": TerminalConfig, "catalog": CatalogConfig, "ui": UiConfig, "devices": DevicesConfig}
CHOICES = {("ui", "language"): ("zh_CN", "zh_HK", "en"), ("devices", "mode"): ("sim", "real")}


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message names the key and the source."""


@dataclass(frozen=True)
class Config:
    """The effective configuration."""

    terminal: TerminalConfig
    catalog: CatalogConfig
    ui: UiConfig
    devices: DevicesConfig
    origin: str = "built-in defaults"

    @property
    def data_dir(self) -> Path:
        """Where the terminal keeps its state."""
        return Path(self.terminal.data_dir or _default_data_dir())

    @property
    def bundle_path(self) -> Path:
        """The catalog bundle the terminal opens."""
        return Path(self.catalog.bundle) if self.catalog.bundle else self.data_dir / "catalog" / "current.sqlite"

    def as_dict(self) -> dict[str, dict[str, Any]]:
        """Every section and key with its effective value."""
        out = {
            name: {f.name: getattr(getattr(self, name), f.name) for f in fields(cls)} for name, cls in SECTIONS.items()
        }
        out["terminal"]["data_dir"] = str(self.data_dir)
        out["catalog"]["bundle"] = str(self.bundle_path)
        return out


def _coerce(section: str, key: str, value: Any, expected: type, where: str) -> Any:
    if expected is bool:
        if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return value.lower() in ("1", "true", "yes", "on")
        if isinstance(value, bool):
            return value
    elif expected is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
    elif isinstance(value, str):
        allowed = CHOICES.get((section, key))
        if allowed and value not in allowed:
            raise ConfigError(f"{where}: {section}.{key} must be one of {', '.join(allowed)}, got {value!r}")
        return value
    raise ConfigError(f"{where}: {section}.{key} must be {expected.__name__}, got {value!r}")


def _apply(config: Config, section: str, key: str, value: Any, where: str) -> Config:
    cls = SECTIONS.get(section)
    if cls is None:
        raise ConfigError(f"{where}: unknown section [{section}] (known: {', '.join(SECTIONS)})")
    types = {f.name: f.type for f in fields(cls)}
    if key not in types:
        raise ConfigError(f"{where}: unknown key {section}.{key} (known: {', '.join(types)})")
    expected = {"str": str, "int": int, "bool": bool}[str(types[key])]
    if section == "ui" and key in ("width", "height"):
        number = _coerce(section, key, value, int, where)
        if not 320 <= number <= 7680:
            raise ConfigError(f"{where}: ui.{key} must be between 320 and 7680, got {number}")
        value = number
    new_section = replace(getattr(config, section), **{key: _coerce(section, key, value, expected, where)})
    return replace(config, **{section: new_section})


def load_config(path: Path | None = None, environ: dict[str, str] | None = None) -> Config:
    """Defaults, then the TOML file (KIOSK_CONFIG or /etc/kiosk/kiosk.toml if present), then KIOSK_* variables."""
    env = os.environ if environ is None else environ
    config = Config(**{name: cls() for name, cls in SECTIONS.items()})
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
            section, _, key = name[len("KIOSK_") :].lower().partition("_")
            # KIOSK_* belongs to this program: a misspelt variable is an error, not silently ignored.
            config = _apply(config, section, key, value, f"environment variable {name}")
    return config
