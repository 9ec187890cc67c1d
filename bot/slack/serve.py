"""`attache serve` / `python -m bot serve`: HTTP mode under gunicorn, with the Procfile's settings."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

from bot.config import Settings


class _Gunicorn(BaseApplication):
    """gunicorn with its options given in code and the app built in each worker after the fork."""

    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        from bot.slack import gunicorn_conf  # the Procfile's settings: workers, hooks, timeouts

        configured = {name: getattr(gunicorn_conf, name) for name in dir(gunicorn_conf)}
        for name, value in {**configured, **self.options}.items():
            if name in self.cfg.settings:  # control_socket_disable is new in gunicorn 25
                self.cfg.set(name, value)

    def load(self) -> Any:
        from bot.slack.web import load_or_exit

        return load_or_exit(self.settings)


def run_http(settings: Settings, port: int) -> None:
    """Serve POST /slack/events and GET /healthz on port until stopped (workers: WEB_CONCURRENCY)."""
    settings.require("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
    _Gunicorn(settings, {"bind": f"0.0.0.0:{port}"}).run()
