"""Wiring of 办件查询 and 预约上门 into the window: their screens, the item guide's pickup button, receipts scanned
on any screen (the barcode scanner, or the document camera while the status screen asks), and printing.

`install_lookup(window)` is called once by the main window after its other screens exist.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from devices.base import DeviceError, DeviceEvent
from kiosk.flows.status import parse_receipt_qr, verified_identity
from kiosk.session import Screen, Session
from ui.qt import QObject, Signal
from ui.screens.pickup import PickupScreen
from ui.screens.status import StatusScreen
from ui.worker import Worker

if TYPE_CHECKING:
    from ui.main_window import KioskWindow

log = logging.getLogger("kiosk.ui.lookup")
# Screens where a scanned receipt is not taken as the resident's wish to see its status: the technician's.
NO_RECEIPT_ROUTING = {Screen.PIN, Screen.DIAGNOSTICS, Screen.ERROR}


class Lookup(QObject):
    """The status and pickup screens and everything around them."""

    scanned = Signal(str)  # a code from a device thread, re-emitted on the GUI thread

    def __init__(self, window: KioskWindow):
        super().__init__(window)
        self.window = window
        self.session: Session = window.session
        ctx = window.ctx
        keyboard = ctx.services.get("keyboard")
        self.status: StatusScreen = window._add(Screen.STATUS, StatusScreen(ctx, keyboard))
        self.pickup: PickupScreen = window._add(Screen.PICKUP, PickupScreen(ctx, keyboard))
        home = getattr(window.browse, "claim_keyboard", None)  # the keyboard lives on the browse screen
        self.status.loan.home = home
        self.pickup.loan.home = home
        self.worker = Worker(self)
        self.local_lookup: Callable[[str], dict[str, Any] | None] | None = None
        self.camera_scanner = None
        self.watching = False

        self.status.verify_face.connect(lambda: self.session.go("verify_face"))
        self.status.print_requested.connect(lambda: self.print_receipt(self.status, "status"))
        self.status.watching.connect(self.watch_camera)
        self.pickup.print_requested.connect(lambda: self.print_receipt(self.pickup, "pickup"))
        self.pickup.finished.connect(lambda: self.session.go("home"))
        if hasattr(window.item, "pickup"):
            window.item.pickup.connect(self.open_pickup)
        self.scanned.connect(self.route_scan)
        self.session.on_change(self.on_session)
        self.session.on_wipe(self.on_wipe)
        devices = ctx.services.get("devices")
        scanner = devices.drivers.get("scanner") if devices is not None else None
        if scanner is not None:
            scanner.on_event(self.on_device_event)
        self.on_wipe()

    # -- the outbox hook ------------------------------------------------------------------------------
    def set_local_lookup(self, hook: Callable[[str], dict[str, Any] | None] | None) -> None:
        """What this terminal's outbox knows of a tracking number (set by the app that owns the outbox)."""
        self.local_lookup = hook
        self.session.data.status.local_lookup = hook

    def on_wipe(self) -> None:
        """A fresh session has a fresh status flow: give it the outbox hook again."""
        self.session.data.status.local_lookup = self.local_lookup

    # -- pickup ---------------------------------------------------------------------------------------
    def open_pickup(self) -> None:
        """The item guide's 预约上门收件: book for the item shown."""
        item = self.window.item.item
        if item is None or not self.session.allowed("pickup"):
            return
        self.start_pickup(item.id)
        self.session.go("pickup", item_id=item.id)

    def start_pickup(self, item_id: str) -> None:
        """Start (or keep) the booking for an item; the contact name from the ID card if the face was verified."""
        item = self.window.ctx.store.item(item_id) if item_id else None
        data = self.session.data
        card = verified_identity(data.face, data.document) or None
        flow = self.session.data.pickup
        flow.start(item.id if item else "", item.name if item else "", card, *self.application_contact(item_id))

    def application_contact(self, item_id: str) -> tuple[str, str]:
        """The mobile number and address of the application just made for this item ("" when none)."""
        application = getattr(self.session.data, "application", None)
        if application is None or getattr(getattr(application, "item", None), "id", None) != item_id:
            return "", ""
        values = getattr(application, "values", None) or {}
        found = {"phone": "", "address": ""}
        for spec in getattr(application, "fields", ()):
            kind = getattr(spec, "kind", "")
            if kind in found and not found[kind] and isinstance(values.get(spec.key), str):
                found[kind] = values[spec.key]
        return found["phone"], found["address"]

    def on_session(self, session: Session, reason: str) -> None:
        """Opened from another screen (the done screen after a submission): book for the session's item."""
        if session.screen == Screen.PICKUP and reason == "pickup":
            flow = session.data.pickup
            if flow.item_id != session.data.item_id or flow.phase == "idle":
                self.start_pickup(session.data.item_id)
                self.pickup.entered()

    # -- receipts scanned -----------------------------------------------------------------------------
    def on_device_event(self, event: DeviceEvent) -> None:
        """A scanner's event, in its thread: codes go to the GUI thread (nothing else is done here)."""
        if event.name == "code_scanned" and isinstance(event.data.get("code"), str):
            self.scanned.emit(event.data["code"])

    def route_scan(self, code: str) -> None:
        """A receipt's status QR code shows its status, from any screen of the resident's journey."""
        if parse_receipt_qr(code) is None or self.session.screen in NO_RECEIPT_ROUTING:
            return  # other codes belong to whoever asked for them (diagnostics, later flows)
        self.window.idle.touch()
        self.session.data.status.ask_scanned(code)
        self.session.go("scanned_receipt")
        self.status.run_query()

    def watch_camera(self, on: bool) -> None:
        """While the status screen asks, the document camera also reads a receipt held under it."""
        if on == self.watching:
            return
        devices = self.window.ctx.services.get("devices")
        camera = devices.drivers.get("doccamera") if devices is not None else None
        if camera is None:
            return
        self.watching = on
        # The capture screen's job queue: the camera is never opened by one screen while another closes it.
        jobs = self.window.capture.camera_jobs
        if on:
            jobs.put(lambda: self._start_camera_scanner(camera))
        else:
            jobs.put(self._stop_camera_scanner)

    def _start_camera_scanner(self, camera) -> None:
        from devices.scanner.camera_decoder import CameraScanner

        if self.camera_scanner is not None:
            return
        opened = False
        if not getattr(camera, "running", False):
            camera.open()
            opened = True
        scanner = CameraScanner(camera)
        scanner.on_event(self.on_device_event)
        scanner.open()
        self.camera_scanner = (scanner, camera, opened)

    def _stop_camera_scanner(self) -> None:
        if self.camera_scanner is None:
            return
        scanner, camera, opened = self.camera_scanner
        self.camera_scanner = None
        scanner.close()
        if opened:
            camera.close()

    # -- printing -------------------------------------------------------------------------------------
    def print_receipt(self, screen: StatusScreen | PickupScreen, name: str) -> None:
        """Print what the screen shows on the receipt printer, off the GUI thread."""
        receipt = screen.receipt()
        if receipt is None:
            return
        devices = self.window.ctx.services.get("devices")
        printer = devices.drivers.get("printer") if devices is not None else None
        if printer is None:
            screen.show_print_result(False)
            return
        screen.show_printing()
        wipes = self.session.ended_count

        def job() -> bool:
            try:
                printer.print_receipt(receipt)
            except DeviceError as exc:
                log.warning("receipt printer: %s", exc)
                return False
            return True

        def done(result: Any) -> None:
            if wipes == self.session.ended_count:  # the resident who asked is still there
                screen.show_print_result(result is True)

        self.worker.run(f"print-{name}", job, done)

    def close(self) -> None:
        """Stop the document camera's reading (the window is going away)."""
        self.watch_camera(False)


def install_lookup(window: KioskWindow) -> Lookup:
    """Create the status and pickup screens in `window` and wire them; returns the wiring."""
    return Lookup(window)
