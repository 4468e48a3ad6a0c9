"""Submitting: how long the resident waits between 提交 and "submitted", and what the durable outbox costs on the
way to the hub.

Run: uv run python -m bench.submit [--n 30]
- Tap to "submitted": ApplicationFlow.submit with a realistic application (an ID card chip read, a licence and
  two A4 pages photographed, a signature): pictures encoded, sealed (AES-256-GCM), kept with WAL +
  synchronous=FULL. Baseline in the same run: the same application's pictures encoded and its JSON written to a
  plain file with fsync (no sealing, no database), the least any durable store must do. Target: median under
  300 ms.
- Delivery: the same submissions through the outbox and requests to a real hub on 127.0.0.1 (SQLite), against
  posting the same bodies with requests directly (no outbox). The ratio is the outbox's overhead per delivery.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from catalog.store import CatalogStore
from hub.app import create_app
from hub.server import ServerThread
from hub.terminals import add_terminal
from kiosk.config import load_config
from kiosk.delivery import Delivery
from kiosk.flows.application import ApplicationFlow
from kiosk.flows.document import DocumentFlow, ReadDocument
from kiosk.flows.face import FaceFlow, FaceOutcome
from kiosk.hub_client import HubClient
from kiosk.ocr.synth.identities import make_company, make_person
from kiosk.outbox import Outbox
from kiosk.signature_synth import synth_signature

TARGET_SUBMIT_MS = 300.0


def enterprise_item(store: CatalogStore):
    """A self-service item asking for a licence, ID cards and another paper."""
    for record in store.records():
        item = store.item(record["id"])
        names = " ".join(m.name for m in item.materials)
        if item.self_service and "营业执照" in names and "法定代表人" in names:
            return item
    raise SystemExit("no enterprise item in the catalog")


def photo(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """A document-like picture: light paper, dark text-like strokes, camera noise (JPEG sizes as real ones)."""
    h, w = shape
    image = np.full((h, w, 3), 238, np.uint8)
    for y in range(60, h - 60, 44):
        x0, x1 = 80, int(rng.integers(w // 2, w - 80))
        image[y : y + 14, x0:x1] = 40
    noise = rng.normal(0, 6, image.shape)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def application(store: CatalogStore, seed: int) -> tuple[ApplicationFlow, FaceFlow, DocumentFlow]:
    """One filled, signed application."""
    rng = np.random.default_rng(seed)
    person, company = make_person(random.Random(seed)), make_company(random.Random(seed + 1))
    face = FaceFlow()
    face.set_card({**person.front_fields(), **person.back_fields()})
    face.outcome = FaceOutcome(True, "match", "chip", 1, 0.3, 0.59, "blink", "live")
    documents = DocumentFlow()
    documents.documents["business_license"] = ReadDocument(
        "business_license", company.fields(), photo(rng, (1240, 1754))
    )
    flow = ApplicationFlow()
    flow.start(enterprise_item(store))
    for slot in flow.slots:
        if slot.key not in documents.documents and not slot.own_card:
            shape = (856, 540) if slot.kind == "id_card_front" else (1754, 1240)
            documents.documents[slot.key] = ReadDocument(slot.kind, {}, photo(rng, shape))
    flow.prefill(face, documents)
    flow.set_value("phone", "13800138000")
    flow.set_signature(synth_signature(seed))
    return flow, face, documents


def measure_submit(store: CatalogStore, folder: Path, n: int) -> tuple[list[float], list[float], Outbox]:
    """Milliseconds per submit through the outbox, and per naive durable write of the same application (its
    pictures encoded, as JSON to a plain file with fsync: no sealing, no database)."""
    import datetime as dt

    from kiosk.tracking import make_status_code, make_tracking_no

    outbox = Outbox(folder / "outbox.sqlite3")
    ours, plain = [], []
    for seed in range(n):
        flow, face, documents = application(store, seed)
        started = time.perf_counter()
        flow.submit(face, documents, outbox, None, "zh_CN")
        ours.append((time.perf_counter() - started) * 1000)
        flow, face, documents = application(store, seed)
        started = time.perf_counter()
        now = dt.datetime.now().astimezone()
        payload = flow.payload(face, documents, "zh_CN", make_tracking_no(now.date()), make_status_code(), now)
        with open(folder / f"plain-{seed}.json", "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        plain.append((time.perf_counter() - started) * 1000)
    return ours, plain, outbox


def measure_delivery(outbox: Outbox, folder: Path, bundle: Path) -> tuple[float, float]:
    """Seconds to deliver the outbox to a fresh hub, and to post the same bodies directly to another."""
    import requests

    bodies = [(p.key, p.payload) for p in outbox.due(now=time.time() + 1e9, limit=1000)]
    timings = []
    for name in ("outbox", "direct"):
        app = create_app(
            f"sqlite:///{folder / f'hub-{name}.sqlite3'}", key_path=folder / f"{name}.key", catalog_bundle=bundle
        )
        with ServerThread(app) as url:
            token = add_terminal(app.fastapi.state.hub.engine, f"bench-{name}")
            started = time.perf_counter()
            if name == "outbox":
                client = HubClient(url, token)
                delivery = Delivery(outbox, lambda client=client: client)
                while outbox.depth():
                    delivery.run_once()
            else:
                for key, body in bodies:
                    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
                    headers = {
                        "Authorization": f"Bearer {token}",
                        "Idempotency-Key": key,
                        "Content-Type": "application/json",
                    }
                    requests.post(url + "/api/v1/submissions", data=raw, headers=headers, timeout=30).raise_for_status()
            timings.append(time.perf_counter() - started)
    return timings[0], timings[1]


def main() -> None:
    """Print the figures and their ratios against the baselines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30, help="submissions")
    args = parser.parse_args()
    config = load_config()
    with CatalogStore(config.bundle_path) as store, tempfile.TemporaryDirectory(prefix="kiosk-bench-submit-") as tmp:
        folder = Path(tmp)
        ours, plain, outbox = measure_submit(store, folder, args.n)
        size = os.path.getsize(folder / "plain-0.json") / 1e6
        med, p95, base = statistics.median(ours), sorted(ours)[int(0.95 * (len(ours) - 1))], statistics.median(plain)
        print(f"submission size: {size:.2f} MB of JSON (4 pictures + signature)")
        print(
            f"tap to 'submitted': median {med:.0f} ms, p95 {p95:.0f} ms (target {TARGET_SUBMIT_MS:.0f} ms)"
            f" | the same as plain JSON + fsync: {base:.0f} ms | ratio {med / base:.2f}x"
        )
        outboxed, direct = measure_delivery(outbox, folder, config.bundle_path)
        print(
            f"delivery of {args.n} to a hub on 127.0.0.1: via the outbox {outboxed:.2f} s "
            f"({outboxed / args.n * 1000:.0f} ms each) | direct requests.post {direct:.2f} s"
            f" | ratio {outboxed / direct:.2f}x"
        )
        outbox.close()


if __name__ == "__main__":
    main()
