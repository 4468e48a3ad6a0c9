"""`kiosk run --tour DIR`: visit every screen in each language, in elderly mode and in portrait, and save
a screenshot of each, so that people can look at what residents see."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import numpy as np

from catalog.store import CatalogStore
from kiosk.config import PORTALS, Config, PortalConfig
from kiosk.flows.pickup import CST
from ui.app import build_services, build_window, make_application
from ui.main_window import KioskWindow
from ui.qt import QApplication, QCoreApplication, QElapsedTimer, QEvent
from ui.tour_consult import consult_shots
from ui.tour_journey import journey_shots

LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)
DEMO_SEED = 3  # the made-up resident whose ID card the tour shows being read
QUERIES = {"zh_CN": "社保卡", "zh_HK": "社會保障卡", "en": "social security card"}
TOUR_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>portal</title></head>
<body style="font-family:'Noto Sans CJK SC';font-size:28px;margin:40px">
<h1>广东政务服务网 · 示例页面</h1><p>这是导览用的本机页面，代替真实门户（终端上按配置打开政务网站）。</p>
<p><a href="/next">下一页</a></p></body></html>"""


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = TOUR_PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        return


def settle(app: QApplication, rounds: int = 6) -> None:
    """Let layouts, deferred fits and paints finish."""
    for _ in range(rounds):
        app.processEvents()


def wait_for(app: QApplication, signal, timeout_ms: int = 10000) -> None:
    """Run the event loop until `signal` fires (or the timeout passes)."""
    fired = []
    signal.connect(lambda *_: fired.append(True))
    timer = QElapsedTimer()
    timer.start()
    while not fired and timer.elapsed() < timeout_ms:
        app.processEvents()
    timer.restart()
    while timer.elapsed() < 1500:  # Chromium paints the loaded page a moment later
        app.processEvents()


def shoot(app: QApplication, window: KioskWindow, folder: Path, name: str) -> Path:
    """Save the window as it looks now."""
    settle(app)
    path = folder / f"{name}.png"
    window.grab().save(str(path))
    return path


def tour_pass(
    app: QApplication, window: KioskWindow, store: CatalogStore, folder: Path, language: str, web: bool
) -> list[Path]:
    """Every screen for the window's current language, mode and size."""
    session = window.session
    shots = [shoot(app, window, folder, "01-attract")]
    session.go("start")
    session.set_language(language)
    shots.append(shoot(app, window, folder, "02-home"))
    if session.elderly and window.home.more.isVisible():
        window.home.next_page()
        shots.append(shoot(app, window, folder, "03-home-more"))
        window.home.next_page()
    session.open_module("search")
    shots.append(shoot(app, window, folder, "04-browse"))
    window.browse.search.setText(QUERIES[language])
    shots.append(shoot(app, window, folder, "05-browse-results"))
    window.browse.search.setText("xqxqxq")
    shots.append(shoot(app, window, folder, "06-browse-nothing"))
    window.browse.search.setText(QUERIES[language])
    settle(app)
    first = window.browse.browser.state.rows[0].id
    session.go("open_item", item_id=first)
    shots.append(shoot(app, window, folder, "07-item"))
    window.item.show_print_result(False)
    shots.append(shoot(app, window, folder, "08-item-printed"))
    window.overlay.show_remaining(17)
    shots.append(shoot(app, window, folder, "09-idle-warning"))
    window.keep_going()
    shots += face_shots(app, window, folder)
    shots += document_shots(app, window, folder)
    session.go("home")
    session.open_module("search")
    session.go("open_item", item_id=first)  # from the guide, the application journey
    shots += journey_shots(app, window, folder, shoot)
    session.go("home")
    shots += lookup_shots(app, window, store, folder)
    session.go("home")
    shots += consult_shots(app, window, folder, shoot, first)
    session.open_module("social_insurance")
    shots.append(shoot(app, window, folder, "10-social-insurance"))
    if web:
        session.go("home")
        session.open_module("portal_gdzwfw")
        wait_for(app, window.portal.load_finished)
        shots.append(shoot(app, window, folder, "11-portal"))
    session.go("technician")
    shots.append(shoot(app, window, folder, "12-pin"))
    session.go("pin_ok")  # the PIN screen verifies before it asks for this; the tour goes straight on
    shots.append(shoot(app, window, folder, "13-diagnostics"))
    session.go("error")
    shots.append(shoot(app, window, folder, "14-error"))
    session.end("restart")
    return shots


