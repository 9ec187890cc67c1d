"""Listeners whose work comes after Slack has its acknowledgement.

The app runs with process_before_response=True: Bolt answers the HTTP request when a listener
returns. A listener wrapped here acknowledges at once and hands its body, with the same arguments,
to the app's listener pool, so a slow Web API never holds Slack's 3 seconds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from bot.slack.background import Background


def after_ack(listener: Callable[..., None]) -> Callable[..., None]:
    """Ack now, run listener on the background pool (it must take a `background` argument)."""

    @functools.wraps(listener)  # Bolt reads the wrapped listener's parameters to pass arguments
    def acknowledge_then_hand_over(**kwargs: Any) -> None:
        ack = kwargs.get("ack")
        if ack is not None:
            ack()
            kwargs["ack"] = _already_acknowledged
        background: Background = kwargs["background"]
        background.listeners.submit(_run, listener, kwargs)

    return acknowledge_then_hand_over


def _already_acknowledged(*_args: Any, **_kwargs: Any) -> None:
    return None


def _run(listener: Callable[..., None], kwargs: dict[str, Any]) -> None:
    try:
        listener(**kwargs)
    except Exception as error:
        # The app's one error handler: the traceback to the log, an apology to the person.
        from bot.slack.app import tell_the_user  # app imports the listeners: import it late

        body = kwargs.get("body") or {"event": kwargs.get("event")}
        tell_the_user(error, body, kwargs.get("respond"), kwargs.get("say"))
