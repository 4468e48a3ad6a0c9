"""`kiosk face verify` and `kiosk face calibrate`: compare photo files, and choose a threshold from labelled pairs.

verify: A is the reference (an ID card chip photo, a card's portrait or any photo), B the live photo; one JSON
line per pair {"a", "b", "match", "distance", "threshold"}, plus "error" when a side has no usable face.
calibrate: a CSV with columns a, b, same (1/0); prints the ROC (FMR and FNMR per threshold) and the threshold
for the target FMR, as the line to put in the [face] section of the config.
Relative paths in a pairs CSV are taken from the CSV's folder when the file is there, else from the current one.
No image, face or descriptor is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from kiosk import images
from kiosk.config import load_config
from kiosk.images import ImageError


def load_image(path: Path) -> np.ndarray:
    """A colour image from a file, validated (kiosk.images)."""
    return images.load_image(path, "photo", min_side=0)


def _resolve(value: str, base: Path | None) -> Path:
    path = Path(value)
    if base is not None and not path.is_absolute() and (base / path).exists():
        return base / path
    return path


def _threshold(args: argparse.Namespace) -> float:
    if args.threshold is not None:
        return args.threshold
    return load_config(Path(args.config) if args.config else None).face.threshold


def _comparer():
    from kiosk.face.models import load_models
    from kiosk.face.pairs import PairComparer

    return PairComparer(load_models())


def _compare(comparer, a: str, b: str, base: Path | None):
    """The PairResult of two files (image errors become the pair's error)."""
    from kiosk.face.pairs import PairResult

    pa, pb = _resolve(a, base), _resolve(b, base)
    loaded: dict[Path, np.ndarray | ImageError] = {}

    def loader(path: Path):
        def load() -> np.ndarray:
            if path not in loaded:
                try:
                    loaded[path] = load_image(path)
                except ImageError as exc:
                    loaded[path] = exc
            if isinstance(loaded[path], ImageError):
                raise loaded[path]
            return loaded[path]

        return load

    try:
        return comparer.compare(str(pa), loader(pa), str(pb), loader(pb))
    except ImageError as exc:
        return PairResult(None, str(exc))


def _record(a: str, b: str, result, threshold: float) -> dict:
    record = {
        "a": a,
        "b": b,
        "match": result.distance is not None and result.distance <= threshold,
        "distance": None if result.distance is None else round(result.distance, 4),
        "threshold": threshold,
    }
    if result.error:
        record["error"] = result.error
    return record


def cmd_face_verify(args: argparse.Namespace) -> int:
    """Compare A with B, or every pair of a CSV; one JSON line per pair."""
    from kiosk.face.pairs import read_pairs

    threshold = _threshold(args)
    comparer = _comparer()
    try:
        if args.pairs:
            try:
                rows = read_pairs(Path(args.pairs))
            except ValueError as exc:
                print(f"kiosk: {exc}", file=sys.stderr)
                return 2
            base = Path(args.pairs).resolve().parent
            failed = 0
            for row in rows:
                record = _record(row["a"], row["b"], _compare(comparer, row["a"], row["b"], base), threshold)
                failed += "error" in record
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            return 1 if failed else 0
        if not args.a or not args.b:
            print("kiosk: give two images A B, or --pairs PAIRS.csv", file=sys.stderr)
            return 2
        record = _record(args.a, args.b, _compare(comparer, args.a, args.b, None), threshold)
    finally:
        comparer.wipe()
    if args.json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif "error" in record:
        print(f"no comparison: {record['error']}")
    else:
        verdict = "match" if record["match"] else "no match"
        print(f"{verdict}: distance {record['distance']:.4f}, threshold {threshold:.4f}")
    return 2 if "error" in record else 0


def cmd_face_calibrate(args: argparse.Namespace) -> int:
    """The ROC of labelled pairs and the threshold for the target FMR."""
    from kiosk.face.calibrate import pick_threshold, roc
    from kiosk.face.pairs import parse_same, read_pairs

    try:
        rows = read_pairs(Path(args.pairs), need_label=True)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    base = Path(args.pairs).resolve().parent
    genuine, impostor, errors = [], [], 0
    comparer = _comparer()
    try:
        for row in rows:
            result = _compare(comparer, row["a"], row["b"], base)
            errors += result.error is not None
            (genuine if parse_same(row["same"]) else impostor).append(result.distance)
    finally:
        comparer.wipe()
    try:
        chosen = pick_threshold(genuine, impostor, args.target_fmr)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    points = roc(genuine, impostor)
    if args.json:
        out = {
            "genuine": len(genuine),
            "impostor": len(impostor),
            "no_usable_face": errors,
            "roc": [{"threshold": p.threshold, "fmr": p.fmr, "fnmr": p.fnmr} for p in points],
            "target_fmr": args.target_fmr,
            "threshold": chosen.threshold,
            "fmr": chosen.fmr,
            "fnmr": chosen.fnmr,
            "enough_impostors": len(impostor) * args.target_fmr >= 1,
        }
        sys.stdout.write(json.dumps(out) + "\n")
        return 0
    print(f"{len(genuine)} genuine and {len(impostor)} impostor pairs ({errors} without a usable face: never a match)")
    if len(impostor) * args.target_fmr < 1:
        print(
            f"warning: {len(impostor)} impostor pairs cannot show an FMR of {100 * args.target_fmr:g} % "
            f"(at least {int(1 / args.target_fmr)} are needed): the threshold below is not calibrated to it"
        )
    print(f"{'threshold':>9}  {'FMR':>8}  {'FNMR':>8}")
    for p in points:
        print(f"{p.threshold:9.2f}  {100 * p.fmr:7.2f}%  {100 * p.fnmr:7.2f}%")
    print(
        f"chosen for FMR <= {100 * args.target_fmr:g} %: threshold {chosen.threshold:.4f} "
        f"(FMR {100 * chosen.fmr:.2f} %, FNMR {100 * chosen.fnmr:.2f} % on these pairs)"
    )
    print(f"in the config:\n[face]\nthreshold = {chosen.threshold:.4f}")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add `face verify` and `face calibrate` to the `kiosk` command's subcommands."""
    face = sub.add_parser("face", help="face verification tools").add_subparsers(dest="face_command", required=True)
    verify = face.add_parser("verify", help="compare a reference photo A with a live photo B (or --pairs CSV)")
    verify.add_argument("a", nargs="?", help="the reference: ID card chip photo, card portrait or photo")
    verify.add_argument("b", nargs="?", help="the live photo")
    verify.add_argument("--pairs", metavar="PAIRS.csv", help="a CSV with columns a,b: one JSON line per pair")
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--threshold", type=float, help="instead of the configured face.threshold")
    verify.set_defaults(func=cmd_face_verify)
    calibrate = face.add_parser("calibrate", help="ROC of labelled pairs and the threshold for a target FMR")
    calibrate.add_argument("pairs", metavar="PAIRS.csv", help="a CSV with columns a,b,same (same: 1 or 0)")
    calibrate.add_argument("--target-fmr", type=float, default=0.001, help="false match rate to stay under")
    calibrate.add_argument("--json", action="store_true")
    calibrate.set_defaults(func=cmd_face_calibrate)
