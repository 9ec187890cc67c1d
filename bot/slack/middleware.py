"""Global middleware: hand listeners their dependencies, and answer each event only once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse

from bot.slack.deps import Deps, StateAccess
from bot.slack.webapi import PatientRespond
from store.state import StateStore, StateUnavailable

logger = logging.getLogger(__name__)

Middleware = Callable[..., BoltResponse | None]


def provide(deps: Deps) -> Middleware:
    """Listeners name `store`, `settings`, `state`, `background` or `reseeder` as a parameter and
    Bolt passes them from the context; `respond` gets a short timeout and bounded retries."""

    def provide_dependencies(context: BoltContext, next: Callable[[], None]) -> None:
        context["store"] = deps.store
        context["settings"] = deps.settings
        context["state"] = deps.state.get()
        context["background"] = deps.background
        context["reseeder"] = deps.reseeder
        if context.response_url:
            context["respond"] = PatientRespond(response_url=context.response_url)
        next()

    return provide_dependencies


def once_per_event(access: StateAccess) -> Middleware:
    """Slack resends events it thinks were missed, perhaps to another worker: the first one wins."""

    def answer_each_event_once(
        body: dict[str, Any], next: Callable[[], None]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        state = access.get() if isinstance(event_id, str) and event_id else None
        if state is None or not isinstance(event_id, str) or _claim(state, event_id):
            next()
            return None
        logger.info("event %s was handled already; acknowledging the retry only", event_id[:40])
        return BoltResponse(status=200, body="")

    return answer_each_event_once


def _claim(state: StateStore, event_id: str) -> bool:
    try:
        return state.claim_event(event_id)
    except StateUnavailable as error:
        # Answering twice beats not answering at all.
        logger.error("could not record event %s, answering anyway: %s", event_id[:40], error)
        return True
