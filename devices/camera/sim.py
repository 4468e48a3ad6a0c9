"""A network camera on 127.0.0.1 serving an MJPEG stream over HTTP, as many IP cameras do.

The picture is a generated scene (a moving card-sized rectangle and a clock), a video file, or an image
sequence (a folder of images, or one image), looped and paced to the configured rate; `show()` puts a still in
front of the camera (a document held up, a face). Faults: frozen picture, a stream that sends no frames, and
disconnecting (connections dropped and refused) until reconnected.
"""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import cv2
import numpy as np

BOUNDARY = b"kioskframe"


class CameraSimulator:
    """Serves http://127.0.0.1:<port>/stream.mjpg."""

    def __init__(self, width: int = 640, height: int = 480, fps: float = 15.0, source: Path | None = None):
        self.width, self.height, self.fps = width, height, fps
        self.recorded = load_frames(source, width, height) if source is not None else []
        self.still: np.ndarray | None = None
        self.frozen = False
        self.no_frames = False
        self.overlay: np.ndarray | None = None  # e.g. a QR code held up to the camera
        self.connected = threading.Event()
        self.connected.set()
        self.frames_sent = 0
        sim = self

        class Handler(http.server.BaseHTTPRequestHandler):
            timeout = 5  # a client that stops reading cannot hold a stream (or close()) forever

            def do_GET(self) -> None:  # http.server's name
                if not sim.connected.is_set():
                    self.close_connection = True
                    return  # the "unplugged" camera: the connection closes at once
                self.send_response(200)
                self.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY.decode()}")
                self.end_headers()
                sim.stream(self)

            def log_message(self, *_args: object) -> None:
                return

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # close() waits for the streams: each ends within a frame once unplugged, and its socket is closed then,
        # not left to the garbage collector.
        self.server.daemon_threads = False
        self.server.block_on_close = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/stream.mjpg"
        threading.Thread(target=self.server.serve_forever, name="camera-sim", daemon=True).start()

    def show(self, image: np.ndarray | None) -> None:
        """Hold a still picture in front of the camera (None: back to the scene or recording)."""
        self.still = None if image is None else fit(image, self.width, self.height)

    def scene(self, n: int) -> np.ndarray:
        """Frame n of what the camera sees: the still, else the recording (looped), else the generated scene."""
        if self.still is not None:
            return self.still
        if self.recorded:
            return self.recorded[n % len(self.recorded)]
        frame = np.full((self.height, self.width, 3), 90, np.uint8)
        x = int((n * 7) % max(self.width - 220, 1))
        cv2.rectangle(frame, (x, 150), (x + 214, 285), (235, 235, 235), -1)
        cv2.putText(frame, f"{n:06d}", (20, 40), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (255, 255, 255), 2)
        if self.overlay is not None:
            h, w = self.overlay.shape[:2]
            top, left = (self.height - h) // 2, (self.width - w) // 2
            frame[top : top + h, left : left + w] = self.overlay
        return frame

    def hold_up_qr(self, text: str, scale: int = 6) -> None:
        """Show a QR code in the middle of the picture, as a resident holding a phone or receipt up."""
        import segno

        matrix = np.array(
            [
                [0 if dark else 255 for dark in row]
                for row in segno.make(text, encoding="utf-8").matrix_iter(scale=scale, border=4)
            ],
            np.uint8,
        )
        self.overlay = cv2.cvtColor(matrix, cv2.COLOR_GRAY2BGR)

    def stream(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        """Send frames until the client goes or the camera is 'unplugged'."""
        n, period = 0, 1.0 / self.fps
        frozen_jpeg = None
        while self.connected.is_set():
            if self.no_frames:
                time.sleep(period)
                continue
            if self.frozen and frozen_jpeg is not None:
                jpeg = frozen_jpeg
            else:
                jpeg = cv2.imencode(".jpg", self.scene(n))[1].tobytes()
                frozen_jpeg = jpeg
                n += 1
            try:
                handler.wfile.write(
                    b"--"
                    + BOUNDARY
                    + b"\r\nContent-Type: image/jpeg\r\nContent-Length: "
                    + str(len(jpeg)).encode()
                    + b"\r\n\r\n"
                    + jpeg
                    + b"\r\n"
                )
                handler.wfile.flush()
            except OSError:
                return
            self.frames_sent += 1
            time.sleep(period)

    def unplug(self) -> None:
        """Drop every stream and refuse new ones."""
        self.connected.clear()

    def replug(self) -> None:
        """Serve again."""
        self.connected.set()

    def close(self) -> None:
        """Stop the server."""
        self.connected.clear()
        self.server.shutdown()
        self.server.server_close()


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}
MAX_RECORDED_FRAMES = 900  # a minute at 15 fps: enough for a loop, bounded in memory


def fit(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """The image scaled to fit the frame without distortion, on a grey background (as a camera would frame it)."""
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    scale = min(width / image.shape[1], height / image.shape[0])
    resized = cv2.resize(image, (max(1, int(image.shape[1] * scale)), max(1, int(image.shape[0] * scale))))
    frame = np.full((height, width, 3), 90, np.uint8)
    top, left = (height - resized.shape[0]) // 2, (width - resized.shape[1]) // 2
    frame[top : top + resized.shape[0], left : left + resized.shape[1]] = resized
    return frame


def load_frames(source: Path, width: int, height: int) -> list[np.ndarray]:
    """Frames from a folder of images (in name order), one image, or a video file; ValueError if none."""
    if source.is_dir():
        paths = sorted(p for p in source.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    elif source.suffix.lower() in IMAGE_SUFFIXES:
        paths = [source]
    else:
        paths = []
    frames = [fit(image, width, height) for image in map(cv2.imread, map(str, paths)) if image is not None]
    if not paths and source.is_file():
        capture = cv2.VideoCapture(str(source))
        while len(frames) < MAX_RECORDED_FRAMES:
            ok, frame = capture.read()
            if not ok:
                break
            frames.append(fit(frame, width, height))
        capture.release()
    if not frames:
        raise ValueError(f"camera simulator: no images or video frames in {source}")
    return frames
