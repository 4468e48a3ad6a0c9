"""`kiosk face verify` and `kiosk face calibrate` (DESIGN.md's contract), in process and as the console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import cv2
import pytest

from kiosk.cli import main
from kiosk.face.models import load_models
from kiosk.face.reference import chip_style

FACES = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images"
KEYS = {"a", "b", "match", "distance", "threshold"}


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with two chip-style photos and three live photos (two people) and a photo of a couple."""
    folder = tmp_path_factory.mktemp("faces")
    models = load_models()
    for name in ("img1.jpg", "img29.jpg"):
        cv2.imwrite(str(folder / f"chip_{name}"), chip_style(cv2.imread(str(FACES / name)), models))
    for name in ("img6.jpg", "img32.jpg", "couple.jpg"):
        shutil.copy(FACES / name, folder / name)
    (folder / "broken.jpg").write_bytes(b"not a jpeg")
    return folder


@pytest.fixture(autouse=True)
def no_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The built-in defaults, whatever this machine's /etc/kiosk or environment say."""
    import kiosk.config as config_module

    monkeypatch.setattr(config_module, "DEFAULT_CONFIG_FILES", (tmp_path / "absent.toml",))
    for name in [n for n in os.environ if n.startswith("KIOSK_")]:
        monkeypatch.delenv(name)


def lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_verify_two_images_prints_the_contract_json(photos, capsys):
    assert main(["face", "verify", "--json", str(photos / "chip_img1.jpg"), str(photos / "img6.jpg")]) == 0
    [record] = lines(capsys)
    assert set(record) == KEYS and record["match"] is True and record["threshold"] == 0.59
    assert 0 < record["distance"] < 0.59


def test_verify_pairs_gives_one_line_each_with_errors_where_a_side_has_no_usable_face(photos, capsys):
    pairs = photos / "pairs.csv"
    pairs.write_text(
        "a,b\nchip_img1.jpg,img6.jpg\nchip_img29.jpg,img32.jpg\nchip_img1.jpg,img32.jpg\n"
        "couple.jpg,img6.jpg\nchip_img1.jpg,broken.jpg\n",
        encoding="utf-8",
    )
    assert main(["face", "verify", "--pairs", str(pairs), "--threshold", "0.6"]) == 1  # some pairs had errors
    records = lines(capsys)
    assert [r["match"] for r in records] == [True, True, False, False, False]
    assert all(set(r) >= KEYS and r["threshold"] == 0.6 for r in records)
    assert [("error" in r) for r in records] == [False, False, False, True, True]
    assert records[3]["error"].startswith("a: 2 faces") and records[3]["distance"] is None
    assert "broken.jpg" in records[4]["error"] and "decode" in records[4]["error"]
    assert (records[0]["a"], records[0]["b"]) == ("chip_img1.jpg", "img6.jpg")  # as given


def test_calibrate_prints_the_roc_and_the_threshold_to_configure(photos, capsys):
    pairs = photos / "labelled.csv"
    pairs.write_text(
        "a,b,same\nchip_img1.jpg,img6.jpg,1\nchip_img29.jpg,img32.jpg,1\nchip_img1.jpg,img32.jpg,0\n",
        encoding="utf-8",
    )
    assert main(["face", "calibrate", str(pairs), "--json"]) == 0
    [out] = lines(capsys)
    assert (out["genuine"], out["impostor"], out["no_usable_face"]) == (2, 1, 0)
    assert out["fmr"] == 0 and out["fnmr"] == 0 and out["enough_impostors"] is False
    assert [p["threshold"] for p in out["roc"]][:2] == [0.3, 0.32]
    assert out["roc"][0]["fnmr"] == 1.0 and out["roc"][-1]["fnmr"] == 0.0  # 0.30 refuses everyone, 0.80 no one
    assert main(["face", "calibrate", str(pairs)]) == 0
    text = capsys.readouterr().out
    assert "threshold       FMR      FNMR" in text and "warning: 1 impostor pairs" in text
    assert f"[face]\nthreshold = {out['threshold']:.4f}" in text


def test_bad_pairs_files_are_refused_with_a_reason(photos, capsys):
    bad = photos / "bad.csv"
    bad.write_text("left,right\nx,y\n", encoding="utf-8")
    assert main(["face", "verify", "--pairs", str(bad)]) == 2
    assert "needs the columns a, b" in capsys.readouterr().err
    assert main(["face", "calibrate", str(photos / "absent.csv")]) == 2
    assert main(["face", "verify", str(photos / "chip_img1.jpg")]) == 2


def test_the_console_script_compares_with_the_configured_threshold(photos, tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("[face]\nthreshold = 0.45\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(config), "face", "verify",
         str(photos / "chip_img29.jpg"), str(photos / "img6.jpg")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("no match: distance 0.") and "threshold 0.4500" in result.stdout
