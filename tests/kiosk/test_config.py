"""Configuration: built-in defaults, one TOML file, KIOSK_* environment overrides, errors naming key and source."""

from __future__ import annotations

from pathlib import Path

import pytest

import kiosk.config as config_module
from kiosk.config import (
    CatalogConfig,
    ConfigError,
    DevicesConfig,
    TerminalConfig,
    UiConfig,
    load_config,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_system_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never read /etc/kiosk/kiosk.toml, whether or not this machine has one."""
    monkeypatch.setattr(config_module, "DEFAULT_CONFIG_FILES", (tmp_path / "absent" / "kiosk.toml",))


def write(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    """A config file with `text`."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_file_or_environment() -> None:
    config = load_config(environ={})
    assert config.origin == "built-in defaults"
    assert config.terminal == TerminalConfig()
    assert config.catalog == CatalogConfig()
    assert config.ui == UiConfig()
    assert config.devices == DevicesConfig()
    assert (config.terminal.id, config.terminal.data_dir) == ("hp-demo-01", "")
    assert (config.ui.windowed, config.ui.language, config.ui.width, config.ui.height) == (False, "zh_CN", 1920, 1080)
    assert config.devices.mode == "sim"
    assert Path(config.catalog.source) == REPO / "catalog" / "source"
    assert config.catalog.bundle == ""
    assert config.bundle_path == config.data_dir / "catalog" / "current.sqlite"


def test_system_config_file_is_read_when_present(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    system = write(tmp_path, '[terminal]\nid = "hp-system-01"\n', "system.toml")
    monkeypatch.setattr(config_module, "DEFAULT_CONFIG_FILES", (tmp_path / "absent.toml", system))
    config = load_config(environ={})
    assert config.terminal.id == "hp-system-01"
    assert config.origin == str(system)


def test_file_overrides_defaults(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[terminal]
id = "hp-test-07"
data_dir = "/srv/kiosk"

[catalog]
bundle = "/srv/kiosk/bundles/catalog.sqlite"

[ui]
windowed = true
language = "en"
width = 1280

[devices]
mode = "real"
""",
    )
    config = load_config(path, environ={})
    assert config.origin == str(path)
    assert config.terminal.id == "hp-test-07"
    assert config.terminal.site == TerminalConfig().site  # untouched keys keep their defaults
    assert config.data_dir == Path("/srv/kiosk")
    assert config.bundle_path == Path("/srv/kiosk/bundles/catalog.sqlite")
    assert config.ui == UiConfig(windowed=True, language="en", width=1280)
    assert config.devices.mode == "real"
    shown = config.as_dict()
    assert set(shown) >= {"terminal", "catalog", "ui", "session", "voice", "modules", "technician", "devices"}
    assert shown["terminal"]["data_dir"] == "/srv/kiosk"
    assert shown["catalog"]["bundle"] == "/srv/kiosk/bundles/catalog.sqlite"
    assert shown["ui"] == {
        "windowed": True,
        "language": "en",
        "width": 1280,
        "height": 1080,
        "show_cursor": False,
        "elderly_default": False,
    }


def test_config_file_named_by_environment(tmp_path: Path) -> None:
    path = write(tmp_path, '[ui]\nlanguage = "zh_HK"\n')
    config = load_config(environ={"KIOSK_CONFIG": str(path)})
    assert config.ui.language == "zh_HK"
    assert config.origin == str(path)


def test_bundle_defaults_to_data_dir(tmp_path: Path) -> None:
    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "state")})
    assert config.data_dir == tmp_path / "state"
    assert config.bundle_path == tmp_path / "state" / "catalog" / "current.sqlite"
    assert config.as_dict()["catalog"]["bundle"] == str(tmp_path / "state" / "catalog" / "current.sqlite")


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[ui]\nwidth = 1280\nheight = 720\n[devices]\nmode = "real"\n')
    config = load_config(path, environ={"KIOSK_UI_WIDTH": "1080", "KIOSK_DEVICES_MODE": "sim", "OTHER": "x"})
    assert config.ui.width == 1080
    assert isinstance(config.ui.width, int)
    assert config.ui.height == 720  # from the file
    assert config.devices.mode == "sim"


def test_environment_keys_with_underscores(tmp_path: Path) -> None:
    config = load_config(
        environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path), "KIOSK_CATALOG_BUNDLE": str(tmp_path / "b.sqlite")}
    )
    assert config.terminal.data_dir == str(tmp_path)
    assert config.bundle_path == tmp_path / "b.sqlite"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *[("true", True), ("TRUE", True), ("1", True), ("yes", True), ("on", True)],
        *[("false", False), ("0", False), ("no", False), ("Off", False)],
    ],
)
def test_bools_from_environment(text: str, expected: bool) -> None:
    config = load_config(environ={"KIOSK_UI_WINDOWED": text})
    assert config.ui.windowed is expected


def test_environment_bool_overrides_file_bool(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nwindowed = true\n")
    assert load_config(path, environ={}).ui.windowed is True
    assert load_config(path, environ={"KIOSK_UI_WINDOWED": "0"}).ui.windowed is False


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("[printer]\nport = 1\n", ["unknown section [printer]"]),
        ('[ui]\ncolour = "red"\n', ["unknown key ui.colour"]),
        ('[ui]\nwidth = "wide"\n', ["ui.width", "'wide'"]),
        ("[ui]\nwidth = 100\n", ["ui.width", "320", "7680", "100"]),
        ("[ui]\nheight = 10000\n", ["ui.height", "10000"]),
        ("[ui]\nwidth = true\n", ["ui.width"]),
        ('[ui]\nwindowed = "maybe"\n', ["ui.windowed", "'maybe'"]),
        ('[ui]\nlanguage = "fr"\n', ["ui.language", "'fr'"]),
        ('[devices]\nmode = "usb"\n', ["devices.mode", "'usb'", "sim", "real"]),
        ("[terminal]\nid = 7\n", ["terminal.id", "7"]),
        ('mode = "sim"\n', ["mode", "[section]"]),
        ("[ui\nwidth = 1\n", ["not valid TOML"]),
        ("[ui]\nwidth = \n", ["not valid TOML"]),
    ],
    ids=[
        "unknown-section",
        "unknown-key",
        "wrong-type",
        "width-too-small",
        "height-too-large",
        "bool-for-int",
        "bad-bool",
        "bad-language",
        "bad-choice",
        "int-for-text",
        "not-a-table",
        "invalid-toml",
        "missing-value",
    ],
)
def test_file_errors_name_key_and_file(tmp_path: Path, text: str, needles: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    message = str(caught.value)
    assert str(path) in message
    for needle in needles:
        assert needle in message


def test_invalid_utf8_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b'[terminal]\nsite = "\xff\xfe"\n')
    with pytest.raises(ConfigError, match="not valid TOML") as caught:
        load_config(path, environ={})
    assert str(path) in str(caught.value)


def test_float_for_int_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nwidth = 1280.7\n")
    try:
        config = load_config(path, environ={})
    except ConfigError as exc:
        assert "ui.width" in str(exc)
    else:
        raise AssertionError(f"width = 1280.7 was accepted as {config.ui.width}")


def test_missing_config_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "kiosk.toml"
    with pytest.raises(ConfigError) as caught:
        load_config(missing, environ={})
    assert str(missing) in str(caught.value)
    assert "does not exist" in str(caught.value)


def test_missing_config_file_named_by_environment(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError, match="does not exist") as caught:
        load_config(environ={"KIOSK_CONFIG": str(missing)})
    assert str(missing) in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value", "needles"),
    [
        ("KIOSK_UI_WIDTH", "wide", ["ui.width", "'wide'"]),
        ("KIOSK_UI_WIDTH", "100", ["ui.width", "320"]),
        ("KIOSK_UI_HEIGHT", "1e3", ["ui.height", "'1e3'"]),
        ("KIOSK_UI_WINDOWED", "maybe", ["ui.windowed", "'maybe'"]),
        ("KIOSK_DEVICES_MODE", "usb", ["devices.mode", "'usb'"]),
        ("KIOSK_UI_LANGUAGE", "de", ["ui.language", "'de'"]),
        ("KIOSK_UI_COLOUR", "red", ["unknown key ui.colour"]),
    ],
)
def test_environment_errors_name_key_and_variable(name: str, value: str, needles: list[str]) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(environ={name: value})
    message = str(caught.value)
    assert f"environment variable {name}" in message
    for needle in needles:
        assert needle in message


def test_environment_error_wins_over_a_good_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nwidth = 1280\n")
    with pytest.raises(ConfigError, match=r"KIOSK_UI_WIDTH: ui\.width"):
        load_config(path, environ={"KIOSK_UI_WIDTH": "wide"})


def test_file_error_is_reported_before_environment(tmp_path: Path) -> None:
    path = write(tmp_path, '[devices]\nmode = "usb"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={"KIOSK_DEVICES_MODE": "sim"})
    assert str(path) in str(caught.value)
    assert "devices.mode" in str(caught.value)


def test_config_path_that_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path, environ={})
    assert str(tmp_path) in str(caught.value)


def test_misspelt_kiosk_variable_is_an_error() -> None:
    with pytest.raises(ConfigError, match="KIOSK_DEVICE_MODE"):
        load_config(environ={"KIOSK_DEVICE_MODE": "real"})
    with pytest.raises(ConfigError, match="KIOSK_WINDOWED"):
        load_config(environ={"KIOSK_WINDOWED": "1"})


def test_lists_sections_and_modules() -> None:
    config = load_config(
        environ={
            "KIOSK_MODULES_ENABLED": "search,portal_yss",
            "KIOSK_PORTAL_YSS_HOSTS": "a.gov.cn,b.gov.cn",
            "KIOSK_PORTAL_YSS_URL": "https://b.gov.cn/start",
        }
    )
    assert config.modules.enabled == ("search", "portal_yss")
    assert config.portal("portal_yss").hosts == ("a.gov.cn", "b.gov.cn")
    assert config.as_dict()["modules"]["enabled"] == ["search", "portal_yss"]


def test_modules_without_a_flow_cannot_be_enabled() -> None:
    with pytest.raises(ConfigError, match=r"smart_approval.*not available"):
        load_config(environ={"KIOSK_MODULES_ENABLED": "search,smart_approval"})
    with pytest.raises(ConfigError, match="unknown module 'shop'"):
        load_config(environ={"KIOSK_MODULES_ENABLED": "shop"})


def test_an_enabled_portal_needs_hosts(tmp_path: Path) -> None:
    path = write(tmp_path, '[modules]\nenabled = ["portal_gba"]\n[portal_gba]\nhosts = []\n')
    with pytest.raises(ConfigError, match=r"\[portal_gba\] needs a url and at least one allowed host"):
        load_config(path, environ={})
    path = write(tmp_path, '[portal_gba]\nhosts = "one"\n')
    with pytest.raises(ConfigError, match=r"portal_gba\.hosts must be a list of strings"):
        load_config(path, environ={})


def test_ranges_of_session_timers() -> None:
    with pytest.raises(ConfigError, match=r"session\.idle_seconds must be between 10 and 3600"):
        load_config(environ={"KIOSK_SESSION_IDLE_SECONDS": "2"})


def test_portal_hosts_are_validated_at_load() -> None:
    with pytest.raises(ConfigError, match=r"portal_gba\.hosts: bad .*allowed host"):
        load_config(environ={"KIOSK_PORTAL_GBA_HOSTS": "https://evil.example/path"})
    with pytest.raises(ConfigError, match="is not on its own allowed hosts"):
        load_config(environ={"KIOSK_PORTAL_GBA_URL": "https://elsewhere.example/"})


def test_a_hub_url_that_is_not_http_is_refused_by_name(tmp_path):
    with pytest.raises(ConfigError, match=r"hub\.url"):
        load_config(environ={"KIOSK_HUB_URL": "ftp://hub.example"})
    assert load_config(environ={"KIOSK_HUB_URL": "https://hub.example:8443"}).hub.url == "https://hub.example:8443"


def test_the_face_section_holds_the_calibrated_threshold_and_the_challenges(tmp_path: Path) -> None:
    from kiosk.face.liveness import CHALLENGES
    from kiosk.face.matcher import DEFAULT_THRESHOLD

    face = load_config(environ={}).face
    assert face == config_module.FaceConfig()
    assert face.threshold == DEFAULT_THRESHOLD and face.challenges == CHALLENGES == config_module.FACE_CHALLENGES
    path = write(tmp_path, '[face]\nthreshold = 0.55\nliveness_seconds = 8\nchallenges = ["blink", "nod"]\n')
    face = load_config(path, environ={}).face
    assert (face.threshold, face.liveness_seconds, face.challenges) == (0.55, 8, ("blink", "nod"))
    assert load_config(path, environ={"KIOSK_FACE_THRESHOLD": "0.5"}).face.threshold == 0.5
    assert load_config(write(tmp_path, "[face]\nthreshold = 1\n"), environ={}).face.threshold == 1.0
    assert load_config(environ={"KIOSK_FACE_CHALLENGES": "turn_left,turn_right"}).face.challenges == (
        "turn_left",
        "turn_right",
    )


@pytest.mark.parametrize(
    ("environ", "needle"),
    [
        ({"KIOSK_FACE_THRESHOLD": "close"}, r"face\.threshold must be a number, got 'close'"),
        ({"KIOSK_FACE_THRESHOLD": "1.5"}, r"face\.threshold must be between 0\.2 and 1\.0, got 1\.5"),
        ({"KIOSK_FACE_THRESHOLD": "nan"}, r"face\.threshold must be a number"),
        ({"KIOSK_FACE_LIVENESS_SECONDS": "1"}, r"face\.liveness_seconds must be between 3 and 60"),
        ({"KIOSK_FACE_CHALLENGES": "blink,smile"}, r"face\.challenges: unknown challenge 'smile'"),
        ({"KIOSK_FACE_CHALLENGES": ""}, r"face\.challenges must name at least one challenge"),
    ],
)
def test_bad_face_settings_are_refused_by_name(environ: dict[str, str], needle: str) -> None:
    with pytest.raises(ConfigError, match=needle):
        load_config(environ=environ)


def test_a_face_threshold_that_is_not_a_number_in_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"face\.threshold must be a number, got True"):
        load_config(write(tmp_path, "[face]\nthreshold = true\n"), environ={})
