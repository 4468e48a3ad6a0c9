"""Delivering the outbox to the hub in the background (no Qt): due submissions are sent with their idempotency
keys, acknowledged ones erased, failed ones retried with backoff; a heartbeat goes out on the way.

A crash anywhere is harmless: a submission is erased only after the hub acknowledged it, and sending it again
under the same key is answered "duplicate" by the hub, which keeps one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from kiosk.hub_client import HubClient, HubError
from kiosk.outbox import Outbox

log = logging.getLogger("kiosk.delivery")
IDLE_WAIT_S = 5.0  # how often the outbox is looked at when nothing nudges it
HEARTBEAT_S = 60.0


class Delivery:
    """One background thread sending what the outbox holds."""

    def __init__(
        self,
        outbox: Outbox,
        client: Callable[[], HubClient],
        audit: Any = None,
        heartbeat: Callable[[], dict[str, Any]] | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.outbox = outbox
        self.client = client  # made on demand: a token written after start-up is picked up
        self.audit = audit
        self.heartbeat = heartbeat
        self.clock = clock
        self.last_error = ""
        self.delivered_count = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_heartbeat = float("-inf")

    def run_once(self) -> int:
        """Send every due submission once; returns how many the hub acknowledged."""
        try:
            client = self.client()
        except HubError as exc:
            self._note(str(exc))
            return 0
        done = 0
        for pending in self.outbox.due(self.clock()):
            try:
                ack = client.submit(pending.key, pending.payload)
            except HubError as exc:
                self.outbox.failed(pending.id, str(exc), self.clock())
                self._note(str(exc))
                if exc.status == 0:
                    break  # the hub is not there: the others would only wait for the same timeout
                continue
            finally:
                pending.payload.clear()
            self.outbox.delivered(pending.id, ack.tracking_no)
            done += 1
            self.delivered_count += 1
            self.last_error = ""
            if self.audit is not None:
                self.audit.record("delivered", tracking_no=ack.tracking_no, duplicate=ack.duplicate)
        self._beat(client)
        return done

    def _beat(self, client: HubClient) -> None:
        if self.heartbeat is None or self.clock() - self._last_heartbeat < HEARTBEAT_S:
            return
        self._last_heartbeat = self.clock()
        try:
            client.heartbeat({**self.heartbeat(), "outbox_depth": self.outbox.depth()})
        except HubError as exc:
            self._note(str(exc))

    def _note(self, error: str) -> None:
        if error != self.last_error:
            log.warning("delivery: %s", error)  # errors name the request and the status, never the content
        self.last_error = error

    # -- the thread -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Deliver in the background until `stop`."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="outbox-delivery", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Something new is in the outbox: look now rather than at the next round."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread (a delivery in flight finishes or times out first)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # a bug must not end delivery for good: say so and try again next round
                log.exception("delivery round failed")
            self._wake.wait(IDLE_WAIT_S)
            self._wake.clear()
