"""How often the reader finds a document's true outline, and what reading costs when it does not.

    uv run python -m bench.ocr_outlines [--n 8] [--seed 1000] [--kinds ...] [--tiers scan camera hard]
                                        [--read hard] [--draw DIR]

For each kind and tier it makes n synthetic photographs (kiosk.ocr.synth, which knows the document's true
corners), finds the outline as the reader does (kiosk.ocr.detect.find_document) and counts the outlines whose
every corner lies within 1 % of the image diagonal of the truth (the corners compared in the cyclic order that
fits best: the reader's order says which side is long, not which way up). For the tiers in --read (the hard
tier unless told) it also reads every photograph twice, with the outline found and with the true one given to
the reader, and prints the fields-exact rate of both: the baseline (true outlines) is measured in the same run.
--draw writes, for each photograph whose outline is off, a PNG with the truth (green) and the outline found
(red) drawn on it, for looking at the failures; those are synthetic documents, never a resident's.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np

from kiosk.ocr import detect
from kiosk.ocr.layouts import KINDS, REPORTED_FIELDS
from kiosk.ocr.reader import extract
from kiosk.ocr.synth.dataset import make_sample
from kiosk.ocr.synth.photo import TIERS

TOLERANCE = 0.01  # of the image diagonal


def corner_error(found: np.ndarray | None, truth: np.ndarray, shape: tuple[int, ...]) -> float:
    """The largest corner distance between two outlines, as a share of the image diagonal (inf without one)."""
    if found is None:
        return float("inf")
    diagonal = float(np.hypot(shape[0], shape[1]))
    found = np.asarray(found, np.float32).reshape(4, 2)
    truth = np.asarray(truth, np.float32).reshape(4, 2)
    # Both run clockwise; which corner comes first depends on which way up each thinks the document is.
    return min(float(np.linalg.norm(np.roll(found, k, axis=0) - truth, axis=1).max()) for k in range(4)) / diagonal


def fields_right(kind: str, truth: dict[str, str], image: np.ndarray, quad: detect.Quad | None) -> list[bool]:
    """Each reported field of one photograph read exactly or not, with the outline given (None: looked for)."""
    extraction = extract(image, "auto", quad=quad)
    read = extraction.as_json()["fields"] if extraction.kind == kind else {}
    return [read.get(name, "") == truth[name] for name in REPORTED_FIELDS[kind]]


def draw(path: Path, image: np.ndarray, truth: np.ndarray, found: np.ndarray | None, error: float) -> None:
    """The photograph with the true outline (green) and the one found (red), half size."""
    canvas = image.copy()
    cv2.polylines(canvas, [np.round(truth).astype(np.int32).reshape(-1, 1, 2)], True, (0, 200, 0), 3)
    if found is not None:
        cv2.polylines(canvas, [np.round(found).astype(np.int32).reshape(-1, 1, 2)], True, (0, 0, 255), 2)
    cv2.putText(canvas, f"{error:.3f}", (20, 50), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (255, 0, 255), 3)
    canvas = cv2.resize(canvas, (canvas.shape[1] // 2, canvas.shape[0] // 2), interpolation=cv2.INTER_AREA)
    cv2.imwrite(str(path), canvas)


def run(args: argparse.Namespace) -> None:
    """Measure and print."""
    outlines: dict[tuple[str, str], list[bool]] = defaultdict(list)
    fields: dict[tuple[str, str, str], list[bool]] = defaultdict(list)
    seconds: list[float] = []
    misses: list[str] = []
    if args.draw:
        Path(args.draw).mkdir(parents=True, exist_ok=True)
    for kind in args.kinds:
        for tier in args.tiers:
            for seed in range(args.seed, args.seed + args.n):
                sample = make_sample(kind, tier, seed)
                started = time.perf_counter()
                quad = detect.find_document(sample.image)
                seconds.append(time.perf_counter() - started)
                error = corner_error(None if quad is None else quad.points, sample.corners, sample.image.shape)
                outlines[(kind, tier)].append(error <= TOLERANCE)
                if error > TOLERANCE:
                    misses.append(f"{kind} {tier} {seed}: {error:.3f}" + (f" {quad.method}" if quad else " none"))
                    if args.draw:
                        name = f"{kind}_{tier}_{seed}.png"
                        draw(Path(args.draw) / name, sample.image, sample.corners, quad and quad.points, error)
                if tier in args.read:
                    fields[(kind, tier, "found")] += fields_right(kind, sample.truth, sample.image, None)
                    true = detect.Quad(sample.corners.astype(np.float32), detect.KIND_ASPECT[kind], 1.0)
                    fields[(kind, tier, "true")] += fields_right(kind, sample.truth, sample.image, true)
    print(f"outlines within {TOLERANCE:.0%} of the diagonal (seeds {args.seed}-{args.seed + args.n - 1}):")
    print(f"{'kind':<17} " + " ".join(f"{tier:>8}" for tier in args.tiers))
    for kind in args.kinds:
        cells = [f"{sum(outlines[(kind, t)])}/{len(outlines[(kind, t)])}" for t in args.tiers]
        print(f"{kind:<17} " + " ".join(f"{c:>8}" for c in cells))
    totals = [f"{sum(sum(outlines[(k, t)]) for k in args.kinds)}/{args.n * len(args.kinds)}" for t in args.tiers]
    print(f"{'all':<17} " + " ".join(f"{c:>8}" for c in totals))
    if misses:
        print("off (kind tier seed: corner error / diagonal, method):\n  " + "\n  ".join(misses))
    for tier in args.read:
        if tier not in args.tiers:
            continue
        print(f"\nfields exact, {tier} tier: outline found vs true outline given (baseline)")
        both = {"found": [], "true": []}
        for kind in args.kinds:
            found, true = fields[(kind, tier, "found")], fields[(kind, tier, "true")]
            both["found"] += found
            both["true"] += true
            print(f"  {kind:<17} found {sum(found) / len(found):.3f}  true {sum(true) / len(true):.3f}")
        ratio = (sum(both["found"]) / len(both["found"])) / max(sum(both["true"]) / len(both["true"]), 1e-9)
        print(
            f"  {'all':<17} found {sum(both['found']) / len(both['found']):.3f}  "
            f"true {sum(both['true']) / len(both['true']):.3f}  (found/true {ratio:.2f}x)"
        )
    median = 1000 * float(np.median(seconds))
    print(f"\nfind_document median {median:.0f} ms per photograph ({len(seconds)} photographs)")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=8, help="photographs per kind and tier")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    parser.add_argument("--tiers", nargs="+", default=list(TIERS), choices=TIERS)
    parser.add_argument("--read", nargs="*", default=["hard"], choices=TIERS, help="tiers whose fields are read")
    parser.add_argument("--draw", help="folder for PNGs of the outlines that are off")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
