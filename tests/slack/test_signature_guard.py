"""The HTTP layer's own signature check, with nothing behind it checking again.

Attaché's Bolt app verifies signatures a second time, so a request the HTTP layer let through
wrongly would still be refused there; these tests put a Bolt app that verifies nothing behind
the same WSGI layer, so only the layer's check stands between a forged request and a listener.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from slack_bolt import Ack, App
from slack_sdk import WebClient
from support import BOT_TOKEN, SIGNING_SECRET, SlackClient, serve_wsgi, signature
from support.bodies import FORM, VISIT_COMMAND

from bot.config import Settings
from bot.slack.deps import Deps
from bot.slack.web import MAX_AGE_SECONDS, SlackWsgi
from store.db import Store

COMMAND = VISIT_COMMAND


@dataclass
class Unguarded:
    """The WSGI layer in front of a Bolt app that trusts every request; what reached it."""

    client: SlackClient
    reached: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def unguarded(settings: Settings) -> Iterator[Unguarded]:
    bolt = App(
        client=WebClient(token=BOT_TOKEN, base_url=settings.slack_api_url),  # the fake Web API
        signing_secret=SIGNING_SECRET,
        request_verification_enabled=False,  # Bolt checks nothing: the layer alone does
        token_verification_enabled=False,
    )
    server = serve_wsgi(
        SlackWsgi(bolt, Deps(Store.open(settings.database_url), settings), SIGNING_SECRET)
    )
    host, port = server.server_address[:2]
    seen = Unguarded(SlackClient(str(host), int(port)))

    @bolt.command("/visit")
    def reached(ack: Ack, command: dict[str, str]) -> None:
        seen.reached.append(command["text"])
        ack("reached")

    yield seen
    server.shutdown()
    server.server_close()


def test_a_properly_signed_request_reaches_the_listener(unguarded: Unguarded) -> None:
    unguarded.reached.clear()
    reply = unguarded.client.post(COMMAND, FORM)
    assert (reply.status, unguarded.reached) == (200, ["august"])


@pytest.mark.parametrize(
    ("age", "secret"),
    [
        (0, "a-wrong-secret-of-some-length"),
        (MAX_AGE_SECONDS + 5, SIGNING_SECRET),  # correctly signed, but a replay
        (-(MAX_AGE_SECONDS + 5), SIGNING_SECRET),  # correctly signed, from the future
        (0, ""),
    ],
    ids=["wrong secret", "stale", "future", "empty secret"],
)
def test_a_forged_or_replayed_request_never_reaches_a_listener(
    unguarded: Unguarded, age: int, secret: str
) -> None:
    unguarded.reached.clear()
    stamp = int(time.time()) - age
    forged = signature(COMMAND, stamp, secret)
    reply = unguarded.client.post(COMMAND, FORM, timestamp=stamp, signature_value=forged)
    assert (reply.status, reply.text) == (401, "Unauthorized")
    assert unguarded.reached == []


@pytest.mark.parametrize(
    "tampered",
    [
        lambda body, good: (body + b"&text=other", good),  # the body changed after signing
        lambda body, good: (body, good[:-1] + ("0" if good[-1] != "0" else "1")),  # one digit off
        lambda body, good: (body, good.upper()),  # the same digest, not the same string
        lambda body, good: (body, "v1=" + good[3:]),  # another scheme
        lambda body, good: (body, good[:20]),  # a prefix of the right one
    ],
    ids=["body", "digit", "case", "scheme", "prefix"],
)
def test_a_signature_must_match_the_bytes_exactly(unguarded: Unguarded, tampered: object) -> None:
    unguarded.reached.clear()
    stamp = int(time.time())
    body, sent = tampered(COMMAND, signature(COMMAND, stamp))  # type: ignore[operator]
    reply = unguarded.client.post(body, FORM, timestamp=stamp, signature_value=sent)
    assert reply.status == 401
    assert unguarded.reached == []


def test_an_unsigned_request_never_reaches_a_listener(unguarded: Unguarded) -> None:
    unguarded.reached.clear()
    assert unguarded.client.post(COMMAND, FORM, sign=False).status == 401
    assert unguarded.reached == []


@pytest.mark.parametrize("stamp", [10**13 + 5, 10**200], ids=["14 digits", "201 digits"])
def test_a_timestamp_longer_than_epoch_seconds_is_refused_before_its_signature(
    unguarded: Unguarded, stamp: int
) -> None:
    """Correctly signed or not: the length is checked first (thousands of digits are an attack
    on int()), and a request that fails it is refused, never let through."""
    unguarded.reached.clear()
    for sent in (signature(COMMAND, stamp), "v0=" + "0" * 64):
        reply = unguarded.client.post(COMMAND, FORM, timestamp=stamp, signature_value=sent)
        assert (reply.status, reply.text) == (401, "Unauthorized")
    assert unguarded.reached == []
