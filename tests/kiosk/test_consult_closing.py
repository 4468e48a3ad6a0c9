"""A call's peer connection is closed in bounded time, its sockets with it, even when aiortc's close() hangs on a
sender that does not stop: two real aiortc peers connected over loopback UDP."""

from __future__ import annotations

import asyncio
import logging

import pytest
from aiortc import AudioStreamTrack, RTCConfiguration, RTCPeerConnection

from kiosk.consult.closing import close_peer


class UnyieldingTrack(AudioStreamTrack):
    """An audio track whose recv() ignores cancellation until released: the sender task it feeds never ends, so
    aiortc's close() waits forever for it (the hang of aiortc issue #283, reproduced on purpose)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.stuck = asyncio.Event()
        self.holding = asyncio.Event()  # the sender is inside the wait that ignores cancellation

    async def recv(self):
        frame = await super().recv()
        if self.stuck.is_set():
            self.holding.set()
            while not self.release.is_set():
                try:
                    await self.release.wait()
                except asyncio.CancelledError:
                    continue  # the misbehaviour under test
        return frame


async def connected_pair(track) -> tuple[RTCPeerConnection, RTCPeerConnection]:
    terminal = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    clerk = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    terminal.addTransceiver(track, direction="sendrecv")
    await terminal.setLocalDescription(await terminal.createOffer())
    await clerk.setRemoteDescription(terminal.localDescription)
    await clerk.setLocalDescription(await clerk.createAnswer())
    await terminal.setRemoteDescription(clerk.localDescription)
    for _ in range(200):
        if terminal.connectionState == "connected":
            break
        await asyncio.sleep(0.05)
    assert terminal.connectionState == "connected"
    return terminal, clerk


def sockets_of(pc: RTCPeerConnection) -> list:
    """The UDP transports of the connection's ICE candidate pairs (aioice's protocols)."""
    ice = pc.getTransceivers()[0].receiver.transport.transport
    return [protocol.transport for protocol in ice._connection._protocols]


def test_a_healthy_connection_closes_by_itself():
    async def run() -> bool:
        terminal, clerk = await connected_pair(AudioStreamTrack())
        try:
            return await close_peer(terminal)
        finally:
            await clerk.close()

    assert asyncio.run(run()) is True


def test_a_hung_close_is_cut_short_and_its_sockets_closed(caplog: pytest.LogCaptureFixture):
    async def run():
        track = UnyieldingTrack()
        terminal, clerk = await connected_pair(track)
        sockets = sockets_of(terminal)
        assert sockets and not any(s.is_closing() for s in sockets)
        track.stuck.set()
        await asyncio.wait_for(track.holding.wait(), 5.0)
        try:
            with caplog.at_level(logging.WARNING, logger="kiosk.consult.closing"):
                finished = await close_peer(terminal, timeout=1.0)
            return finished, all(s.is_closing() for s in sockets)
        finally:
            track.release.set()
            await clerk.close()

    finished, closed = asyncio.run(run())
    assert finished is False and closed
    warning = next(r.getMessage() for r in caplog.records if "did not close" in r.getMessage())
    assert "rtcrtpsender.py" in warning  # where it hung, for the log reader: the sender's stop()
