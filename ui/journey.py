"""The application journey's screens in the window, and what joins them: item -> checklist (identity, materials)
-> form -> signature -> confirmation -> submitted (outbox), receipt printed, delivery nudged."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.flows.application import Submitted, receipt_qr_text, submission_receipt
from kiosk.outbox import OutboxError
from kiosk.session import Screen
from ui.printing import print_receipt_in_background
from ui.qt import QObject, Signal
from ui.screens.apply import ApplyScreen
from ui.screens.confirm import ConfirmScreen, DoneScreen
from ui.screens.form import FormScreen
from ui.screens.sign import SignScreen

if TYPE_CHECKING:
    from ui.main_window import KioskWindow

log = logging.getLogger("kiosk.journey")


class Journey(QObject):
    """The application screens of one window and their wiring."""

    printed = Signal(bool, int)  # ok, the session count it was printed for

    def __init__(self, window: KioskWindow):
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        self.session = ctx.session
        self.services = ctx.services
        self.apply = window._add(Screen.APPLY, ApplyScreen(ctx))
        self.form = window._add(Screen.FORM, FormScreen(ctx, ctx.services.get("keyboard")))
        self.sign = window._add(Screen.SIGN, SignScreen(ctx))
        self.confirm = window._add(Screen.CONFIRM, ConfirmScreen(ctx))
        self.done = window._add(Screen.DONE, DoneScreen(ctx))
        self.form.loan.home = window.browse.claim_keyboard

        window.item.apply.connect(self.start)
        self.apply.verify_face.connect(lambda: self.session.go("verify_face"))
        self.apply.read_material.connect(self.session.read_document)
        self.apply.next_step.connect(lambda: self.session.go("fill_form"))
        self.form.next_step.connect(lambda: self.session.go("sign"))
        self.sign.next_step.connect(lambda: self.session.go("review"))
        self.confirm.edit.connect(lambda part: self.session.go(f"edit_{part}"))
        self.confirm.submit.connect(self.submit)
        self.done.finish.connect(lambda: self.session.end("finish"))
        self.done.pickup.connect(lambda: self.session.go("pickup"))
        self.done.print_again.connect(self.print_receipt)
        self.printed.connect(self.on_printed)
        outbox = self.services.get("outbox")
        lookup = getattr(window, "lookup", None)
        if outbox is not None and lookup is not None:
            # 办件查询 with the hub unreachable: a submission made here is reported as registered and on its way.
            lookup.set_local_lookup(lambda tracking_no: outbox.receipt(ref=tracking_no))

    def titles(self) -> dict[Screen, str]:
        """The top bar's titles of the journey's screens."""
        return {
            Screen.APPLY: self.tr("申请办理"),
            Screen.FORM: self.tr("填写信息"),
            Screen.SIGN: self.tr("签名"),
            Screen.CONFIRM: self.tr("确认提交"),
            Screen.DONE: self.tr("提交成功"),
        }

    def start(self) -> None:
        """Apply for the item on show."""
        item = self.window.item.item
        if item is None or not item.self_service:
            return
        self.session.data.application.start(item)
        self.session.go("apply")

    # -- submitting -----------------------------------------------------------------------------------
    def submit(self) -> None:
        """Put the application in the outbox (off the GUI thread); "submitted" only once it is there."""
        outbox = self.services.get("outbox")
        if outbox is None:
            self.confirm.show_failure()
            return
        data = self.session.data
        flow, face, documents = data.application, data.face, data.document
        language, audit, wipes = self.session.language, self.services.get("audit"), self.session.ended_count

        def job() -> Submitted:
            return flow.submit(face, documents, outbox, audit, language)

        self.window.worker.run("submit", job, lambda result: self.on_submitted(result, wipes))

    def on_submitted(self, result: Submitted | Exception, wipes: int) -> None:
        """In the outbox: the done screen and the receipt; or the confirmation says it did not go."""
        if wipes != self.session.ended_count:
            return  # the session ended meanwhile; a kept submission is delivered all the same
        if isinstance(result, Exception):
            kind = "outbox" if isinstance(result, OutboxError) else type(result).__name__
            log.warning("submission not kept (%s)", kind)  # never the content
            self.confirm.show_failure()
            return
        log.info("submission kept in the outbox: %s", self.session.data.application.summary())
        delivery = self.services.get("delivery")
        if delivery is not None:
            delivery.nudge()
        self.done.show_submitted(result, receipt_qr_text(result))
        self.session.go("submitted")
        self.print_receipt()

    # -- the receipt ----------------------------------------------------------------------------------
    def print_receipt(self) -> None:
        """The receipt on the receipt printer, off the GUI thread."""
        submitted = self.done.submitted
        devices = self.services.get("devices")
        printer = devices.drivers.get("printer") if devices is not None else None
        if submitted is None:
            return
        if printer is None:
            self.done.show_print_result(False)
            return
        receipt = submission_receipt(submitted, self.window.config.terminal.site, self.session.language)
        wipes = self.session.ended_count
        self.done.print_button.setEnabled(False)

        print_receipt_in_background(printer, receipt, lambda ok: self.printed.emit(ok, wipes))

    def on_printed(self, ok: bool, wipes: int) -> None:
        """Tell the resident (if still there) whether to take the receipt."""
        if wipes == self.session.ended_count:
            self.done.print_button.setEnabled(True)
            self.done.show_print_result(ok)


def install_journey(window: KioskWindow) -> Journey:
    """Add the application journey to the window."""
    return Journey(window)