@functools.cache
def _demo_parts() -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, str]]:
    """A synthetic ID card (made up, kiosk.ocr.synth) held under the camera: frame, corners, flat card, truth."""
    from kiosk.ocr.synth import photo
    from kiosk.ocr.synth.dataset import make_flat

    flat, truth, _extra = make_flat("id_card_front", DEMO_SEED)
    frames, corners = photo.approach_sequence(flat.image, 20, DEMO_SEED, mask=flat.mask)
    return frames[15], corners[15], flat.image, truth


def demo_document():
    """A capture state mid-hold and a reading with the address to check (no OCR: the tour shows the screens)."""
    from kiosk.ocr.capture import CaptureState
    from kiosk.ocr.detect import Quad
    from kiosk.ocr.fields import FieldResult
    from kiosk.ocr.reader import Extraction

    frame, corners, flat, truth = _demo_parts()
    state = CaptureState("holding", "hold_still", Quad(corners.copy(), "card", 0.95), progress=0.6)
    fields = {name: FieldResult(value, 0.97) for name, value in truth.items()}
    address = truth["address"]
    misread = address[:-3] + ("8" if address[-3] != "8" else "6") + address[-2:]
    fields["address"] = FieldResult(misread, 0.58, [], [address])
    # Fresh copies each time: the session scrubs the pictures it is given when the tour moves on.
    return frame.copy(), state, Extraction("id_card_front", fields, ["glare"], 0.0, None, flat.copy())


def document_shots(app: QApplication, window: KioskWindow, folder: Path) -> list[Path]:
    """The capture screen mid-capture (outline, progress) and the review with one field to check."""
    session = window.session
    frame, state, extraction = demo_document()
    session.read_document("id_card_front")
    window.capture.show_still(frame, state)
    shots = [shoot(app, window, folder, "15-capture")]
    flow = session.data.document
    flow.captured(frame.copy())
    flow.set_extraction(extraction)
    session.go("captured")
    shots.append(shoot(app, window, folder, "16-review"))
    return shots


def face_shots(app: QApplication, window: KioskWindow, folder: Path) -> list[Path]:
    """The face screen waiting for the card, during a challenge, and after the last try (no face is shown:
    the tour carries no one's picture)."""
    from kiosk.face.verify import Phase, Update

    session = window.session
    session.go("verify_face")
    window.face.card_timer.stop()  # the simulated card's photo is not read: the screens are what is shown
    shots = [shoot(app, window, folder, "17-face-card")]
    flow = session.data.face
    flow.phase = "verifying"
    window.face.attempt = (flow, flow.generation)
    room = np.tile(np.linspace(70, 150, 640, dtype=np.uint8)[None, :, None], (480, 1, 3))
    window.face.view.set_frame(room)
    update = Update(Phase.CHALLENGE, "turn_left", "turn_left", 0.4, 7.2)
    window.face.on_update(update, flow, flow.generation)
    shots.append(shoot(app, window, folder, "18-face-challenge"))
    flow.phase, flow.tries = "exhausted", 3
    window.face.set_guidance("not_live")
    window.face.show_phase()
    shots.append(shoot(app, window, folder, "19-face-counter"))
    session.go("back")
    return shots


