"""Work after the acknowledgement, with Bolt's lazy listeners.

`app.event("app_mention")(ack=acknowledge, lazy=[apologising(answer_mention)])`: Bolt answers
Slack as soon as `acknowledge` returns and runs the lazy listener on the app's listener pool (on a
FaaS host, in a fresh invocation), so a slow Web API or a busy state store never holds Slack's
3 seconds.

Bolt hands a lazy listener a copy of the request's context; the services the `provide`
middleware puts there (store, state, background, reseeder) are shared, not copied (each has a
__deepcopy__ that returns itself). Bolt would log a failed lazy listener in one line without its
traceback; `apologising` sends it to the app's one error handler instead.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.slack.errors import tell_the_user


def acknowledge(ack: Ack) -> None:
    """Slack gets its 200 now; the lazy listener does the work."""
    ack()


def apologising(listener: Callable[..., None]) -> Callable[..., None]:
    """listener, its failures logged with their traceback and apologised for to the person."""

    @functools.wraps(listener)  # Bolt reads the wrapped listener's parameters to pass arguments
    def run_or_apologise(**kwargs: Any) -> None:
        try:
            listener(**kwargs)
        except Exception as error:
            body = kwargs.get("body") or {"event": kwargs.get("event")}
            tell_the_user(error, body, kwargs.get("respond"), kwargs.get("say"))

    return run_or_apologise
