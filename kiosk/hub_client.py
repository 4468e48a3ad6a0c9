"""The terminal's side of the hub API (docs/hub-api.md), through requests; no Qt.

Every reply is checked before it is believed: a proxy's HTML error page, a truncated body or a field of the wrong
type is a `HubError` with a clear message, never a KeyError somewhere in a screen. Errors say which request
failed and how, never what was sent (bodies hold personal data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

API = "/api/v1"
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 30.0  # a submission with a dozen document images over a slow post-office line


class HubError(RuntimeError):
    """The hub could not be asked, or did not answer as the contract says."""

    def __init__(self, message: str, status: int = 0):
        super().__init__(message)
        self.status = status

    @property
    def retryable(self) -> bool:
        """Worth trying again later: no answer, a server error, a timeout or rate limiting."""
        return self.status == 0 or self.status >= 500 or self.status in (408, 425, 429)


class HubNotFound(HubError):
    """The hub does not know it (or it belongs to another terminal, which the hub reports the same way)."""


class HubConflict(HubError):
    """The hub refused because of what it holds already (a reused key, a full slot)."""


@dataclass(frozen=True)
class Ack:
    """The hub's acknowledgement of a submission."""

    tracking_no: str
    status: str
    received_at: str
    duplicate: bool


def read_token(path: Path) -> str:
    """The terminal's hub token from its file (`kiosk hub add-terminal ID --token-file F` writes it)."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise HubError(f"no hub token at {path}: {exc.strerror or exc}") from None
    if "." not in token or any(c.isspace() for c in token):
        raise HubError(f"the hub token in {path} is malformed (expected TERMINAL_ID.SECRET)")
    return token


def _require(data: Any, fields: dict[str, type | tuple[type, ...]], what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise HubError(f"the hub's reply to {what} is not a JSON object")
    for name, kind in fields.items():
        if not isinstance(data.get(name), kind):
            raise HubError(f"the hub's reply to {what} lacks a valid {name!r}")
    return data


def tls_verify(ca_file: str = "") -> str | bool:
    """What requests checks an https hub's certificate against: the configured CA file, else the system's CAs."""
    return ca_file or True


class HubClient:
    """Calls to one hub with this terminal's token; thread-safe (one requests.Session per call)."""

    def __init__(
        self,
        url: str,
        token: str = "",
        token_path: Path | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
        ca_file: str = "",
    ):
        self.url = url.rstrip("/")
        self.token = token
        self.token_path = token_path  # read at each call when no token is given: enrolling needs no restart
        self.timeout = timeout
        self.verify = tls_verify(ca_file)

    @classmethod
    def from_config(cls, config: Any) -> HubClient:
        """The client the configuration describes (hub.url, hub.token_file, hub.ca_file)."""
        return cls(config.hub.url, token_path=config.hub_token_path, ca_file=config.hub.ca_file)

    def _token(self) -> str:
        if self.token:
            return self.token
        if self.token_path is None:
            raise HubError("no hub token configured")
        return read_token(self.token_path)

    # -- transport ------------------------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        what: str,
        *,
        body: bytes | None = None,
        params: dict[str, str] | None = None,
        key: str = "",
        ok: tuple[int, ...] = (200,),
    ) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {self._token()}", "Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if key:
            headers["Idempotency-Key"] = key
        try:
            reply = requests.request(
                method,
                self.url + API + path,
                data=body,
                params=params,
                headers=headers,
                timeout=self.timeout,
                verify=self.verify,
            )
        except requests.exceptions.SSLError:
            # Retryable like any unanswered call: a certificate put right on the hub must not need a restart here.
            raise HubError(f"{what}: the hub's certificate is not trusted (check hub.ca_file)") from None
        except requests.RequestException as exc:
            raise HubError(f"{what}: the hub did not answer ({type(exc).__name__})") from None
        if reply.status_code == 204:
            return 204, None
        try:
            data = reply.json()
        except ValueError:
            data = None
        if reply.status_code not in ok:
            detail = data.get("detail") if isinstance(data, dict) else None
            if isinstance(detail, list):  # validation errors: where, never the value (it may be personal)
                places = [".".join(map(str, e.get("loc", ()))) for e in detail[:3] if isinstance(e, dict)]
                detail = f"HTTP {reply.status_code}: invalid {', '.join(places)}"
            detail = detail if isinstance(detail, str) else f"HTTP {reply.status_code}"
            kind = {404: HubNotFound, 409: HubConflict}.get(reply.status_code, HubError)
            raise kind(f"{what}: {detail}", reply.status_code)
        if data is None:
            raise HubError(f"{what}: the hub's reply is not JSON (HTTP {reply.status_code})", reply.status_code)
        return reply.status_code, data

    # -- the API --------------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        """The hub's health check."""
        return _require(self._call("GET", "/health", "health check")[1], {"status": str}, "the health check")

    def submit(self, key: str, body: dict[str, Any]) -> Ack:
        """Deliver one submission under its idempotency key (safe to repeat)."""
        raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        _, data = self._call("POST", "/submissions", "submission", body=raw, key=key, ok=(200, 201))
        _require(data, {"tracking_no": str, "status": str, "received_at": str, "duplicate": bool}, "a submission")
        if data["tracking_no"] != body.get("tracking_no"):
            raise HubError("submission: the hub acknowledged another tracking number")
        return Ack(data["tracking_no"], data["status"], data["received_at"], data["duplicate"])

    def submissions(self, since: str = "") -> list[dict[str, Any]]:
        """This terminal's submissions changed since `since` (ISO time; all when empty)."""
        params = {"since": since} if since else None
        _, data = self._call("GET", "/submissions", "submission list", params=params)
        return self._summaries(data, "the submission list")

    def status(self, tracking_no: str, code: str) -> dict[str, Any]:
        """A submission's status by its receipt's tracking number and lookup code (from any terminal)."""
        _, data = self._call("GET", f"/status/{_segment(tracking_no)}", "status", params={"code": code})
        return _require(data, {"tracking_no": str, "item_name": str, "status": str, "history": list}, "a status")

    def lookup(self, id_number: str) -> list[dict[str, Any]]:
        """The submissions of the person with this ID number (after the terminal verified the face)."""
        raw = json.dumps({"id_number": id_number}).encode()
        _, data = self._call("POST", "/status/lookup", "status lookup", body=raw)
        return self._summaries(data, "the status lookup")

    def slots(self, day: str) -> list[dict[str, Any]]:
        """Home-pickup slots of one day (YYYY-MM-DD) with the places left."""
        _, data = self._call("GET", "/appointments/slots", "pickup slots", params={"date": day})
        slots = _require(data, {"slots": list}, "the pickup slots")["slots"]
        for slot in slots:
            _require(slot, {"start": str, "end": str, "available": int}, "the pickup slots")
        return slots

    def book(self, key: str, body: dict[str, Any]) -> dict[str, Any]:
        """Book a home pickup under an idempotency key; HubConflict when the slot is full."""
        raw = json.dumps(body, ensure_ascii=False).encode()
        _, data = self._call("POST", "/appointments", "pickup booking", body=raw, key=key, ok=(200, 201))
        return _require(
            data, {"appointment_no": str, "status": str, "slot_start": str, "visit_by": str}, "a pickup booking"
        )

    def catalog_version(self) -> dict[str, Any]:
        """The catalog version the hub serves."""
        _, data = self._call("GET", "/catalog/version", "catalog version")
        return _require(data, {"version": str}, "the catalog version")

    def heartbeat(self, body: dict[str, Any]) -> None:
        """Tell the hub this terminal is alive, with its versions, outbox depth and device states."""
        self._call("POST", "/heartbeat", "heartbeat", body=json.dumps(body).encode(), ok=(200, 204))

    @staticmethod
    def _summaries(data: Any, what: str) -> list[dict[str, Any]]:
        rows = _require(data, {"submissions": list}, what)["submissions"]
        for row in rows:
            _require(row, {"tracking_no": str, "item_name": str, "status": str, "updated_at": str}, what)
        return rows


def _segment(value: str) -> str:
    """A path segment that cannot climb out of its route."""
    if not value or not value.isalnum() or not value.isascii():
        raise HubError("a tracking number has only letters and digits")
    return value
