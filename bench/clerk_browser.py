"""The clerk's consult page in Debian's headless Chromium, driven by Playwright: one copy of the browser's flags and
of the clerk's login for tests/hub/test_consult_browser.py and bench/consult.py."""

from __future__ import annotations

import os
import shutil
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# What works headless as root here (Playwright adds --headless and a user data dir).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream=fps=30",  # its default is 20 fps; a clerk's webcam sends 30
    "--autoplay-policy=no-user-gesture-required",
    "--allow-loopback-in-peer-connection",
]

# The page's own peer connection, read through getStats(): the terminal's picture as it arrives and is decoded
# (counters, the newest packet's time, the sum of the gaps between decoded frames, the jitter buffer), the clerk's
# picture as Chromium encodes it (size, target bitrate, what limits it), and audio packets.
MEDIA_STATS_JS = """async () => {
    const pc = window.consult.pc;
    if (!pc) return null;
    const out = {at: 0, framesDecoded: 0, interFrameDelay: 0, framesReceived: 0, lastPacketAt: 0, framesDropped: 0,
                 packetsLost: 0, jitterBufferDelay: 0, jitterBufferEmittedCount: 0, width: 0, height: 0,
                 framesEncoded: 0, sentWidth: 0, sentHeight: 0, limitation: "", targetBitrate: 0,
                 audioPacketsIn: 0, audioPacketsOut: 0};
    (await pc.getStats()).forEach((r) => {
        if (r.type === "inbound-rtp" && r.kind === "video") {
            out.at = r.timestamp;
            out.framesDecoded = r.framesDecoded || 0;
            out.interFrameDelay = r.totalInterFrameDelay || 0;  // seconds
            out.framesReceived = r.framesReceived || 0;
            out.lastPacketAt = r.lastPacketReceivedTimestamp || 0;  // ms
            out.framesDropped = r.framesDropped || 0;
            out.packetsLost = r.packetsLost || 0;
            out.jitterBufferDelay = r.jitterBufferDelay || 0;  // seconds, summed over the frames it let out
            out.jitterBufferEmittedCount = r.jitterBufferEmittedCount || 0;
            out.width = r.frameWidth || 0;
            out.height = r.frameHeight || 0;
        } else if (r.type === "outbound-rtp" && r.kind === "video") {
            out.framesEncoded += r.framesEncoded || 0;
            out.sentWidth = r.frameWidth || out.sentWidth;
            out.sentHeight = r.frameHeight || out.sentHeight;
            out.limitation = r.qualityLimitationReason || out.limitation;
            out.targetBitrate = r.targetBitrate || out.targetBitrate;
        } else if (r.type === "inbound-rtp" && r.kind === "audio") {
            out.audioPacketsIn = r.packetsReceived || 0;
        } else if (r.type === "outbound-rtp" && r.kind === "audio") {
            out.audioPacketsOut = r.packetsSent || 0;
        }
    });
    return out;
}"""


def chromium_available() -> bool:
    """Whether Debian's Chromium is installed (scripts/debian-packages.txt lists it)."""
    return os.access(CHROMIUM, os.X_OK)


async def launch(playwright: Any) -> Any:
    """Headless Chromium with a fake camera (640x480, 30 fps) and microphone, loopback WebRTC allowed."""
    return await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)


async def log_in(page: Any, url: str, name: str, password: str) -> None:
    """Open the consult page (which sends a stranger to the login), log in as the clerk, come back to it and wait
    until its socket to the hub is open."""
    await page.goto(url + "/clerk/consult")
    if not page.url.endswith("/clerk/login"):
        raise AssertionError(f"the consult page let a stranger in ({page.url})")
    await page.fill("#name", name)
    await page.fill("#password", password)
    await page.click("#login")
    await page.click('nav a[href="/clerk/consult"]')
    await page.wait_for_selector("#connection.ok")


async def media_stats(page: Any) -> dict[str, Any] | None:
    """The page's call figures now (MEDIA_STATS_JS; `at` in ms), None without a peer connection."""
    return await page.evaluate(MEDIA_STATS_JS)
