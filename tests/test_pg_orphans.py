"""A test run killed before its cleanup must not leave its PostgreSQL server running for ever."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from pg import OWNER, PostgresServer, _bindir, stop_orphans


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _accepts(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.postgres
def test_the_server_of_a_dead_session_is_stopped_and_removed_and_a_live_ones_kept():
    bindir = _bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not found")
    orphan, kept = PostgresServer(bindir), PostgresServer(bindir)
    orphan.start()
    kept.start()
    try:
        (orphan.dir / OWNER).write_text(str(_dead_pid()))
        assert _accepts(orphan.port)
        stopped = stop_orphans(bindir)
        assert orphan.dir in stopped and not orphan.dir.exists()
        assert not _accepts(orphan.port)
        assert kept.dir.exists() and _accepts(kept.port)  # its owner, this session, is alive
    finally:
        kept.stop()
        if orphan.dir.exists():
            orphan.stop()
