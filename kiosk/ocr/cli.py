"""`kiosk ocr extract`: read documents from image files, one JSON object per image (DESIGN.md's contract)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cv2
import numpy as np

from kiosk.ocr.layouts import KINDS

MAX_PIXELS = 40_000_000  # a 40 MP image is far beyond any document camera: refuse rather than exhaust memory
MAX_BYTES = 50 * 2**20


class ImageError(ValueError):
    """An input that is not a usable image; the message says why (and names the file, never its content)."""


def load_image(path: Path) -> np.ndarray:
    """A colour image from a file, validated: it exists, is not huge, and decodes."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if size > MAX_BYTES:
        raise ImageError(f"{path}: {size / 2**20:.0f} MB is too large for a document image")
    data = np.fromfile(str(path), np.uint8)  # imread cannot open some non-ASCII paths; this can
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise ImageError(f"{path}: not an image OpenCV can decode")
    if image.shape[0] * image.shape[1] > MAX_PIXELS:
        raise ImageError(f"{path}: {image.shape[1]}x{image.shape[0]} is too large for a document image")
    if min(image.shape[:2]) < 64:
        raise ImageError(f"{path}: {image.shape[1]}x{image.shape[0]} is too small to hold a readable document")
    return image


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
