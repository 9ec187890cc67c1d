"""Where the store lives and where its documents come from, read once from the environment.

Paths that are not given are those of the working directory (`./seeds`, `./var`, `./.env`), so an
installed `attache` run from a deployment's folder uses that folder, wherever the code lives.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

# Heroku, Render and most hosts hand out postgres:// (or driverless postgresql://) URLs; SQLAlchemy
# 2 refuses the first and would look for psycopg2 with the second. The store uses psycopg 3.
_POSTGRES_SCHEMES = ("postgres://", "postgresql://")
_PSYCOPG = "postgresql+psycopg://"


class SettingsError(ValueError):
    """A setting is malformed; the message names the variable."""


def default_database_url(folder: Path | None = None) -> str:
    """A SQLite file under var/ of folder (the working directory by default)."""
    return f"sqlite:///{(folder or Path.cwd()).resolve() / 'var' / 'attache.db'}"


def normalise_database_url(raw: str) -> str:
    """The URL SQLAlchemy should get: postgres:// and postgresql:// name the psycopg 3 driver."""
    url = raw.strip()
    for scheme in _POSTGRES_SCHEMES:
        if url.startswith(scheme):
            url = _PSYCOPG + url[len(scheme) :]
            break
    try:
        make_url(url)
    except ArgumentError:
        raise SettingsError(
            "DATABASE_URL is not a database URL (e.g. sqlite:///var/attache.db or "
            "postgres://user:password@host/db)"
        ) from None
    return url


@dataclass(frozen=True)
class StoreSettings:
    database_url: str
    seeds_dir: Path

    @classmethod
    def from_env(cls) -> StoreSettings:
        """DATABASE_URL and SEEDS_DIR from the environment (and ./.env), with the defaults."""
        env_file = Path.cwd() / ".env"
        if env_file.is_file():  # python-dotenv is imported only then: `attache ask` starts cold
            from dotenv import load_dotenv

            load_dotenv(env_file, override=False)
        raw = os.environ.get("DATABASE_URL", "").strip()
        url = normalise_database_url(raw) if raw else default_database_url()
        seeds = Path(os.environ.get("SEEDS_DIR", "").strip() or Path.cwd() / "seeds")
        return cls(database_url=url, seeds_dir=seeds)
