"""`kiosk ocr extract`, the command-line contract of DESIGN.md, on synthetic photographs written to files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kiosk.ocr.synth.dataset import make_sample

REPO = Path(__file__).resolve().parents[2]


def kiosk(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "ocr", "extract", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def write(tmp_path: Path, kind: str, seed: int) -> tuple[Path, dict]:
    sample = make_sample(kind, "scan", seed)
    path = tmp_path / f"{kind}-{seed}{sample.ext}"
    path.write_bytes(sample.encoded)
    return path, sample.truth


def test_one_image_as_json_follows_the_contract(kiosk_env, tmp_path):
    path, truth = write(tmp_path, "id_card_front", 5)
    result = kiosk(kiosk_env, "--kind", "auto", str(path), "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(record) >= {"kind", "fields", "confidence", "warnings", "took_ms"}
    assert record["kind"] == "id_card_front"
    assert set(record["fields"]) == {"name", "sex", "ethnicity", "birth_date", "address", "id_number"}
    assert record["fields"]["id_number"] == truth["id_number"]
    assert all(0 <= c <= 1 for c in record["confidence"].values())
    assert truth["id_number"] not in result.stderr  # nothing personal on the log stream


def test_batch_gives_one_line_per_image_and_names_the_bad_ones(kiosk_env, tmp_path):
    back, truth = write(tmp_path, "id_card_back", 6)
    licence, licence_truth = write(tmp_path, "business_license", 7)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture at all")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{back}\n{broken}\n\n{licence}\n{tmp_path / 'missing.jpg'}\n", encoding="utf-8")
    result = kiosk(kiosk_env, "--batch", str(listing))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["image"] for r in records] == [str(back), str(broken), str(licence), str(tmp_path / "missing.jpg")]
    assert records[0]["kind"] == "id_card_back" and records[0]["fields"]["valid_until"] == truth["valid_until"]
    assert "not an image" in records[1]["error"] and "cannot be read" in records[3]["error"]
    assert records[2]["fields"]["credit_code"] == licence_truth["credit_code"]
    assert result.returncode == 1  # some images could not be read


def test_a_missing_image_is_a_clear_error(kiosk_env, tmp_path):
    result = kiosk(kiosk_env, str(tmp_path / "nothing.jpg"))
    assert result.returncode == 2 and "cannot be read" in result.stderr
