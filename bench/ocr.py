"""OCR accuracy and speed on synthetic document photographs, against two baselines measured in the same run.

    uv run python -m bench.ocr [--n 12] [--seed 1000] [--kinds ...] [--tiers scan camera hard] [--no-baselines]

For each kind (both ID card sides, the business licence) and tier (scan, camera photo, hard photo) it makes n
photographs with ground truth (kiosk.ocr.synth), reads them with the terminal's reader and with the baselines
(plain pytesseract, and plain RapidOCR, on the whole image with regular expressions), and prints per-field
exact-match rates, the all-fields-correct rate per document, seconds per document, the ID number / credit
code accuracy wherever the reader's check digit passed, and how many wrong (and right) fields the reader marks
for the resident to check. Then, per tier, the reader's rate on photographs with and
without motion blur, and how well kiosk.ocr.deblur measured that blur against the kernel the generator used (its
true length and direction, from the kernel itself: the generator draws a line between whole pixels).
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections import defaultdict

import cv2
import numpy as np

from bench.ocr_baselines import fields_from_text, rapidocr_text, tesseract_text
from kiosk.ocr import deblur
from kiosk.ocr.layouts import KINDS, REPORTED_FIELDS
from kiosk.ocr.reader import extract
from kiosk.ocr.synth import photo
from kiosk.ocr.synth.dataset import make_sample
from kiosk.ocr.synth.photo import TIERS

TARGETS = {"scan": 0.98, "camera": 0.95, "hard": 0.80}
CHECKED = {"id_card_front": "id_number", "business_license": "credit_code"}


def _decode(encoded: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(encoded, np.uint8), cv2.IMREAD_COLOR)


class MotionRecorder:
    """Notes the motion kernel the generator draws for each photograph (length, angle), for checking the measure
    against it: the generator keeps only the nominal length in a sample's metadata, not the direction."""

    def __init__(self) -> None:
        self.last: tuple[float, float] | None = None
        self._kernel = photo._motion_kernel

    def __enter__(self) -> MotionRecorder:
        def recording(length: float, angle: float) -> np.ndarray:
            self.last = (length, angle)
            return self._kernel(length, angle)

        photo._motion_kernel = recording
        return self

    def __exit__(self, *exc: object) -> None:
        photo._motion_kernel = self._kernel


def kernel_truth(length: float, angle: float) -> tuple[float, float]:
    """The generator kernel's true (length, direction): from its second moments (a box of n px: (n^2 - 1) / 12)."""
    kernel = photo._motion_kernel(length, angle).astype(np.float64)
    yy, xx = np.mgrid[0 : kernel.shape[0], 0 : kernel.shape[1]] - kernel.shape[0] // 2
    mx, my = (kernel * xx).sum(), (kernel * yy).sum()
    cxx, cyy = (kernel * (xx - mx) ** 2).sum(), (kernel * (yy - my) ** 2).sum()
    cxy = (kernel * (xx - mx) * (yy - my)).sum()
    theta = 0.5 * math.atan2(2 * cxy, cxx - cyy)
    along = cxx * math.cos(theta) ** 2 + 2 * cxy * math.sin(theta) * math.cos(theta) + cyy * math.sin(theta) ** 2
    return math.sqrt(12 * along + 1), math.degrees(theta) % 180


