"""The `kiosk` command end to end, in a subprocess, against the session's catalog bundle."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from catalog.model import CHANNELS
from catalog.search import SearchFilters
from catalog.store import CatalogStore

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "catalog" / "source"
STATS_KEYS = {"total", "self_service", "post_office", "departments", "themes", "version"}
HIT_KEYS = {"id", "code", "name", "department", "score"}
# The DESIGN's catalog item fields, as the export writes them.
RECORD_FIELDS = {
    "id",
    "code",
    "name",
    "type",
    "department",
    "audience",
    "themes",
    "channels",
    "legal_days",
    "promised_days",
    "fee_charged",
    "fee_standard",
    "materials",
    "steps",
    "where",
    "phone",
    "legal_basis",
    "keywords",
    "synonyms",
    "form",
    "name_hant",
    "name_en",
}


def kiosk(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `kiosk ARGS` as the console script would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *args],
        env=env,
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The stdout of a run that must succeed quietly."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def fails(result: subprocess.CompletedProcess[str]) -> str:
    """The stderr of a run that must fail with a usage/data error (exit 2) and no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr


@pytest.fixture
def env(kiosk_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """kiosk_env plus an empty config file of our own, so /etc/kiosk/kiosk.toml is never read."""
    config = tmp_path / "kiosk.toml"
    config.write_text("", encoding="utf-8")
    return {**kiosk_env, "KIOSK_CONFIG": str(config)}


@pytest.fixture(scope="module")
def records(store: CatalogStore) -> dict[str, dict]:
    """Every item record in the session bundle, by id."""
    return {r["id"]: r for r in store.records()}


# -- catalog stats / export ------------------------------------------------------------------------------------


def test_stats_json(env: dict[str, str], store: CatalogStore) -> None:
    result = kiosk(env, "catalog", "stats", "--json")
    out = ok(result)
    assert result.stderr == ""  # the configured bundle is used as is, nothing is built
    assert out.count("\n") == 1
    stats = json.loads(out)
    assert set(stats) == STATS_KEYS
    assert set(stats["post_office"]) == {"personal", "enterprise", "total"}
    manifest = tomllib.loads((SOURCE / "manifest.toml").read_text(encoding="utf-8"))
    assert stats["total"] == 1304
    assert stats["self_service"] == 824
    assert stats["post_office"] == {"personal": 93, "enterprise": 437, "total": 530}
    assert stats["version"] == manifest["version"]
    records = list(store.records())
    assert stats["departments"] == len({r["department"] for r in records})
    assert stats["themes"] == len({t for r in records for t in r["themes"]})


def test_stats_text(env: dict[str, str]) -> None:
    out = ok(kiosk(env, "catalog", "stats"))
    assert "1304 items" in out
    assert "824 self-service" in out
    assert "530 at post offices (93 personal, 437 enterprise)" in out


def test_export_jsonl(env: dict[str, str], store: CatalogStore) -> None:
    out = ok(kiosk(env, "catalog", "export", "--format", "jsonl"))
    lines = out.splitlines()
    assert len(lines) == 1304
    exported = [json.loads(line) for line in lines]
    for record in exported:
        missing = RECORD_FIELDS - set(record)
        assert not missing, (record.get("id"), missing)
        assert record["id"] and record["code"] and record["name"] and record["name_hant"]
        assert record["materials"]
        assert all({"name", "form", "copies", "required"} <= set(m) for m in record["materials"])
        assert record["channels"] and set(record["channels"]) <= set(CHANNELS)
        assert record["themes"] and record["steps"] and record["legal_basis"]
        assert isinstance(record["legal_days"], int) and isinstance(record["promised_days"], int)
        assert record["fee_standard"] and record["where"] and record["phone"]
        assert isinstance(record["synonyms"], list)
        if "self_service" in record["channels"]:
            assert record["form"]
    ids = [r["id"] for r in exported]
    codes = [r["code"] for r in exported]
    assert len(set(ids)) == 1304
    assert len(set(codes)) == 1304
    # The export is the bundle's content, and it agrees with the stats.
    assert exported == list(store.records())
    stats = store.stats()
    assert sum("self_service" in r["channels"] for r in exported) == stats["self_service"]
    post = [r for r in exported if "post_office" in r["channels"]]
    assert len(post) == stats["post_office"]["total"]
    assert sum(r["audience"] == "enterprise" for r in post) == stats["post_office"]["enterprise"]
    assert len({r["department"] for r in exported}) == stats["departments"]


# -- catalog search --------------------------------------------------------------------------------------------


def check_result_shape(result: dict, query: str, limit: int, records: dict[str, dict], store: CatalogStore) -> None:
    """A DESIGN search record whose hits are real items with the right code and department."""
    assert set(result) == {"query", "results", "took_ms"}
    assert result["query"] == query
    assert isinstance(result["took_ms"], int | float) and result["took_ms"] >= 0
    hits = result["results"]
    assert len(hits) <= limit
    assert len({h["id"] for h in hits}) == len(hits)
    for hit in hits:
        assert set(hit) == HIT_KEYS
        record = records[hit["id"]]
        assert (hit["code"], hit["name"]) == (record["code"], record["name"])
        dept = store.department(record["department"])
        assert dept is not None and hit["department"] == dept.short_name
        assert isinstance(hit["score"], int | float)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_json(env: dict[str, str], records: dict[str, dict], store: CatalogStore) -> None:
    out = ok(kiosk(env, "catalog", "search", "社保卡", "--json", "--limit", "5"))
    assert out.count("\n") == 1
    result = json.loads(out)
    check_result_shape(result, "社保卡", 5, records, store)
    assert len(result["results"]) == 5
    assert "社会保障卡" in result["results"][0]["name"]


def test_search_text(env: dict[str, str]) -> None:
    out = ok(kiosk(env, "catalog", "search", "社保卡", "--limit", "3"))
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(" 1. ") and "社会保障卡" in lines[0] and "区人社局" in lines[0]


def test_search_stdin(env: dict[str, str], records: dict[str, dict], store: CatalogStore) -> None:
    queries = ["社保卡", "", "😀🙃💥 #@!%^&*() ̷̧̀x\u200b", "营业执照", "shebaoka", "   ", "居民身份证"]
    result = kiosk(env, "catalog", "search", "--stdin", "--limit", "4", stdin="\n".join(queries) + "\n")
    lines = ok(result).splitlines()
    assert len(lines) == len(queries)
    answers = [json.loads(line) for line in lines]
    for query, answer in zip(queries, answers, strict=True):
        check_result_shape(answer, query, 4, records, store)
    assert "社会保障卡" in answers[0]["results"][0]["name"]
    assert "社会保障卡" in answers[4]["results"][0]["name"]  # pinyin
    assert any("身份证" in h["name"] for h in answers[6]["results"])


def test_search_stdin_last_line_without_newline(env: dict[str, str]) -> None:
    lines = ok(kiosk(env, "catalog", "search", "--stdin", stdin="社保卡\n营业执照")).splitlines()
    assert [json.loads(line)["query"] for line in lines] == ["社保卡", "营业执照"]


def test_search_stdin_empty_input(env: dict[str, str]) -> None:
    assert ok(kiosk(env, "catalog", "search", "--stdin", stdin="")) == ""


FILTERS = [
    (["--audience", "enterprise"], lambda r: r["audience"] in ("enterprise", "both")),
    (["--audience", "personal"], lambda r: r["audience"] in ("personal", "both")),
    (["--channel", "post_office"], lambda r: "post_office" in r["channels"]),
    (["--channel", "self_service"], lambda r: "self_service" in r["channels"]),
    (["--department", "hp-rsj"], lambda r: r["department"] == "hp-rsj"),
    (["--department", "区市场监管局"], lambda r: r["department"] == "hp-scjg"),
    (["--theme", "就业"], lambda r: "就业" in r["themes"]),
    (
        ["--audience", "personal", "--channel", "self_service", "--theme", "就业"],
        lambda r: r["audience"] in ("personal", "both") and "self_service" in r["channels"] and "就业" in r["themes"],
    ),
]


@pytest.mark.parametrize(("args", "matches"), FILTERS, ids=[" ".join(a) for a, _ in FILTERS])
def test_search_filters(env: dict[str, str], records: dict[str, dict], store: CatalogStore, args, matches) -> None:
    queries = ["", "证明", "登记", "社保卡", "许可", "注销", "shebao"]
    # The filter must matter: without it, the same searches find items it excludes.
    unfiltered = [h.id for q in queries for h in store.search.search(q, limit=30, filters=SearchFilters())]
    assert not all(matches(records[i]) for i in unfiltered)
    out = ok(kiosk(env, "catalog", "search", "--stdin", "--limit", "30", *args, stdin="\n".join(queries) + "\n"))
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["query"] for a in answers] == queries
    for answer in answers:
        check_result_shape(answer, answer["query"], 30, records, store)
        wrong = [h["id"] for h in answer["results"] if not matches(records[h["id"]])]
        assert not wrong, (answer["query"], wrong)
    # An empty query lists the most used matching items: there are at least 30 of each.
    assert len(answers[0]["results"]) == 30
    assert sum(len(a["results"]) for a in answers[1:]) > 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--department", "hp-nowhere"], "unknown department 'hp-nowhere'"),
        (["--theme", "不存在的主题"], "unknown theme '不存在的主题'"),
        (["--limit", "0"], "limit must be at least 1"),
    ],
)
def test_search_bad_arguments_exit_2(env: dict[str, str], args: list[str], needle: str) -> None:
    err = fails(kiosk(env, "catalog", "search", "社保卡", "--json", *args))
    assert err.startswith("kiosk: ")
    assert needle in err


