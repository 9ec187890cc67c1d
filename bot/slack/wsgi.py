"""The WSGI `application` gunicorn serves (see the Procfile), built once per worker process."""

from __future__ import annotations

from bot.slack.web import load_or_exit

application = load_or_exit()
