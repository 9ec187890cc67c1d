"""Helpers shared by every test package (and bench/): import them as `support`.

    from support import FakeSlack, SlackClient, ADMIN

- fake_slack: the Slack Web API on loopback, recording every call (SLACK_API_URL points at it).
- signed: requests as Slack signs them (slash commands, events, button presses), sent to the app
  served on loopback, or straight to a WSGI application in process.
- apps: the app as gunicorn serves it, for one store, pointed at the fake Web API.

tests/ is on pytest's pythonpath (pyproject.toml), so any subset of tests/ imports these the same
way; nothing imports from a conftest.
"""

from support.apps import DATA, SEEDS, OwnApp, serving, slack_settings
from support.fake_slack import (
    ADMIN,
    APP_TOKEN,
    BOT_ID,
    BOT_TOKEN,
    BOT_USER_ID,
    BROKEN_CHANNEL,
    EXPIRED,
    SIGNING_SECRET,
    TEAM_ID,
    Call,
    FakeSlack,
    start_fake_slack,
)
from support.signed import InProcessClient, Reply, SlackClient, serve_wsgi, signature

__all__ = [
    "ADMIN",
    "APP_TOKEN",
    "BOT_ID",
    "BOT_TOKEN",
    "BOT_USER_ID",
    "BROKEN_CHANNEL",
    "DATA",
    "EXPIRED",
    "SEEDS",
    "SIGNING_SECRET",
    "TEAM_ID",
    "Call",
    "FakeSlack",
    "InProcessClient",
    "OwnApp",
    "Reply",
    "SlackClient",
    "serve_wsgi",
    "serving",
    "signature",
    "slack_settings",
    "start_fake_slack",
]
