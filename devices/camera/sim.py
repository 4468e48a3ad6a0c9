"""A network camera on 127.0.0.1 serving an MJPEG stream over HTTP, as many IP cameras do.

The scene is generated (a moving card-sized rectangle and a clock) at the configured rate; faults: frozen
picture, a stream that sends no frames, and disconnecting (connections dropped and refused) until reconnected.
"""

from __future__ import annotations

import http.server
import threading
import time

import cv2
import numpy as np

BOUNDARY = b"kioskframe"


class CameraSimulator:
    """Serves http://127.0.0.1:<port>/stream.mjpg."""

    def __init__(self, width: int = 640, height: int = 480, fps: float = 15.0):
        self.width, self.height, self.fps = width, height, fps
        self.frozen = False
        self.no_frames = False
        self.overlay: np.ndarray | None = None  # e.g. a QR code held up to the camera
        self.connected = threading.Event()
        self.connected.set()
        self.frames_sent = 0
        sim = self

        class Handler(http.server.BaseHTTPRequestHandler):
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
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/stream.mjpg"
        threading.Thread(target=self.server.serve_forever, name="camera-sim", daemon=True).start()

    def scene(self, n: int) -> np.ndarray:
        """Frame n of the generated scene."""
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
