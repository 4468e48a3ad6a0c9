"""Print an item's guide: an A4 PDF (text and a vector QR code) sent to CUPS when a printer is there.

Without CUPS the PDF is kept. A guide holds no personal data, so keeping the PDF for a technician is harmless.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from devices.base import DeviceError
from devices.printer.cups_a4 import CupsA4Printer
from ui.qt import QMarginsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QRectF, QTextDocument
from ui.widgets.qr import paint_qr, qr_matrix

log = logging.getLogger("kiosk.printing")


def print_receipt_in_background(printer, receipt, report: Callable[[bool], None], name: str = "print-receipt") -> None:
    """Print on the receipt printer in a thread (it may wait seconds for paper status); `report(ok)` afterwards,
    from that thread: pass a signal's emit, which Qt queues to the GUI thread."""

    def work() -> None:
        try:
            printer.print_receipt(receipt)
            ok = True
        except DeviceError as exc:
            log.warning("receipt printer: %s", exc)
            ok = False
        report(ok)

    threading.Thread(target=work, name=name, daemon=True).start()


@dataclass(frozen=True)
class PrintResult:
    """What happened to a print job."""

    printed: bool  # handed to a printer
    path: Path  # the PDF
    message: str  # for logs (no personal data)


def render_pdf(html: str, qr_text: str, out: Path) -> Path:
    """Write the guide's HTML and its QR code to an A4 PDF at `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    writer.setTitle("办事指南")
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    qr_side = page.width() * 0.28
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-family: 'Noto Sans CJK SC'; }")
    document.setHtml(html)
    # QTextDocument lays out in points at 72 dpi; scale it to the writer's resolution.
    scale = writer.resolution() / 72 * 0.9
    document.setTextWidth((page.width() - qr_side - 60) / scale)
    painter.save()
    painter.scale(scale, scale)
    document.drawContents(painter)
    painter.restore()
    paint_qr(painter, qr_matrix(qr_text), QRectF(page.width() - qr_side, 0, qr_side, qr_side))
    painter.end()
    return out


def guide_pdf(html: str, qr_text: str, folder: Path) -> Path:
    """Render the guide into a new PDF in `folder` (Qt paints: call on the GUI thread)."""
    out = folder / f"guide-{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 10**6}.pdf"
    return render_pdf(html, qr_text, out)


def send_to_cups(pdf: Path, printer: CupsA4Printer | None, title: str = "办事指南") -> PrintResult:
    """Hand a rendered PDF to CUPS (blocks up to lp's timeout: call from a worker); without CUPS the PDF stays."""
    if printer is None:
        return PrintResult(False, pdf, "no A4 printer configured: PDF kept")
    try:
        job = printer.print_pdf(pdf, title)
    except DeviceError as exc:
        return PrintResult(False, pdf, f"printing failed: {exc}")
    return PrintResult(True, pdf, f"sent to {printer.describe()} as job {job}")
