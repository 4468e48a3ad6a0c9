"""`python -m kiosk` and the frozen terminal binary: the `kiosk` command."""

from kiosk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