class Tally:
    """Per-field and per-document correctness and time for one method on one kind and tier."""

    def __init__(self) -> None:
        self.fields: dict[str, list[bool]] = defaultdict(list)
        self.documents: list[bool] = []
        self.seconds: list[float] = []
        self.checked: list[bool] = []  # ID number / credit code right, among those whose check digit passed
        self.marked: list[tuple[bool, bool]] = []  # per field: (read right, marked for the resident to check)
        # Per document: (true kernel length, angle) or None when held still; the measurement; its fields right.
        self.motion: list[tuple[tuple[float, float] | None, deblur.MotionBlur | None, list[bool]]] = []

    def add(
        self, kind: str, truth: dict[str, str], read: dict[str, str], seconds: float, flagged: set[str] | None = None
    ) -> list[bool]:
        """One document's result (`flagged`: the fields the review screen marks, for the reader); returns which
        fields were right."""
        right = [read.get(name, "") == truth[name] for name in REPORTED_FIELDS[kind]]
        for name, ok in zip(REPORTED_FIELDS[kind], right, strict=True):
            self.fields[name].append(ok)
            if flagged is not None:
                self.marked.append((ok, name in flagged))
        self.documents.append(all(right))
        self.seconds.append(seconds)
        return right

    def field_rate(self) -> float:
        """Share of fields read exactly."""
        flat = [ok for oks in self.fields.values() for ok in oks]
        return sum(flat) / len(flat) if flat else 0.0

    def document_rate(self) -> float:
        """Share of documents with every field right."""
        return sum(self.documents) / len(self.documents) if self.documents else 0.0


def run(kinds: list[str], tiers: list[str], n: int, seed: int, baselines: bool) -> dict:
    """Read every sample with every method; returns {(method, kind, tier): Tally}."""
    results: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for kind in kinds:
        for tier in tiers:
            for i in range(n):
                with MotionRecorder() as recorder:
                    sample = make_sample(kind, tier, seed + i)
                kernel = recorder.last if sample.meta["photo"].get("motion_blur") else None
                image = _decode(sample.encoded)
                started = time.perf_counter()
                extraction = extract(image, "auto")
                took = time.perf_counter() - started
                output = extraction.as_json()
                read = output["fields"] if extraction.kind == kind else {}
                # Read as another kind, every field is the resident's to give (the screen says it is the wrong one).
                flagged = set(output["flagged"]) if extraction.kind == kind else set(REPORTED_FIELDS[kind])
                tally = results[("reader", kind, tier)]
                right = tally.add(kind, sample.truth, read, took, flagged)
                # The measurement the reader made (again, outside the timing), inside the outline it found.
                found = np.array(extraction.corners, np.float32) if extraction.corners else None
                measured = deblur.measure_motion(image, found) if found is not None else None
                tally.motion.append((kernel_truth(*kernel) if kernel else None, measured, right))
                if kind in CHECKED:
                    field = extraction.fields.get(CHECKED[kind])
                    if extraction.kind == kind and field is not None and field.value and not field.problems:
                        tally.checked.append(field.value == sample.truth[CHECKED[kind]])
                if baselines:
                    for name, reader in (("tesseract+regex", tesseract_text), ("rapidocr+regex", rapidocr_text)):
                        started = time.perf_counter()
                        text = reader(image)
                        results[(name, kind, tier)].add(
                            kind, sample.truth, fields_from_text(kind, text), time.perf_counter() - started
                        )
    return results


