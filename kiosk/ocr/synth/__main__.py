"""`python -m kiosk.ocr.synth OUT [--n 20] [--seed 1]`: write a synthetic document data set with truth.jsonl."""

from __future__ import annotations

import argparse
import sys
import time

from kiosk.ocr.layouts import KINDS
from kiosk.ocr.synth.dataset import write_dataset
from kiosk.ocr.synth.photo import TIERS


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and write the data set."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.ocr.synth", description=__doc__)
    parser.add_argument("out", help="folder to write images and truth.jsonl into")
    parser.add_argument("--n", type=int, default=20, help="samples per kind and tier (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="data set seed (default 0)")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--tiers", nargs="+", choices=TIERS, default=list(TIERS))
    args = parser.parse_args(argv)
    started = time.monotonic()
    truth = write_dataset(args.out, args.kinds, args.tiers, args.n, args.seed)
    count = args.n * len(args.kinds) * len(args.tiers)
    print(f"wrote {count} images and {truth} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
