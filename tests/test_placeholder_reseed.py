from pathlib import Path

from store.reseed import reseed

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_reseed_of_the_seeds_finds_two_visits(tmp_path: Path) -> None:
    summary = reseed(f"sqlite:///{tmp_path / 'store.db'}", SEEDS)
    assert summary.visits == 2
    assert summary.topics >= 12
