"""The floor for bench/scale.py: a bare Bolt app whose one command listener acks a fixed text.

    gunicorn -c python:bot.slack.gunicorn_conf bare_bolt:application --workers 2 --bind …

Same environment as Attaché's web line (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL),
Bolt's own WSGI adapter and request verification, `process_before_response=True`, no store, no
middleware. The listener matches every command name, so the load mix sent to Attaché can be sent
unchanged (same bodies, same signatures) and only the work behind the ack differs.
"""

from __future__ import annotations

import os
import re

from slack_bolt import Ack, App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

REPLY = "pong"

_token = os.environ["SLACK_BOT_TOKEN"]
_api_url = os.environ.get("SLACK_API_URL") or WebClient.BASE_URL

app = App(
    client=WebClient(token=_token, base_url=_api_url),  # auth.test goes where Attaché's does
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
    process_before_response=True,
    name="bare",
)


@app.command(re.compile(r"^/"))
def pong(ack: Ack) -> None:
    ack(text=REPLY, response_type="ephemeral")  # JSON, like Attaché's ephemeral answers


application = SlackRequestHandler(app)
