"""A throwaway PostgreSQL server for the store tests, and the ``db_url`` fixture that runs a
test once on SQLite and once on PostgreSQL.

The server is Debian's (``scripts/ensure-postgres.sh`` installs it; ``make test`` calls it):
initdb in a temporary directory, pg_ctl on a free loopback port, stopped and removed at the
end of the session. A session killed before its cleanup (SIGKILL, or SIGTERM from a timeout)
leaves its server running; the next session stops such orphans, found by the pid of the
session that started them. initdb refuses to run as root, so under root the server runs as the
``postgres`` user. Each test gets a database of its own. Where the binaries are missing the
PostgreSQL half of each test is skipped, saying how to get them.

Import the fixtures into a test module with ``from pg import db_url, postgres  # noqa``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

SKIP = ("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run "
        "scripts/ensure-postgres.sh (installs Debian's postgresql) to test on PostgreSQL too")


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


OWNER = "owner.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    return True


class PostgresServer:
    def __init__(self, bindir: Path, directory: Path | None = None):
        self.bindir = bindir
        self.dir = directory or Path(tempfile.mkdtemp(prefix="strikewatch-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user = None
        if os.geteuid() == 0:
            self.user = pwd.getpwnam("postgres")
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, cwd=self.dir, timeout=60)

    def start(self) -> None:
        (self.dir / OWNER).write_text(str(os.getpid()))
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8")
        opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"),
                  "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)


def stop_orphans(bindir: Path) -> list[Path]:
    """Stop the servers of sessions that died before their cleanup, so that killed runs do not
    pile up servers holding memory and ports on a shared machine."""
    stopped = []
    for directory in Path(tempfile.gettempdir()).glob("strikewatch-pg-*"):
        try:
            owner = int((directory / OWNER).read_text())
        except (OSError, ValueError):
            continue  # not ours to judge: an older layout, or being created right now
        if owner == os.getpid() or _alive(owner):
            continue
        server = PostgresServer(bindir, directory)
        try:
            if (server.data / "postmaster.pid").exists():
                server._run("pg_ctl", "-D", str(server.data), "-m", "immediate", "-w", "stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass  # already down: removing its directory is all that is left
        shutil.rmtree(directory, ignore_errors=True)
        stopped.append(directory)
    return stopped


@pytest.fixture(scope="session")
def postgres():
    bindir = _bindir()
    if bindir is None:
        pytest.skip(SKIP)
    stop_orphans(bindir)
    pytest.importorskip("psycopg", reason="psycopg missing: pip install -e '.[postgres]'")
    server = PostgresServer(bindir)
    try:
        server.start()
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        log = server.dir / "log"
        detail = log.read_text()[-500:] if log.exists() else getattr(exc, "stderr", b"")
        server.stop()
        pytest.fail(f"PostgreSQL did not start: {exc}: {detail!r}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh empty database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "strikewatch.db")
    return request.getfixturevalue("postgres").create_database()