def test_search_without_query(env: dict[str, str]) -> None:
    err = fails(kiosk(env, "catalog", "search"))
    assert "QUERY or --stdin" in err


@pytest.mark.parametrize("command", [["stats", "--json"], ["export"], ["search", "社保卡"]])
def test_missing_bundle_exits_2(env: dict[str, str], command: list[str]) -> None:
    err = fails(kiosk(env, "catalog", command[0], "--bundle", "/nonexistent/catalog.sqlite", *command[1:]))
    assert "/nonexistent/catalog.sqlite" in err
    assert "does not exist" in err


def test_garbage_bundle_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database, just some text " * 100)
    err = fails(kiosk(env, "catalog", "stats", "--bundle", str(garbage)))
    assert str(garbage) in err
    assert "not a readable catalog bundle" in err


# -- config show -----------------------------------------------------------------------------------------------


def test_config_show(env: dict[str, str], bundle_path: Path) -> None:
    out = ok(kiosk(env, "config", "show"))
    for section in ("[terminal]", "[catalog]", "[ui]", "[devices]"):
        assert f"\n{section}\n" in out
    assert env["KIOSK_CONFIG"] in out.splitlines()[0]
    assert f"bundle = {json.dumps(str(bundle_path))}" in out
    assert f"data_dir = {json.dumps(env['KIOSK_TERMINAL_DATA_DIR'])}" in out
    assert "width = 1920" in out
    assert 'mode = "sim"' in out
    # The printed body is itself valid TOML with the same values as --json.
    body = out.split("\n", 1)[1]
    shown = json.loads(ok(kiosk(env, "config", "show", "--json")))
    assert tomllib.loads(body) == shown


