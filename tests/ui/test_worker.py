"""Background jobs (ui.worker): results and failures come back on the GUI thread; a device failing or the hub
out of reach is a warning, anything else an error."""

from __future__ import annotations

import logging

from devices.base import DeviceTimeout
from kiosk.hub_client import HubError
from ui.worker import Worker


def test_a_job_runs_once_at_a_time_and_delivers_on_the_gui_thread(qtbot):
    worker = Worker()
    got = []
    assert worker.run("probe", lambda: 42, got.append)
    assert not worker.run("probe", lambda: 43, got.append)  # still running until its result is delivered
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert not worker.busy("probe")


def test_a_device_failure_is_a_warning_and_a_bug_is_an_error(qtbot, caplog):
    worker = Worker()
    got = []

    def unplugged():
        raise DeviceTimeout("no answer from the reader")

    def bug():
        raise KeyError("oops")

    with caplog.at_level(logging.WARNING, logger="kiosk.ui.worker"):
        worker.run("idcard", unplugged, got.append)
        worker.run("other", bug, got.append)
        qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert {type(result) for result in got} == {DeviceTimeout, KeyError}  # the callback decides what is shown
    levels = {record.getMessage().split(":")[0]: record.levelname for record in caplog.records}
    assert levels == {"background job idcard": "WARNING", "background job other failed": "ERROR"}


def test_a_hub_outage_is_a_warning_and_a_refusal_an_error(qtbot, caplog):
    worker = Worker()
    got = []

    def hub_down():
        raise HubError("cannot reach the hub", status=0)

    def refused():
        raise HubError("the hub refused the request", status=400)

    with caplog.at_level(logging.WARNING, logger="kiosk.ui.worker"):
        worker.run("status", hub_down, got.append)
        worker.run("slots", refused, got.append)
        qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    levels = {record.getMessage().split(":")[0]: record.levelname for record in caplog.records}
    assert levels == {"background job status": "WARNING", "background job slots": "ERROR"}
