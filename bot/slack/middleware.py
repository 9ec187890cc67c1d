"""Global middleware handing listeners their dependencies; each event answered only once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.slack.deps import Deps
from bot.slack.webapi import PatientRespond
from store.state import StateStore, StateUnavailable

logger = logging.getLogger(__name__)


class ProvideDependencies(Middleware):
    """Listeners name `store`, `settings`, `state`, `background` or `reseeder` as a parameter and
    Bolt passes them from the context; `respond` gets a short timeout and bounded retries.

    A Middleware class, not a function: Bolt calls it directly instead of working out which
    arguments a function middleware names on every request."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        deps, context = self.deps, req.context
        context["store"] = deps.store
        context["settings"] = deps.settings
        context["state"] = deps.state.ready()  # never opened (or migrated) on the request path
        context["background"] = deps.background
        context["reseeder"] = deps.reseeder
        if context.response_url:
            context["respond"] = PatientRespond(response_url=context.response_url)
        return next()  # as Bolt's own middleware: the chain goes on, no response of its own


def first_delivery(body: dict[str, Any] | None, state: StateStore | None) -> bool:
    """Whether to answer this event: Slack resends events it thinks were missed, perhaps to another
    worker, and the first claim wins. Called by the lazy listeners, after the ack, so the claim
    (a write) never holds Slack's 3 seconds; True when it cannot be told."""
    event_id = body.get("event_id") if body and body.get("type") == "event_callback" else None
    if state is None or not isinstance(event_id, str) or not event_id:
        return True
    if _claim(state, event_id):
        return True
    logger.info("event %s was handled already; acknowledging the retry only", event_id[:40])
    return False


def _claim(state: StateStore, event_id: str) -> bool:
    try:
        return state.claim_event(event_id)
    except StateUnavailable as error:
        # Answering twice beats not answering at all.
        logger.error("could not record event %s, answering anyway: %s", event_id[:40], error)
        return True
