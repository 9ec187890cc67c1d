"""A PostgreSQL for CI: the one already answering, else a throwaway server started here.

    python .ci/postgres.py up DIR     # prints the TEST_DATABASE_URL to use; says which it did
    python .ci/postgres.py down DIR   # stops the server `up` started in DIR, removes DIR

`up` uses $TEST_DATABASE_URL when set, else the server on 127.0.0.1:5432 when one answers (user
postgres, trust auth, database test). Otherwise it starts Debian's server binaries (installing the
`postgresql` package with apt-get when they are missing) on a free loopback port, with its data
directory in DIR, and creates the database test. Whatever fails, it exits non-zero naming why:
CI never carries on with SQLite alone.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PROBE_SECONDS = 3
START_SECONDS = 120  # hang guard for initdb and pg_ctl start on a busy machine


def say(message: str) -> None:
    print(f"postgres: {message}", file=sys.stderr, flush=True)


def answers(url: str) -> bool:
    """Whether a PostgreSQL accepts a connection at this SQLAlchemy URL."""
    import psycopg
    from sqlalchemy import make_url

    parts = make_url(url)
    try:
        psycopg.connect(
            host=parts.host or "127.0.0.1",
            port=parts.port or 5432,
            user=parts.username or "postgres",
            password=parts.password,
            dbname=parts.database or "postgres",
            connect_timeout=PROBE_SECONDS,
        ).close()
    except psycopg.Error:
        return False
    return True


def server_binaries() -> Path | None:
    """The newest installed PostgreSQL server's bin directory (Debian's layout, then PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).resolve().parent if on_path else None


def install() -> Path:
    """Debian's server package, installed now; stops the run when that is impossible."""
    if os.geteuid() != 0:
        raise SystemExit("postgres: no PostgreSQL server binaries, and not root to apt-get them")
    say("no server binaries: apt-get install -y postgresql")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "postgresql"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"postgres: {' '.join(command)} failed:\n{done.stderr[-2000:]}")
    binaries = server_binaries()
    if binaries is None:
        raise SystemExit("postgres: apt-get installed postgresql but no initdb was found")
    return binaries


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def as_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def run(command: list[str], what: str) -> None:
    done = subprocess.run(
        as_owner(command), capture_output=True, text=True, timeout=START_SECONDS, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"postgres: {what} failed:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")


def start(folder: Path) -> str:
    """A throwaway server with its data in folder, on a free port; its URL."""
    binaries = server_binaries() or install()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", free_port()
    initdb = [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    run([*initdb, "-E", "UTF8", "--no-sync"], "initdb")
    # Durability is not under test here: fsync off keeps the run fast.
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log")]
    run([*pg_ctl, "-o", options, "-w", "-t", str(START_SECONDS), "start"], "pg_ctl start")
    run([str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "test"], "createdb")
    (folder / "bin").write_text(str(binaries))
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/test"
    if not answers(url):
        raise SystemExit(f"postgres: started a server at {url}, but it does not answer")
    return url


def up(folder: Path, usual: str = DEFAULT_URL) -> str:
    """The URL the tests use, saying where it came from (usual: where a server normally answers)."""
    given = os.environ.get("TEST_DATABASE_URL", "").strip()
    if given:
        if not answers(given):
            raise SystemExit("postgres: TEST_DATABASE_URL is set, but no server answers there")
        say("using the server TEST_DATABASE_URL names")
        return given
    if answers(usual):
        say(f"using the server answering at {usual}")
        return usual
    say(f"nothing answers at {usual}: starting a throwaway server in {folder}")
    url = start(folder)
    say(f"started: {url}")
    return url


def down(folder: Path) -> None:
    """Stop the server started in folder (if any) and remove its files."""
    if (folder / "bin").exists():
        pg_ctl = Path((folder / "bin").read_text()) / "pg_ctl"
        subprocess.run(
            as_owner([str(pg_ctl), "-D", str(folder / "data"), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=START_SECONDS,
            check=False,
        )
    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("up", "down"):
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[2]).resolve()
    if argv[1] == "up":
        print(up(folder))
    else:
        down(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
