"""`kiosk ocr extract`: read documents from image files, one JSON object per image (DESIGN.md's contract)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from kiosk import images
from kiosk.images import ImageError
from kiosk.ocr.layouts import KINDS


def load_image(path: Path) -> np.ndarray:
    """A colour image from a file, validated (kiosk.images)."""
    return images.load_image(path, "document", min_side=64)


def _one(path: Path, kind: str) -> dict:
    from kiosk.ocr.reader import extract

    result = extract(load_image(path), kind).as_json()
    return result


def cmd_ocr_extract(args: argparse.Namespace) -> int:
    """Read one image, or every image listed in --batch, printing JSON."""
    if args.batch:
        try:
            lines = Path(args.batch).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"kiosk: cannot read the batch list {args.batch}: {exc}", file=sys.stderr)
            return 2
        failed = 0
        for line in (entry.strip() for entry in lines):
            if not line:
                continue
            try:
                record = {"image": line, **_one(Path(line), args.kind)}
            except ImageError as exc:
                failed += 1
                record = {"image": line, "error": str(exc)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 1 if failed else 0
    if not args.image:
        print("kiosk: give an IMAGE or --batch LIST", file=sys.stderr)
        return 2
    try:
        record = _one(Path(args.image), args.kind)
    except ImageError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        print(f"{record['kind']} ({record['took_ms']:.0f} ms)")
        for name, value in record["fields"].items():
            mark = "?" if name in record["flagged"] else " "
            print(f"{mark} {name:<22} {value}  ({record['confidence'][name]:.2f})")
        for warning in record["warnings"]:
            print(f"! {warning}")
    return 0


def add_parser(sub) -> None:
    """The `ocr` command group."""
    ocr = sub.add_parser("ocr", help="document OCR").add_subparsers(dest="ocr_command", required=True)
    extract = ocr.add_parser("extract", help="read the fields of ID cards and business licences")
    extract.add_argument("image", nargs="?", help="an image file")
    extract.add_argument("--kind", choices=(*KINDS, "auto"), default="auto")
    extract.add_argument("--json", action="store_true", help="one JSON object")
    extract.add_argument("--batch", metavar="LIST", help="a file with one image path a line; one JSON line each")
    extract.set_defaults(func=cmd_ocr_extract)
