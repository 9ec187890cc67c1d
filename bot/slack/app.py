"""build_app(deps): the Bolt app with its Web API client, listeners and error handler."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.error import BoltError

from bot.config import ConfigError
from bot.core import warm_up
from bot.slack import listeners
from bot.slack.deps import Deps
from bot.slack.errors import sorry, tell_the_user
from bot.slack.middleware import ProvideDependencies
from bot.slack.webapi import web_client

logger = logging.getLogger(__name__)

__all__ = ["build_app", "sorry", "tell_the_user"]


def build_app(deps: Deps, signatures_checked: bool = False) -> App:
    """The app for either mode; checks the bot token with auth.test and stops on a bad one.

    Commands are answered in the ack; events and buttons are acknowledged at once and handled by
    Bolt's lazy listeners on deps.background's listener pool (bot.slack.lazy), so no request waits
    on the Web API or the state store.

    signatures_checked: every request reaches the app through a guard that has already verified
    its signature and timestamp (bot.slack.web.SlackWsgi), so Bolt does not do it a second time.
    """
    settings = deps.settings
    settings.require("SLACK_BOT_TOKEN")
    client = web_client(settings.slack_bot_token, settings.slack_api_url)
    try:
        app = App(
            client=client,
            signing_secret=settings.slack_signing_secret or "",
            process_before_response=True,  # no polling for the ack: answers come in it
            request_verification_enabled=not signatures_checked,
            listener_executor=deps.background.listeners,
            name="attache",
        )
    except BoltError as error:
        raise ConfigError("SLACK_BOT_TOKEN was rejected by Slack's auth.test") from error
    except OSError as error:
        where = settings.slack_api_url
        raise ConfigError(f"SLACK_API_URL {where} cannot be reached: {error}") from error
    app.use(ProvideDependencies(deps))
    listeners.register(app)
    app.error(tell_the_user)
    warm_up(deps.store)
    return app