def lookup_shots(app: QApplication, window: KioskWindow, store: CatalogStore, folder: Path) -> list[Path]:
    """办件查询 (asking, typing, a supplement request, the hub unreachable) and 预约上门 (day and hour, contact,
    one field with the keyboard, the confirmation), filled with made-up answers: the tour runs without a hub."""
    import random
    from datetime import date, timedelta

    from kiosk.hub_client import HubError
    from kiosk.tracking import make_status_code, make_tracking_no

    session, lookup = window.session, window.lookup
    rng = random.Random(DEMO_SEED)
    tracking_no, code = make_tracking_no(date.today(), rng), make_status_code(rng)
    day = date.today().isoformat()
    history = [
        {"status": "submitted", "at": f"{day}T09:12:00+08:00", "note": None},
        {"status": "accepted", "at": f"{day}T10:30:00+08:00", "note": None},
        {"status": "in_review", "at": f"{day}T14:05:00+08:00", "note": None},
        {"status": "supplement_requested", "at": f"{day}T16:40:00+08:00", "note": "租赁合同缺少出租人签名"},
    ]
    status = {
        "tracking_no": tracking_no, "item_name": "居住登记", "status": "supplement_requested",
        "updated_at": history[-1]["at"], "promised_days": 5, "history": history, "mail_no": None,
        "supplement": {"materials": ["房屋租赁合同（出租人签名）", "出租人身份证复印件"], "note": "",
                       "mail_to": "广州市黄埔区香雪大道中85号 黄埔区政务服务中心 收"},
    }  # fmt: skip
    session.open_module("status")
    shots = [shoot(app, window, folder, "20-status-ask")]
    lookup.status.start_typing()
    shots.append(shoot(app, window, folder, "21-status-type"))
    flow = session.data.status
    flow.answer(flow.ask_receipt(tracking_no, code), status)
    lookup.status.show_page(lookup.status.result_page)
    lookup.status.render()
    shots.append(shoot(app, window, folder, "22-status-supplement"))
    flow.local_lookup = lambda _t: {"delivered": None}
    flow.answer(flow.again(), HubError("status: the hub did not answer"))
    lookup.status.render()
    shots.append(shoot(app, window, folder, "23-status-offline"))

    session.go("home")
    item_id = next(r["id"] for r in store.records() if "door_pickup" in r["channels"])
    session.open_module("search")
    session.go("open_item", item_id=item_id)
    lookup.open_pickup()
    pickup = session.data.pickup
    tomorrow = pickup.days()[1]
    slots = []
    for hour in range(9, 18):
        start = datetime.combine(tomorrow, time(hour), CST)
        end = start + timedelta(hours=1)
        slots.append({"start": start.isoformat(), "end": end.isoformat(), "available": {10: 0, 11: 1}.get(hour, 2)})
    pickup.slots_answer(pickup.choose_day(tomorrow), slots)
    pickup.choose_slot(pickup.open_slots()[3].start)
    lookup.pickup.show_when()
    shots.append(shoot(app, window, folder, "24-pickup-when"))
    pickup.set_field("contact_name", "王小明")
    pickup.set_field("phone", "13912345678")
    lookup.pickup.show_who()
    shots.append(shoot(app, window, folder, "25-pickup-who"))
    lookup.pickup.start_edit("address")
    lookup.pickup.editor.setText("开发大道188号3栋502房")
    shots.append(shoot(app, window, folder, "26-pickup-address"))
    lookup.pickup.save_edit()
    start = pickup.slot.start
    reply = {"appointment_no": "YY" + tomorrow.strftime("%Y%m%d") + "0007", "status": "confirmed",
             "slot_start": pickup.slot.text, "visit_by": (start + timedelta(hours=1)).isoformat()}  # fmt: skip
    pickup.book_answer(pickup.begin_booking(), reply)
    lookup.pickup.pages.setCurrentWidget(lookup.pickup.done_page)
    lookup.pickup.render()
    shots.append(shoot(app, window, folder, "27-pickup-done"))
    return shots


def dispose(window: KioskWindow) -> None:
    """Close and delete a window now: QtWebEngine must go before the application does."""
    window.allow_close = True
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def run_tour(config: Config, store: CatalogStore, out: Path, web: bool = True) -> int:
    """Photograph every screen in 3 languages x normal/elderly x landscape/portrait; returns 0."""
    app = make_application()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{server.server_address[1]}"
    local = PortalConfig(f"http://{host}/", (host,))
    config = replace(config, **{p: local for p in PORTALS}, voice=replace(config.voice, enabled=False))
    count = 0
    try:
        for language in ("zh_CN", "zh_HK", "en"):
            for elderly in (False, True):
                for orientation, size in (("landscape", LANDSCAPE), ("portrait", PORTRAIT)):
                    folder = out / f"{language}-{'elderly' if elderly else 'standard'}-{orientation}"
                    folder.mkdir(parents=True, exist_ok=True)
                    services = build_services(config, store, background=False)
                    services.pop("voice", None)  # a tour is silent
                    window = build_window(
                        replace(config, ui=replace(config.ui, elderly_default=elderly, language=language)),
                        store,
                        services,
                    )
                    window.resize(*size)
                    window.show()
                    settle(app)
                    count += len(tour_pass(app, window, store, folder, language, web))
                    dispose(window)
                    services["devices"].close()
    finally:
        server.shutdown()
        server.server_close()
    print(f"kiosk: tour saved {count} screenshots under {out}", file=sys.stderr)
    return 0
