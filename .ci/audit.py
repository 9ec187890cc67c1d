"""Dependency audit for CI: pip-audit over what the environment running this script has installed.

    python .ci/audit.py            # with the CI environment's python

Prints "skipped: no package index" and exits 0 when the package index cannot be reached, or when
it answers without vulnerability data for any package; exits 1, loudly, on any known
vulnerability or when pip-audit itself fails. The project (installed editable) and the tools a
fresh virtual environment brings (pip, setuptools) are not audited: `pip freeze` leaves them out.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PROBE_SECONDS = 30
AUDIT_SECONDS = 300


def index_reachable() -> bool:
    """Whether pip can fetch from the public index (isolated: no local wheel folders count)."""
    with tempfile.TemporaryDirectory() as scratch:
        probe = [
            *(sys.executable, "-m", "pip", "download", "--isolated", "--no-deps"),
            *("--no-cache-dir", "--timeout", "10", "--retries", "0", "-q", "-d", scratch),
            "pip-audit",
        ]
        try:
            done = subprocess.run(probe, capture_output=True, timeout=PROBE_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            return False
        return done.returncode == 0 and any(Path(scratch).iterdir())


def frozen_requirements(folder: Path) -> Path:
    """The installed third-party packages, pinned."""
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = folder / "requirements.txt"
    path.write_text(frozen)
    return path


def run_pip_audit(requirements: Path) -> tuple[int, str, str]:
    command = [
        *(sys.executable, "-m", "pip_audit", "-r", str(requirements)),
        *("--no-deps", "--disable-pip", "--format", "json", "--progress-spinner", "off"),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=AUDIT_SECONDS, check=False
    )
    return done.returncode, done.stdout, done.stderr


def verdict(report: dict[str, Any]) -> tuple[int, str]:
    """(exit code, message) for pip-audit's JSON report."""
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    audited = [d for d in dependencies if "skip_reason" not in d]
    if vulnerable:
        lines = ["", "=" * 72, "DEPENDENCY AUDIT FAILED: known vulnerabilities", "=" * 72]
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
                lines.append(
                    f"{dependency['name']} {dependency.get('version', '?')}: {vuln['id']} "
                    f"(fixed in {fixes})"
                )
        lines.append("=" * 72)
        return 1, "\n".join(lines)
    if dependencies and not audited:
        return 0, (
            f"pip-audit skipped: no package index with vulnerability data "
            f"(none of {len(dependencies)} packages could be looked up)"
        )
    skipped = len(dependencies) - len(audited)
    note = f", {skipped} not found on the index" if skipped else ""
    return 0, f"pip-audit: {len(audited)} packages audited, no known vulnerabilities{note}"


def main() -> int:
    if not index_reachable():
        print("pip-audit skipped: no package index")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        code, out, err = run_pip_audit(frozen_requirements(Path(scratch)))
    try:
        report = json.loads(out)
    except ValueError:
        print(f"DEPENDENCY AUDIT FAILED: pip-audit exited {code}\n{err.strip()}", file=sys.stderr)
        return 1
    status, message = verdict(report)
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
