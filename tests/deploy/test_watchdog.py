"""kiosk/watchdog.py speaks sd_notify to a real AF_UNIX datagram socket bound as systemd binds its own: readiness,
status, watchdog pings and stopping, to a path or an abstract name; the watchdog only for the process
WATCHDOG_PID names; nothing at all outside systemd; and never an exception when the manager is gone."""

from __future__ import annotations

import logging
import os

import pytest

from kiosk.watchdog import ServiceNotifier, expected_watchdog_usec, socket_address


def test_outside_systemd_every_call_does_nothing():
    env = {"PATH": "/usr/bin"}
    notifier = ServiceNotifier.from_environment(env)
    assert not notifier.enabled and notifier.ping_interval is None
    assert notifier.ready("up") is False
    assert notifier.ping() is False
    assert notifier.status("x") is False
    assert notifier.stopping() is False
    assert env == {"PATH": "/usr/bin"}


def test_ready_status_pings_and_stopping_reach_the_managers_socket(notify_listener):
    listener = notify_listener()
    env = {"NOTIFY_SOCKET": listener.env_value, "WATCHDOG_USEC": "30000000"}
    notifier = ServiceNotifier.from_environment(env)
    assert notifier.enabled
    assert notifier.ping_interval == 15.0  # half of WatchdogSec=30

    assert notifier.ready("terminal ready,\ncatalog 2026.11.26") is True
    assert notifier.ping() is True
    assert notifier.status("3 submissions waiting") is True
    assert notifier.stopping("stopping") is True
    got = listener.drain()
    assert [m.fields for m in got] == [
        {"READY": "1", "MAINPID": str(os.getpid()), "STATUS": "terminal ready, catalog 2026.11.26"},
        {"WATCHDOG": "1"},
        {"STATUS": "3 submissions waiting"},
        {"STOPPING": "1", "STATUS": "stopping"},
    ]
    assert {m.pid for m in got} == {os.getpid()}  # as the kernel reports the sender (SO_PASSCRED)
    notifier.close()


def test_an_abstract_socket_name_is_written_with_an_at_sign(notify_listener):
    listener = notify_listener(abstract=True)
    assert listener.env_value.startswith("@")
    notifier = ServiceNotifier.from_environment({"NOTIFY_SOCKET": listener.env_value, "WATCHDOG_USEC": "2000000"})
    assert notifier.address == listener.address  # "@name" -> "\0name"
    assert notifier.ping() is True
    assert listener.wait_for(lambda m: m.fields == {"WATCHDOG": "1"}, timeout=5).pid == os.getpid()
    notifier.close()


def test_the_watchdog_is_only_for_the_process_watchdog_pid_names(notify_listener):
    listener = notify_listener()
    mine = {"NOTIFY_SOCKET": listener.env_value, "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": str(os.getpid())}
    assert ServiceNotifier.from_environment(dict(mine)).ping_interval == 1.0

    # systemd names its main process; a child (the terminal under cage) must not take the pings as its own.
    parents = {**mine, "WATCHDOG_PID": str(os.getppid())}
    notifier = ServiceNotifier.from_environment(parents)
    assert notifier.enabled and notifier.ping_interval is None
    assert notifier.ping() is False
    notifier.ready()  # still tells the manager it is up: readiness is not the watchdog's
    assert [m.fields["READY"] for m in listener.drain()] == ["1"]  # the first datagram: no ping came before it
    notifier.close()


@pytest.mark.parametrize("usec", ["", "0", "-5", "abc", "1.5"])
def test_a_missing_or_malformed_period_means_no_watchdog(usec):
    assert expected_watchdog_usec({"WATCHDOG_USEC": usec}, os.getpid()) is None
    assert expected_watchdog_usec({"WATCHDOG_USEC": "5000000", "WATCHDOG_PID": "not-a-pid"}, os.getpid()) is None


def test_the_variables_leave_the_environment_children_inherit(notify_listener):
    listener = notify_listener()
    env = {"NOTIFY_SOCKET": listener.env_value, "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1", "HOME": "/x"}
    kept = dict(env)
    ServiceNotifier.from_environment(kept, unset=False)
    assert kept == env
    ServiceNotifier.from_environment(env)
    assert env == {"HOME": "/x"}


@pytest.mark.parametrize("value", ["relative/notify", "vsock:2:1234", "@"])
def test_sockets_it_cannot_use_are_refused_with_a_warning(value, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.watchdog"):
        notifier = ServiceNotifier.from_environment({"NOTIFY_SOCKET": value, "WATCHDOG_USEC": "2000000"})
    assert socket_address(value) is None
    assert not notifier.enabled and notifier.ping_interval is None
    assert value in caplog.text


def test_a_manager_that_is_gone_never_raises_and_is_found_again(notify_listener, tmp_path, caplog):
    path = tmp_path / "manager.sock"
    notifier = ServiceNotifier(str(path), watchdog_usec=2_000_000)
    with caplog.at_level(logging.WARNING, logger="kiosk.watchdog"):
        assert [notifier.ping() for _ in range(3)] == [False, False, False]
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1  # once, not every ping

    listener = notify_listener(path=path)  # the manager is back (systemd re-executed)
    assert notifier.ping() is True
    assert listener.wait_for(lambda m: "WATCHDOG" in m.fields, timeout=5).pid == os.getpid()
    notifier.close()
