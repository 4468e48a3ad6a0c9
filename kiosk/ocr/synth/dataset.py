"""Samples and data sets of synthetic document photographs with ground truth (deterministic from a seed).

A sample's document (its truth and its print) depends only on (kind, seed); the tier changes only how it is
photographed, so the same seed across tiers shows the same document under harder conditions.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from kiosk.ocr.layouts import (
    ID_EMBLEM_BOX,
    ID_PHOTO_BOX,
    KINDS,
    LAYOUTS,
    LICENSE_QR_BOX,
    LICENSE_TITLE_BOX,
)
from kiosk.ocr.synth import identities, photo, render
from kiosk.ocr.synth.photo import TIERS, Box

GENERATOR = "kiosk.ocr.synth/1"
TRUTH_FILE = "truth.jsonl"
# The seal, 登记机关 and date block on the licence: not a reported field, but kept clear of clutter too.
LICENSE_SEAL_BLOCK = (200.0, 144.0, 282.0, 190.0)


@dataclass
class Sample:
    """One synthetic photograph: image (BGR), truth fields, document corners and how it was made."""

    image: np.ndarray
    truth: dict[str, str]
    corners: np.ndarray  # (4, 2) float32, clockwise from the document's top-left
    meta: dict = field(default_factory=dict)
    encoded: bytes = b""  # the image file's bytes (JPEG), exactly what `image` decodes from
    ext: str = ".jpg"


def _seed_for(*parts: object) -> int:
    """A 64-bit seed from labelled parts (stable across runs, unlike hash())."""
    return int.from_bytes(hashlib.sha256(":".join(map(str, parts)).encode()).digest()[:8], "big")


def make_truth(kind: str, seed: int) -> tuple[dict[str, str], dict]:
    """The ground-truth fields of a document and extra facts about it (for metadata and rendering)."""
    rng = random.Random(f"truth:{kind}:{seed}")
    if kind in ("id_card_front", "id_card_back"):
        # Both sides of one seed belong to the same person.
        person = identities.make_person(random.Random(f"truth:id_card:{seed}"))
        age = identities.age_on(person.birth_date, person.valid_from)
        extra = {
            "area_code": person.id_number[:6],
            "age_at_issue": age,
            "expired": bool(person.valid_until and person.valid_until < identities.REFERENCE_DATE),
        }
        return (person.front_fields() if kind == "id_card_front" else person.back_fields()), extra
    if kind == "business_license":
        company = identities.make_company(rng)
        extra = {
            "registration_authority": company.registration_authority,
            "registration_date": company.registration_date.isoformat(),
            **company.extra,
        }
        return company.fields(), extra
    raise ValueError(f"unknown document kind: {kind}")


def make_flat(kind: str, seed: int) -> tuple[render.FlatDocument, dict[str, str], dict]:
    """The flat rendered document of a sample, its truth and extra facts (what make_sample photographs)."""
    truth, extra = make_truth(kind, seed)
    options = {}
    if kind == "business_license":
        options = {
            "registration_authority": extra["registration_authority"],
            "registration_date": date.fromisoformat(extra["registration_date"]),
        }
    flat = render.render(kind, truth, random.Random(f"render:{kind}:{seed}"), **options)
    return flat, truth, extra


def keep_clear_boxes(kind: str) -> list[Box]:
    """Everything printed that clutter must not cover (fields, labels, landmarks, photo, QR ...), in pixels."""
    layout = LAYOUTS[kind]
    boxes_mm = [spec.box for spec in layout.fields] + [spec.label_box for spec in layout.fields if spec.label_box]
    boxes_mm += [box for _, box in layout.landmarks]
    boxes_mm += {
        "id_card_front": [ID_PHOTO_BOX],
        "id_card_back": [ID_EMBLEM_BOX],
        "business_license": [LICENSE_QR_BOX, LICENSE_TITLE_BOX, LICENSE_SEAL_BLOCK],
    }[kind]
    return [layout.to_px(box) for box in boxes_mm]


def protected_boxes(kind: str) -> list[Box]:
    """The fields a glare spot must stay off: the ID number, the credit code, the back's validity."""
    layout = LAYOUTS[kind]
    name = {"id_card_front": "id_number", "id_card_back": "validity", "business_license": "credit_code"}[kind]
    return [layout.to_px(layout.field(name).box)]


def make_sample(kind: str, tier: str, seed: int) -> Sample:
    """One synthetic photograph of a document kind in a tier, with its truth; the same seed gives the same bytes."""
    if tier not in TIERS:
        raise ValueError(f"unknown tier: {tier}")
    flat, truth, extra = make_flat(kind, seed)
    shot = photo.photograph(
        flat.image,
        tier,
        _seed_for("photo", kind, tier, seed),
        mask=flat.mask,
        keep_clear=keep_clear_boxes(kind),
        protect=protected_boxes(kind),
    )
    layout = LAYOUTS[kind]
    meta = {
        "generator": GENERATOR,
        "kind": kind,
        "tier": tier,
        "seed": seed,
        "flat_size": list(layout.size),
        "px_per_mm": layout.px_per_mm,
        "fonts": flat.fonts,
        "portrait": flat.portrait,
        "document": extra,
        "photo": shot.meta,
    }
    return Sample(shot.image, truth, shot.corners, meta, shot.encoded, shot.ext)


def write_dataset(
    folder: str | Path,
    kinds: tuple[str, ...] | list[str] = KINDS,
    tiers: tuple[str, ...] | list[str] = TIERS,
    n: int = 20,
    seed: int = 0,
) -> Path:
    """Write n samples per kind and tier as image files plus truth.jsonl (one line per image); returns its path.

    Each line: {"image": file name, "kind", "tier", "fields", "corners": [[x, y] x4], "meta"}.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    truth_path = out / TRUTH_FILE
    with truth_path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            sample_seed = seed * 1_000_003 + i
            for kind in kinds:
                for tier in tiers:
                    sample = make_sample(kind, tier, sample_seed)
                    name = f"{kind}_{tier}_{i:04d}{sample.ext}"
                    (out / name).write_bytes(sample.encoded)
                    line = {
                        "image": name,
                        "kind": kind,
                        "tier": tier,
                        "fields": sample.truth,
                        "corners": [[round(float(x), 2), round(float(y), 2)] for x, y in sample.corners],
                        "meta": sample.meta,
                    }
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return truth_path
