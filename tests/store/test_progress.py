from __future__ import annotations

from pathlib import Path

from store.reseed import reseed

DATA = Path(__file__).resolve().parents[1] / "data"


def test_reseed_reports_each_step(tmp_path: Path) -> None:
    heard: list[str] = []
    reseed(f"sqlite:///{tmp_path / 'store.db'}", DATA, progress=heard.append)
    assert heard == [
        f"reading {DATA}",
        "extracting facts from 3 documents",
        "writing the new store",
    ]
