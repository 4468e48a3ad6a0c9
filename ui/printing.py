"""Print an item's guide: an A4 PDF (text and a vector QR code) sent to CUPS when a printer is there.

The receipt printer arrives with the device layer; until then the guide is a PDF. A guide holds no
personal data, so keeping the PDF for a technician is harmless.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ui.qt import QMarginsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QRectF, QTextDocument
from ui.widgets.qr import paint_qr, qr_matrix


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


def print_guide(html: str, qr_text: str, folder: Path, lp: str | None = None) -> PrintResult:
    """Render the guide and send it to the default CUPS printer if `lp` exists; else keep the PDF."""
    out = folder / f"guide-{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 10**6}.pdf"
    render_pdf(html, qr_text, out)
    lp = lp or shutil.which("lp")
    if lp is None:
        return PrintResult(False, out, "no printer: PDF kept")
    try:
        subprocess.run([lp, str(out)], check=True, capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as exc:
        return PrintResult(False, out, f"printing failed: {type(exc).__name__}")
    return PrintResult(True, out, "sent to the default printer")
