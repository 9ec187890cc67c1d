"""Attaché against the plain BM25 peer on every answer-quality suite, through the shared eval.

    python bench/quality.py [--peer ../shared/baseline/bm25peer] [--suite NAME ...]

Each suite (see tests/bot/test_quality.py) is scored by ../shared/eval/run.py, which drives both
projects through the command-line contract only; the table shows passed/total for each.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "run.py"
SUITES = {
    "public": (ROOT / "seeds", [EVAL.parent / "cases.json"]),
    "corpus": (ROOT / "tests/corpus", [ROOT / "tests/corpus/cases.json"]),
    "corpus2": (ROOT / "tests/corpus2", [ROOT / "tests/corpus2/cases.json"]),
    "corpus3": (ROOT / "tests/corpus3/docs", sorted((ROOT / "tests/corpus3").glob("cases*.json"))),
    "questions": (ROOT / "seeds", sorted((ROOT / "tests/questions").glob("cases*.json"))),
}
SCORE = re.compile(r"^(\d+) passed, (\d+) failed$", re.M)


def score(project: Path, documents: Path, cases: list[Path]) -> tuple[int, int]:
    """(passed, total) of one project on one suite."""
    merged = [case for path in cases for case in json.loads(path.read_text("utf-8"))]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(merged, handle)
    command = [sys.executable, str(EVAL), "--project", str(project), "--seeds", str(documents)]
    out = subprocess.run(
        [*command, "--cases", handle.name], capture_output=True, text=True, cwd=project
    )
    Path(handle.name).unlink()
    found = SCORE.findall(out.stdout)
    if not found:
        return 0, len(merged)
    passed, failed = map(int, found[-1])
    return passed, passed + failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", type=Path, default=ROOT.parent / "shared/baseline/bm25peer")
    parser.add_argument("--suite", nargs="*", default=list(SUITES))
    args = parser.parse_args()
    print("| suite | cases | Attaché | BM25 peer |\n| --- | --- | --- | --- |")
    for name in args.suite:
        documents, cases = SUITES[name]
        if not cases or not documents.is_dir():
            continue
        ours, total = score(ROOT, documents, cases)
        theirs, _ = score(args.peer.resolve(), documents, cases)
        print(
            f"| {name} | {total} | {ours} ({100 * ours / total:.0f}%) | {theirs} ({100 * theirs / total:.0f}%) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
