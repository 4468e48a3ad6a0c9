"""Comparing photo pairs (A the reference, B the live side), as `kiosk face verify` and bench/face.py do.

Side A is prepared as a reference (enlarged when small, jittered); side B is described as a live face brought
to A's level of detail. Descriptors are cached per image in memory for one run and wiped with `wipe()`.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.face.landmarks import Face
from kiosk.face.matcher import MatchSettings, distance, encode_live
from kiosk.face.models import FaceModels
from kiosk.face.reference import Reference, ReferenceError, ReferenceSettings, main_face, prepare_reference

WIDTH_STEP = 1.15  # live descriptors are cached per reference face width, rounded to steps of 15 %


class NoUsableFace(ValueError):
    """A photo without one usable face; the message says which side and why."""


@dataclass(frozen=True)
class PairResult:
    """One pair's outcome: the distance, or the reason there is none."""

    distance: float | None
    error: str | None = None


class PairComparer:
    """Reference and live descriptors of photos, cached by key for one run."""

    def __init__(
        self, models: FaceModels, reference: ReferenceSettings | None = None, match: MatchSettings | None = None
    ):
        self.models = models
        self.reference_settings = reference or ReferenceSettings()
        self.match_settings = match or MatchSettings()
        self._references: dict[Hashable, Reference | str] = {}
        self._faces: dict[Hashable, tuple[np.ndarray, Face] | str] = {}
        self._live: dict[tuple[Hashable, int], np.ndarray] = {}

    def reference(self, key: Hashable, load: Callable[[], np.ndarray]) -> Reference:
        """The reference made from the image `load` gives (cached under key); NoUsableFace if it has none."""
        if key not in self._references:
            try:
                self._references[key] = prepare_reference(load(), self.models, self.reference_settings)
            except ReferenceError as exc:
                self._references[key] = str(exc)
        found = self._references[key]
        if isinstance(found, str):
            raise NoUsableFace(found)
        return found

    def live(self, key: Hashable, load: Callable[[], np.ndarray], reference: Reference) -> np.ndarray:
        """The live descriptor of an image, brought to the reference's level of detail (cached)."""
        bucket = round(math.log(max(reference.face_width, 1.0)) / math.log(WIDTH_STEP))
        if (key, bucket) in self._live:
            return self._live[(key, bucket)]
        if key not in self._faces:
            image = load()
            try:
                face = main_face(image, self.models, self.reference_settings.dominant)
                rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
                self._faces[key] = (rgb, face)
            except ReferenceError as exc:
                self._faces[key] = str(exc).replace("reference photo", "photo")
        found = self._faces[key]
        if isinstance(found, str):
            raise NoUsableFace(found)
        rgb, face = found
        width = WIDTH_STEP**bucket
        probe = Reference(reference.encoding, width)
        encoding = encode_live(rgb, face, self.models, probe, self.match_settings)
        self._live[(key, bucket)] = encoding
        return encoding

    def compare(
        self, a: Hashable, load_a: Callable[[], np.ndarray], b: Hashable, load_b: Callable[[], np.ndarray]
    ) -> PairResult:
        """The distance between reference A and live B, or the reason there is none."""
        try:
            ref = self.reference(a, load_a)
        except NoUsableFace as exc:
            return PairResult(None, f"a: {exc}")
        try:
            return PairResult(distance(self.live(b, load_b, ref), ref.encoding))
        except NoUsableFace as exc:
            return PairResult(None, f"b: {exc}")

    def wipe(self) -> None:
        """Zero and drop every cached descriptor and image."""
        for ref in self._references.values():
            if isinstance(ref, Reference):
                ref.wipe()
        for found in self._faces.values():
            if not isinstance(found, str):
                found[0].fill(0)
        for encoding in self._live.values():
            encoding.fill(0.0)
        self._references.clear()
        self._faces.clear()
        self._live.clear()


def read_pairs(path: Path, need_label: bool = False) -> list[dict[str, str]]:
    """Rows of a pairs CSV (columns a, b, and `same` when labels are needed); ValueError naming what is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from None
    reader = csv.DictReader(text.splitlines())
    columns = {c.strip() for c in reader.fieldnames or []}
    needed = {"a", "b", "same"} if need_label else {"a", "b"}
    if not needed <= columns:
        raise ValueError(f"{path}: needs the columns {', '.join(sorted(needed))} (has: {', '.join(sorted(columns))})")
    rows = []
    for n, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not row.get("a") or not row.get("b"):
            raise ValueError(f"{path}, line {n}: both a and b must be given")
        if need_label and parse_same(row["same"]) is None:
            raise ValueError(f"{path}, line {n}: same must be 1/0, true/false or yes/no, got {row['same']!r}")
        rows.append(row)
    return rows


def parse_same(value: str) -> bool | None:
    """A same-person label: 1/0, true/false, yes/no, same/different; None if it is none of these."""
    v = value.strip().lower()
    if v in ("1", "true", "yes", "same", "y"):
        return True
    if v in ("0", "false", "no", "different", "n"):
        return False
    return None
