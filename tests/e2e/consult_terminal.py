"""The terminal of tests/e2e/test_consult_networks.py, run by it inside the terminal's network namespace
(`ip netns exec NS python tests/e2e/consult_terminal.py HUB_URL TOKEN_FILE FOOTAGE_DIR`): the real ConsultClient
with the face camera's real driver (OpenCvCamera) reading the camera simulator on this namespace's 127.0.0.1, and
the default sound devices (PortAudio through PulseAudio: PULSE_SOURCE and PULSE_SINK name the null sinks the test
made, the resident's voice is fed into one), or none with CONSULT_SOUND=0 (silence is sent).

The footage is a textured scene with a moving shape and a sensor's noise, as a real camera gives: the simulator's
flat generated scene compresses to some 80 kbit/s, which no real camera does, and would hide a weak uplink.

Commands come as JSON lines on stdin ({"do": "start" | "stats" | "hang_up" | "quit"}); the client's events
({"event": {...}}) and stats ({"stats": {...}}) go as JSON lines to stdout."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import cv2
import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from devices.camera.opencv_camera import OpenCvCamera  # noqa: E402
from devices.camera.sim import CameraSimulator  # noqa: E402
from kiosk.consult.call import ConsultClient  # noqa: E402

FPS = 15
_out = threading.Lock()


def say(**message: Any) -> None:
    """One JSON line to the test."""
    with _out:
        sys.stdout.write(json.dumps(message, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()


def make_footage(folder: Path, frames: int = 2 * FPS) -> Path:
    """A looped second or two of a camera's view: a lit texture, a moving oval, noise in every frame."""
    if folder.is_dir() and len(list(folder.glob("*.jpg"))) == frames:
        return folder  # made by an earlier terminal of the same run
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(9)
    texture = sum(
        cv2.resize(rng.normal(0, 1, (480 // s, 640 // s)).astype(np.float32), (640, 480), interpolation=cv2.INTER_CUBIC)
        for s in (4, 16, 64)
    )
    base = np.clip(110 + 28 * texture, 0, 255).astype(np.uint8)
    base = cv2.merge([base, (base * 0.9).astype(np.uint8), (base * 0.8).astype(np.uint8)])
    for n in range(frames):
        frame = base.copy()
        x = 320 + int(60 * np.sin(2 * np.pi * n / frames))
        cv2.ellipse(frame, (x, 240), (90, 120), 0, 0, 360, (150, 170, 200), -1)
        noisy = frame.astype(np.int16) + rng.normal(0, 5, frame.shape).astype(np.int16)
        cv2.imwrite(str(folder / f"{n:03d}.jpg"), np.clip(noisy, 0, 255).astype(np.uint8))
    return folder


def ice_path(client: ConsultClient) -> dict[str, str] | None:
    """The candidate types of the pair ICE nominated (aioice's own record: aiortc's stats have no pairs)."""
    pc = client.pc
    if pc is None:
        return None
    for transceiver in pc.getTransceivers():
        try:
            pair = transceiver.sender.transport.transport._connection._nominated.get(1)
        except AttributeError:
            return None
        if pair is not None:
            return {"local": pair.local_candidate.type, "remote": pair.remote_candidate.type}
    return None


def candidate_types(client: ConsultClient) -> list[str] | None:
    """The kinds of local candidates the current connection gathered (host, srflx, relay)."""
    pc = client.pc
    transports = [t.sender.transport for t in pc.getTransceivers() if t.sender.transport] if pc else []
    if not transports:
        return None
    return sorted({c.type for c in transports[0].transport.iceGatherer.getLocalCandidates()})


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiortc.rtcrtpsender").setLevel(logging.WARNING)
    logging.getLogger("aiortc.rtcrtpreceiver").setLevel(logging.WARNING)
    if os.environ.get("CONSULT_DEBUG"):
        logging.getLogger("aioice").setLevel(logging.DEBUG)
    hub_url, token_file, footage = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    media_timeout = float(sys.argv[4]) if len(sys.argv) > 4 else None
    sim = CameraSimulator(640, 480, FPS, source=make_footage(footage))
    camera = OpenCvCamera(sim.url, 640, 480, FPS)
    camera.open()
    deadline = time.monotonic() + 15
    while camera.latest() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    extra = {} if media_timeout is None else {"media_timeout": media_timeout}
    sound = os.environ.get("CONSULT_SOUND", "1") == "1"
    client = ConsultClient(
        hub_url,
        lambda: token_file.read_text().strip(),
        camera=camera,
        audio=SimpleNamespace(input=None, output=None) if sound else None,  # the default devices
        on_event=lambda event: say(event=event),
        site="黄埔邮政大沙地网点",
        **extra,
    )
    say(ready=camera.latest() is not None)
    try:
        for line in sys.stdin:
            command = json.loads(line).get("do")
            if command == "start":
                client.start("zh_CN")
            elif command == "stats":
                stats = client.stats()
                stats["path"] = ice_path(client)
                stats["candidates"] = candidate_types(client)
                stats["rung"] = client.degrader.index
                stats["call_id"] = client.call_id
                stats["camera_frames"] = camera.frames_read
                player, microphone = client.player, client.microphone
                stats["speaker"] = None if player is None else (player.stream is not None, player.failed)
                stats["microphone"] = None if microphone is None else (microphone.stream is not None, microphone.failed)
                say(stats=stats)
            elif command == "hang_up":
                client.hang_up()
            elif command == "quit":
                break
    finally:
        client.close()
        camera.close()
        sim.close()
        say(closed=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
