"""The hub's secrets: its HMAC key (ID numbers, status codes, cookies), terminal tokens and clerk passwords."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

KEY_BYTES = 32
KEY_ENV = "KIOSK_HUB_KEY_FILE"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
TERMINAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
_TERMINAL_ID_RE = re.compile(TERMINAL_ID_PATTERN)
_TOKEN_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{32,128}$")


class HubKeyError(RuntimeError):
    """The hub's key file cannot be read or made."""


def default_key_path(db_url: str, environ: dict[str, str] | None = None) -> Path:
    """$KIOSK_HUB_KEY_FILE, else hub.key beside an SQLite database, else <kiosk data_dir>/hub.key."""
    environ = os.environ if environ is None else environ
    if environ.get(KEY_ENV):
        return Path(environ[KEY_ENV])
    if db_url.startswith("sqlite:///"):
        return Path(db_url.removeprefix("sqlite:///")).parent / "hub.key"
    from kiosk.config import load_config

    return load_config(environ=dict(environ)).data_dir / "hub.key"


def load_or_make_key(path: Path) -> bytes:
    """The hub's 32-byte key, made on first use (mode 0600); kept apart from the database so a copy of the
    database alone cannot turn the ID-number HMACs back into numbers by trying every birth date."""
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            return load_or_make_key(path)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(KEY_BYTES))
            f.flush()
            os.fsync(f.fileno())
        return load_or_make_key(path)
    except OSError as exc:
        raise HubKeyError(f"cannot read the hub key {path}: {exc}") from exc
    if len(key) != KEY_BYTES:
        raise HubKeyError(f"{path}: the hub key must be {KEY_BYTES} bytes, not {len(key)}")
    return key


def derive(key: bytes, purpose: str) -> bytes:
    """A sub-key for one purpose, so one use's values say nothing about another's."""
    return hmac.new(key, b"kiosk-hub/" + purpose.encode(), hashlib.sha256).digest()


def keyed_hash(key: bytes, purpose: str, value: str) -> str:
    """HMAC-SHA256 (hex) of `value` under the sub-key for `purpose`."""
    return hmac.new(derive(key, purpose), value.encode(), hashlib.sha256).hexdigest()


def id_number_hmac(key: bytes, id_number: str) -> str:
    """The lookup hash of a citizen ID number (the clear number is never a column)."""
    return keyed_hash(key, "id-number", id_number.strip().upper())


def status_code_hmac(key: bytes, tracking_no: str, code: str) -> str:
    """The stored form of a receipt's status code, bound to its tracking number."""
    return keyed_hash(key, "status-code", f"{tracking_no}:{code}")


def make_terminal_token(terminal_id: str) -> tuple[str, str]:
    """A new token `<terminal_id>.<secret>` and the SHA-256 (hex) of its secret, which is all the hub keeps."""
    if not _TERMINAL_ID_RE.match(terminal_id):
        raise ValueError("a terminal ID is 1-64 letters, digits, '-' or '_', starting with a letter or digit")
    secret = secrets.token_urlsafe(32)
    return f"{terminal_id}.{secret}", token_secret_sha256(secret)


def token_secret_sha256(secret: str) -> str:
    """The stored hash of a token's secret (256 random bits: a plain hash is enough, no stretching needed)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def split_terminal_token(token: str) -> tuple[str, str] | None:
    """(terminal_id, secret) of a well-formed token, else None."""
    terminal_id, dot, secret = token.partition(".")
    if not dot or not _TERMINAL_ID_RE.match(terminal_id) or not _TOKEN_SECRET_RE.match(secret):
        return None
    return terminal_id, secret


def hash_password(password: str) -> str:
    """An scrypt hash with its salt and costs: `scrypt$n$r$p$salt$hash` (base64)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    """True when `password` matches an hash_password() value (costs bounded against a tampered row)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        if scheme != "scrypt" or not (2**10 <= n_ <= 2**20 and 1 <= r_ <= 16 and 1 <= p_ <= 4):
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=n_, r=r_, p=p_, dklen=len(expected), maxmem=2**28
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


DUMMY_PASSWORD_HASH = hash_password(secrets.token_urlsafe(16))  # checked for unknown names: same time as a real one
