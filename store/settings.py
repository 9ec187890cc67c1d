"""Where the store lives and where its documents come from, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'attache.db'}"


@dataclass(frozen=True)
class StoreSettings:
    database_url: str
    seeds_dir: Path

    @classmethod
    def from_env(cls) -> StoreSettings:
        """DATABASE_URL and SEEDS_DIR from the environment (and .env), with the project defaults."""
        load_dotenv(PROJECT_ROOT / ".env", override=False)
        url = os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
        seeds = Path(os.environ.get("SEEDS_DIR", "").strip() or PROJECT_ROOT / "seeds")
        return cls(database_url=url, seeds_dir=seeds)