def test_config_show_json(env: dict[str, str], bundle_path: Path, tmp_path: Path) -> None:
    Path(env["KIOSK_CONFIG"]).write_text(
        '[ui]\nwidth = 1280\nwindowed = true\n[devices]\nmode = "real"\n', encoding="utf-8"
    )
    out = ok(kiosk({**env, "KIOSK_UI_HEIGHT": "800"}, "config", "show", "--json"))
    assert out.count("\n") == 1
    shown = json.loads(out)
    assert set(shown) >= {"terminal", "catalog", "ui", "devices", "session", "modules", "portal_gba"}
    assert shown["terminal"]["data_dir"] == env["KIOSK_TERMINAL_DATA_DIR"]
    assert shown["terminal"]["id"] == "hp-demo-01"
    assert shown["catalog"] == {
        "source": str(SOURCE),
        "bundle": str(bundle_path),
        "update_url": "",  # no signed updates until a repository is configured
        "trusted_root": str(Path(env["KIOSK_TERMINAL_DATA_DIR"]) / "catalog" / "trusted-root.json"),
        "check_seconds": 900,
    }
    assert shown["mqtt"]["enabled"] is False and shown["mqtt"]["topic_prefix"] == "kiosk/v1"
    assert shown["ui"] == {
        "windowed": True,
        "language": "zh_CN",
        "width": 1280,
        "height": 800,
        "show_cursor": False,
        "elderly_default": False,
    }
    assert shown["devices"] == {"mode": "real"}


