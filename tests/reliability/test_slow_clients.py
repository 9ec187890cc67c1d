"""Slow clients against the Procfile's web line: a connection that never sends its body costs a
connection, not a worker, and is ended on its own.

Nothing here measures speed. A signed command must be answered while the slow clients still hold
their connections (the server lets them go only when it gives up on their bodies, 408): had they
taken the workers, the command would wait for that. Every wait is a generous hang guard.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator

import pytest
from fault_tools import Built
from support import FakeSlack, SlackClient, slack_settings
from support.web_process import environment, free_port, running

HANG_GUARD_SECONDS = 60.0  # a slow client the server never lets go of fails the test here


@pytest.fixture(scope="module")
def web(
    seeds_built: Built, fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackClient]:
    """The Procfile's web line serving a copy of the seeds' store."""
    folder = tmp_path_factory.mktemp("slow-clients")
    settings = slack_settings(seeds_built.copy_to(folder / "attache.db"), fake_slack)
    with running(environment(settings, free_port()), folder / "web.log") as client:
        yield client


def _headers_without_body(port: int, path: str = "/slack/events") -> socket.socket:
    """A POST that announces a body and never sends it."""
    client = socket.create_connection(("127.0.0.1", port), timeout=HANG_GUARD_SECONDS)
    client.sendall(
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=0\r\n"
        "Content-Length: 900\r\n\r\n".encode()
    )
    return client


@contextlib.contextmanager
def slow_clients(port: int, count: int) -> Iterator[list[socket.socket]]:
    clients = [_headers_without_body(port) for _ in range(count)]
    try:
        time.sleep(0.5)  # let the server take them up before the real request
        yield clients
    finally:
        for each in clients:
            each.close()


def _answered(web: SlackClient) -> None:
    reply = web.command("/commitment", "trade")
    assert reply.status == 200
    assert "150 billion" in json.dumps(reply.json())


def _still_held(client: socket.socket) -> bool:
    """Nothing came back on the connection yet: no 408, not closed."""
    client.setblocking(False)
    try:
        client.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    except OSError:  # reset by the server
        return False
    finally:
        client.setblocking(True)
    return False


@pytest.mark.parametrize("count", [2, 4])
def test_a_signed_command_is_answered_while_slow_clients_hold_their_connections(
    web: SlackClient, count: int
) -> None:
    with slow_clients(web.port, count) as clients:
        assert all(_still_held(each) for each in clients), "the server let a slow client go early"
        _answered(web)
        held = [_still_held(each) for each in clients]
    assert all(held), f"the command waited for slow clients to be let go: held {held}"


def test_a_body_that_never_comes_is_answered_408_and_the_connection_closed(
    web: SlackClient,
) -> None:
    client = _headers_without_body(web.port)
    try:
        answer = client.recv(4096)  # the server gives up on the body; a hang fails here
    finally:
        client.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]


def test_many_slow_clients_are_let_go_and_the_bot_answers_again(web: SlackClient) -> None:
    with slow_clients(web.port, 40) as clients:
        for each in clients:
            each.recv(4096)  # every one is answered (408) or closed; a hang fails here
    _answered(web)


def test_the_health_check_answers_beside_slow_clients(web: SlackClient) -> None:
    with slow_clients(web.port, 4):
        assert web.request("GET", "/healthz", timeout=HANG_GUARD_SECONDS).status == 200