def report(results: dict, kinds: list[str], tiers: list[str]) -> None:
    """Print the tables."""
    methods = sorted({m for m, _, _ in results}, key=lambda m: (m != "reader", m))
    print(f"{'kind':<17} {'tier':<7} {'method':<16} {'fields':>7} {'docs':>6} {'s/doc':>7} {'checked':>8}")
    for kind in kinds:
        for tier in tiers:
            for method in methods:
                tally = results.get((method, kind, tier))
                if tally is None or not tally.documents:
                    continue
                checked = f"{sum(tally.checked) / len(tally.checked):.3f}" if tally.checked else "-"
                print(
                    f"{kind:<17} {tier:<7} {method:<16} {tally.field_rate():>7.3f} {tally.document_rate():>6.3f} "
                    f"{statistics.median(tally.seconds):>7.2f} {checked:>8}"
                )
    print("\nper field, reader (exact-match rate by tier):")
    for kind in kinds:
        for name in REPORTED_FIELDS[kind]:
            rates = []
            for tier in tiers:
                oks = results[("reader", kind, tier)].fields.get(name, [])
                rates.append(f"{tier} {sum(oks) / len(oks):.2f}" if oks else f"{tier} -")
            print(f"  {kind:<17} {name:<22} " + "  ".join(rates))
    print("\nagainst the targets (every field exact: scan 0.98, camera 0.95, hard 0.80):")
    for tier in tiers:
        oks = [ok for kind in kinds for oks in results[("reader", kind, tier)].fields.values() for ok in oks]
        rate = sum(oks) / len(oks) if oks else 0.0
        line = f"  {tier:<7} reader {rate:.3f} (target {TARGETS[tier]:.2f})"
        for method in methods[1:]:
            base = [ok for kind in kinds for oks in results[(method, kind, tier)].fields.values() for ok in oks]
            if base and sum(base):
                line += f"; {method} {sum(base) / len(base):.3f} (ratio {rate / (sum(base) / len(base)):.1f}x)"
            elif base:
                line += f"; {method} 0.000"
        print(line)
    print("\nmarked for the resident to check on the review screen (reader):")
    for tier in tiers:
        marks = [m for kind in kinds for m in results[("reader", kind, tier)].marked]
        wrong = [flag for ok, flag in marks if not ok]
        right = [flag for ok, flag in marks if ok]
        print(
            f"  {tier:<7} wrong fields marked {sum(wrong)}/{len(wrong)}; right fields marked {sum(right)}/{len(right)}"
        )
    report_motion(results, kinds, tiers)
    all_seconds = [s for (m, _, _), t in results.items() if m == "reader" for s in t.seconds]
    print(f"\nreader median {statistics.median(all_seconds):.2f} s per document ({len(all_seconds)} documents)")


def report_motion(results: dict, kinds: list[str], tiers: list[str]) -> None:
    """Per tier: fields right with and without motion blur, and the blur measure against the generator's kernel."""
    print("\nmotion blur (generator's kernel vs kiosk.ocr.deblur's measure, inside the outline the reader found):")
    for tier in tiers:
        docs = [entry for kind in kinds for entry in results[("reader", kind, tier)].motion]
        blurred = [(true, got, right) for true, got, right in docs if true is not None]
        still = [(got, right) for true, got, right in docs if true is None]

        def rate(rights: list[list[bool]]) -> str:
            flat = [ok for r in rights for ok in r]
            return f"{sum(flat) / len(flat):.3f}" if flat else "-"

        line = f"  {tier:<7} fields right: blurred {rate([r for _, _, r in blurred])} ({len(blurred)} docs), "
        line += f"still {rate([r for _, r in still])} ({len(still)} docs)"
        # Judged as the reader and quality checks do: blurs of 4 px and more should count, still ones never.
        long = [(true, got) for true, got, _ in blurred if true[0] >= 4.0]
        caught = sum(1 for _, got in long if got is not None and got.confident)
        false = sum(1 for got, _ in still if got is not None and got.confident)
        print(line)
        line = f"  {'':<7} measure: flagged {caught}/{len(long)} blurs of 4 px or more, {false}/{len(still)} still"
        measured = [(true, got) for true, got in long if got is not None]
        if measured:
            angle = [abs((got.angle - true[1] + 90) % 180 - 90) for true, got in measured]
            length = [abs(got.length - true[0]) for true, got in measured]
            sure = [(a, b) for (a, b), (_, got) in zip(zip(angle, length, strict=True), measured, strict=True)
                    if got.confident]  # fmt: skip
            line += (
                f"; error over all: angle {statistics.mean(angle):.1f} deg (median {statistics.median(angle):.1f}), "
                f"length {statistics.mean(length):.2f} px (median {statistics.median(length):.2f})"
            )
            if sure:
                line += (
                    f"; over the flagged: angle {statistics.mean(a for a, _ in sure):.1f} deg, "
                    f"length {statistics.mean(b for _, b in sure):.2f} px"
                )
        print(line)


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=12, help="documents per kind and tier")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    parser.add_argument("--tiers", nargs="+", default=list(TIERS), choices=TIERS)
    parser.add_argument("--no-baselines", action="store_true")
    args = parser.parse_args()
    results = run(args.kinds, args.tiers, args.n, args.seed, not args.no_baselines)
    report(results, args.kinds, args.tiers)


if __name__ == "__main__":
    main()