@pytest.mark.parametrize("command", [["config", "show"], ["catalog", "stats", "--json"]])
@pytest.mark.parametrize("value", ["wide", "99999"])
def test_bad_environment_value_exits_2(env: dict[str, str], command: list[str], value: str) -> None:
    err = fails(kiosk({**env, "KIOSK_UI_WIDTH": value}, *command))
    assert "ui.width" in err
    assert "KIOSK_UI_WIDTH" in err


def test_bad_config_file_exits_2(env: dict[str, str]) -> None:
    Path(env["KIOSK_CONFIG"]).write_text('[devices]\nmode = "usb"\n', encoding="utf-8")
    err = fails(kiosk(env, "config", "show", "--json"))
    assert env["KIOSK_CONFIG"] in err
    assert "devices.mode" in err


def test_config_option_names_the_file(env: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "other.toml"
    config.write_text('[terminal]\nid = "hp-cli-09"\n', encoding="utf-8")
    shown = json.loads(ok(kiosk(env, "--config", str(config), "config", "show", "--json")))
    assert shown["terminal"]["id"] == "hp-cli-09"
    err = fails(kiosk(env, "--config", str(tmp_path / "missing.toml"), "config", "show"))
    assert str(tmp_path / "missing.toml") in err


# -- catalog build ---------------------------------------------------------------------------------------------


def test_build_with_an_invalid_source_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(SOURCE, source)
    # Validating all 1,304 items takes seconds; two departments' files are enough here (the manifest's
    # counts then disagree as well, which is reported after the item's error).
    for other in (source / "items").glob("*.yaml"):
        if other.stem not in ("hp-rsj", "hp-tjd"):
            other.unlink()
    path = source / "items" / "hp-rsj.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(n for n, line in enumerate(lines) if line.startswith("  audience: "))
    lines[n] = "  audience: everyone"
    path.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out" / "catalog.sqlite"
    err = fails(kiosk(env, "catalog", "build", "--source", str(source), "--out", str(out)))
    assert f"{path}:{n + 1}: audience:" in err
    assert "'everyone'" in err
    assert "expected.total" in err  # every problem is listed, not only the first
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_build_default_source(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "built" / "catalog.sqlite"
    stdout = ok(kiosk(env, "catalog", "build", "--out", str(out)))
    assert "1304 items" in stdout
    assert str(out) in stdout
    assert sorted(p.name for p in out.parent.iterdir()) == ["catalog.sqlite"]
    stats = json.loads(ok(kiosk(env, "catalog", "stats", "--json", "--bundle", str(out))))
    assert stats["total"] == 1304


# -- face ------------------------------------------------------------------------------------------------------


def test_config_show_has_the_face_section(env: dict[str, str]) -> None:
    Path(env["KIOSK_CONFIG"]).write_text("[face]\nthreshold = 0.52\n", encoding="utf-8")
    shown = json.loads(ok(kiosk(env, "config", "show", "--json")))
    assert shown["face"] == {
        "threshold": 0.52,
        "liveness_seconds": 10,
        "challenges": ["blink", "turn_left", "turn_right", "nod"],
        "frames": 3,
        "min_face_px": 120,
    }


def test_face_verify_with_a_bad_threshold_in_the_config_exits_2(env: dict[str, str]) -> None:
    err = fails(kiosk({**env, "KIOSK_FACE_THRESHOLD": "2"}, "face", "verify", "--json", "a.jpg", "b.jpg"))
    assert "face.threshold" in err and "KIOSK_FACE_THRESHOLD" in err
