"""`python -m bot serve`: HTTP mode under gunicorn, configured as the Procfile's web line."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

from bot.config import Settings

WORKERS = 2


class _Gunicorn(BaseApplication):
    """gunicorn with its options given in code and the app built in each worker after the fork."""

    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            if name in self.cfg.settings:  # control_socket_disable is new in gunicorn 25
                self.cfg.set(name, value)

    def load(self) -> Any:
        from bot.slack.web import load_or_exit

        return load_or_exit(self.settings)


def run_http(settings: Settings, port: int) -> None:
    """Serve POST /slack/events and GET /healthz on port with two workers until stopped."""
    settings.require("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
    from bot.slack import gunicorn_conf  # the Procfile's settings, so both serve alike

    options = {
        "bind": f"0.0.0.0:{port}",
        "workers": WORKERS,
        "control_socket_disable": gunicorn_conf.control_socket_disable,
        "worker_class": gunicorn_conf.worker_class,
        "threads": gunicorn_conf.threads,
        "timeout": gunicorn_conf.timeout,
        "keepalive": gunicorn_conf.keepalive,
    }
    _Gunicorn(settings, options).run()
