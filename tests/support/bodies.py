"""Request bodies several tests send: a signed slash command's form, an admin's file in a DM."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from support.fake_slack import ADMIN

FORM = "application/x-www-form-urlencoded"
VISIT_COMMAND = urlencode(
    {
        "command": "/visit",
        "text": "august",
        "user_id": "U123",
        "channel_id": "C123",
        "team_id": "T0TEAM",
        "response_url": "http://127.0.0.1:9/none",
    }
).encode()


def admin_file_share(shared: dict[str, Any]) -> dict[str, Any]:
    """The message event of a maintainer sharing one file with the bot in a DM."""
    return {
        "type": "message",
        "subtype": "file_share",
        "channel_type": "im",
        "channel": "D0ADMIN",
        "user": ADMIN,
        "files": [shared],
        "ts": "1700000000.000100",
    }
