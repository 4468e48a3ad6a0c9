"""Heartbeats, the catalog version, health and the OpenAPI document of a real hub (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from catalog.store import CatalogStore
from hub.db import heartbeats

BEAT = {
    "app_version": "0.1.0",
    "catalog_version": "2026.11.26",
    "outbox_depth": 3,
    "devices": {"id_card": "ready", "printer": "error", "face_camera": "busy"},
}

# Every endpoint of docs/hub-api.md, as (method, path).
CONTRACT = {
    ("get", "/api/v1/health"),
    ("post", "/api/v1/submissions"),
    ("get", "/api/v1/submissions"),
    ("get", "/api/v1/submissions/{tracking_no}"),
    ("get", "/api/v1/status/{tracking_no}"),
    ("post", "/api/v1/status/lookup"),
    ("get", "/api/v1/appointments/slots"),
    ("post", "/api/v1/appointments"),
    ("get", "/api/v1/catalog/version"),
    ("post", "/api/v1/heartbeat"),
}


def test_heartbeat_keeps_the_latest(hub):
    terminal_id, auth = hub.terminal()
    first = hub.post("/api/v1/heartbeat", auth, json=BEAT)
    assert first.status_code == 204 and first.content == b""
    assert hub.post("/api/v1/heartbeat", auth, json={**BEAT, "outbox_depth": 0}).status_code == 204
    with hub.engine.connect() as conn:
        rows = conn.execute(sa.select(heartbeats).where(heartbeats.c.terminal_id == terminal_id)).mappings().all()
    assert len(rows) == 1 and rows[0]["outbox_depth"] == 0 and rows[0]["devices"] == BEAT["devices"]
    for bad in ({**BEAT, "outbox_depth": -1}, {**BEAT, "devices": {"Printer!": "ready"}}, {"app_version": "1"}):
        assert hub.post("/api/v1/heartbeat", auth, json=bad).status_code == 422
    assert hub.post("/api/v1/heartbeat", {}, json=BEAT).status_code == 401


def test_catalog_version_is_the_bundles(hub, bundle_path: Path):
    _, auth = hub.terminal()
    reply = hub.get("/api/v1/catalog/version", auth)
    assert reply.status_code == 200
    with CatalogStore(bundle_path) as store:
        assert reply.json()["version"] == store.stats()["version"]  # what `kiosk catalog stats --json` reports
    published = datetime.fromisoformat(reply.json()["published_at"])
    assert published.utcoffset() == timedelta(hours=8)
    assert hub.get("/api/v1/catalog/version", {}).status_code == 401


def test_health_needs_no_token(hub):
    reply = hub.get("/api/v1/health")
    assert reply.status_code == 200
    assert reply.json()["status"] == "ok" and re.match(r"^\d+\.\d+", reply.json()["version"])


def test_openapi_documents_every_endpoint_with_its_bodies(hub):
    doc = hub.get("/openapi.json").json()
    listed = {(method, path) for path, methods in doc["paths"].items() for method in methods}
    assert listed == CONTRACT  # the console's pages are not part of the API
    schemas = doc["components"]["schemas"]
    for name in (
        "Submission",
        "SubmissionAck",
        "Detail",
        "StatusReply",
        "SummaryList",
        "AppointmentRequest",
        "AppointmentReply",
        "SlotList",
        "Heartbeat",
        "CatalogVersion",
        "LookupRequest",
        "ErrorReply",
    ):
        assert name in schemas, name
    post = doc["paths"]["/api/v1/submissions"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/Submission")
    assert {"200", "201", "409", "413", "401", "422"} <= set(post["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in post["parameters"])
    assert "HTTPBearer" in doc["components"]["securitySchemes"]
    assert schemas["Submission"]["properties"]["materials"]["maxItems"] == 20


def test_fleet_view_marks_silent_terminals_stale(sqlite_hub):
    # A fresh database: the fleet view starts empty and fills with heartbeats.
    from hub.terminals import fleet

    assert fleet(sqlite_hub.engine) == []
    terminal_id, auth = sqlite_hub.terminal()
    (row,) = fleet(sqlite_hub.engine)
    assert row.terminal_id == terminal_id and row.stale and row.last_seen is None
    sqlite_hub.post("/api/v1/heartbeat", auth, json=BEAT)
    (row,) = fleet(sqlite_hub.engine)
    assert not row.stale and row.outbox_depth == 3 and row.devices["printer"] == "error"
    (row,) = fleet(sqlite_hub.engine, stale_after=timedelta(0))
    assert row.stale
