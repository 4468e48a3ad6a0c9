"""Closing a call's peer connection in bounded time: aiortc's close() can wait forever on a sender, receiver or
transport task that never ends (aiortc issue #283), which would leave the resident's screen on a call that is over
and the connection's sockets open for the rest of the day."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

log = logging.getLogger("kiosk.consult.closing")

CLOSE_TIMEOUT_S = 5.0  # a healthy close takes a few ms (DTLS close_notify, then the sockets)
TRANSPORT_STOP_S = 1.0


def awaiting_frames(coro: Any) -> Iterator[FrameType]:
    """The frames of a suspended coroutine and of what it awaits, outermost first (Task.get_stack stops at one)."""
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is not None:
            yield frame
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)


def where(task: asyncio.Task) -> str:
    """Where a stuck task waits, as file:line function steps (code locations only: nothing of the call's data)."""
    frames = awaiting_frames(task.get_coro())
    steps = [f"{Path(f.f_code.co_filename).name}:{f.f_lineno} {f.f_code.co_name}" for f in frames]
    return " > ".join(steps) or "unknown"


async def close_peer(pc: Any, timeout: float = CLOSE_TIMEOUT_S) -> bool:
    """Close an RTCPeerConnection; if that does not finish within `timeout`, say where it was stuck and stop its
    ICE transports directly, which closes the sockets. Whether the close finished by itself."""
    closing = asyncio.ensure_future(pc.close())
    done, _ = await asyncio.wait({closing}, timeout=timeout)
    if done:
        error = closing.exception()
        if error is None:
            return True
        log.warning("closing the call's connection failed (%s); stopping its transports", type(error).__name__)
    else:
        log.warning("the call's connection did not close within %.0f s (waiting at %s)", timeout, where(closing))
        closing.cancel()
        await asyncio.gather(closing, return_exceptions=True)
    await stop_transports(pc)
    return False


async def stop_transports(pc: Any) -> None:
    """Stop every ICE transport of a connection (each bounded): its sockets close even when close() hung."""
    transports = []
    for transceiver in pc.getTransceivers():
        dtls = transceiver.receiver.transport or transceiver.sender.transport
        if dtls is not None and dtls.transport not in transports:
            transports.append(dtls.transport)
    if pc.sctp is not None and pc.sctp.transport.transport not in transports:
        transports.append(pc.sctp.transport.transport)
    for ice in transports:
        try:
            await asyncio.wait_for(ice.stop(), TRANSPORT_STOP_S)
        except Exception as exc:  # a transport that cannot stop either: nothing more to do
            log.warning("stopping an ICE transport: %s", type(exc).__name__)
