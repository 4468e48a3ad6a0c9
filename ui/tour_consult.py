"""The tour's pass through 视频咨询: waiting in the queue, the call, a pushed document, the recording question,
reconnecting and the end, driven by made-up call events (the tour runs without a hub or a clerk). The pictures are
drawn figures, nobody's face."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from ui.qt import QApplication

if TYPE_CHECKING:
    from ui.main_window import KioskWindow


class _TourClient:
    """Stands in for the call client: the tour feeds the events itself."""

    def __getattr__(self, _name: str):
        return lambda *_args, **_kwargs: None


def figure(background: tuple[int, int, int], shirt: tuple[int, int, int]) -> np.ndarray:
    """A 640x480 picture of a drawn figure (head and shoulders) in front of a plain wall."""
    image = np.tile(np.linspace(0.75, 1.0, 640)[None, :, None] * np.array(background)[None, None, :], (480, 1, 1))
    image = image.astype(np.uint8)
    cv2.ellipse(image, (320, 520), (230, 170), 0, 180, 360, shirt, -1)
    cv2.ellipse(image, (320, 230), (95, 120), 0, 0, 360, (150, 175, 205), -1)
    cv2.ellipse(image, (320, 150), (100, 60), 0, 180, 360, (40, 40, 50), -1)
    return image


def consult_shots(app: QApplication, window: KioskWindow, folder: Path, shoot, item_id: str) -> list[Path]:
    """Screens 50-55, asked from the guide of `item_id`: queue, call, pushed document, recording question, the
    question before leaving a call, reconnecting, end."""
    session, consult = window.session, window.consult
    services = window.ctx.services
    real_factory = services.get("consult")
    services["consult"] = lambda **_kwargs: _TourClient()
    try:
        session.open_module("search")
        session.go("open_item", item_id=item_id)
        session.go("consult")
        consult.self_timer.stop()  # the drawn figure stands in for the camera's picture

        def event(**data: Any) -> None:
            consult.on_event((consult.calls, data))

        screen = consult.screen
        event(type="queued", call_id="tour", position=2, expected_wait_s=360)
        screen.set_self_frame(figure((190, 200, 210), (120, 90, 60)))
        shots = [shoot(app, window, folder, "50-consult-queue")]
        event(type="accepted", clerk="王*")
        event(type="connected")
        screen.set_remote_frame(figure((210, 190, 160), (60, 60, 140)))
        screen.set_self_frame(figure((190, 200, 210), (120, 90, 60)))
        shots.append(shoot(app, window, folder, "51-consult-call"))
        text = "请准备以下材料：\n1. 居民身份证原件\n2. 近期一寸白底彩色照片一张\n办理时请带齐原件。"
        event(type="push", kind="document", title="社会保障卡申领须知", text=text)
        screen.set_remote_frame(figure((210, 190, 160), (60, 60, 140)))
        shots.append(shoot(app, window, folder, "52-consult-push"))
        consult.close_push()
        screen.set_self_frame(figure((190, 200, 210), (120, 90, 60)))
        event(type="record_request")
        shots.append(shoot(app, window, folder, "53-consult-record"))
        consult.answer_record(False)
        screen.ask_leave("home")  # 首页 tapped during the call
        shots.append(shoot(app, window, folder, "53-consult-leave"))
        screen.answer_leave(False)
        event(type="reconnecting")
        shots.append(shoot(app, window, folder, "54-consult-reconnecting"))
        event(type="hangup", reason="done")
        event(type="ended", reason="done")
        shots.append(shoot(app, window, folder, "55-consult-end"))
        session.go("home")
    finally:
        if real_factory is not None:
            services["consult"] = real_factory
    return shots
