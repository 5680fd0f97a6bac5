"""The command-line contract: names, --db and STRIKEWATCH_DB, exit codes, the summary."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from strikewatch.cli import app

SAMPLE = Path(__file__).parent.parent / "samples" / "mee-2015-10-02-russia-syria.html"
runner = CliRunner()


def test_ingest_then_export_documents(tmp_path):
    db = tmp_path / "cli.db"
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "read 1, stored 1" in result.output
    again = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(db)])
    assert "stored 0" in again.output and "duplicates 1" in again.output
    exported = runner.invoke(app, ["export", "--what", "documents", "--format", "jsonl",
                                   "--db", str(db)])
    assert exported.exit_code == 0
    (doc,) = [json.loads(line) for line in exported.stdout.splitlines()]
    assert doc["title"].startswith("Leaders call on Russia")


def test_database_from_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("STRIKEWATCH_DB", str(db))
    assert runner.invoke(app, ["ingest", str(SAMPLE)]).exit_code == 0
    assert db.exists()


def test_nothing_readable_exits_non_zero_with_reasons(tmp_path):
    empty, binary = tmp_path / "empty.html", tmp_path / "blob.txt"
    empty.write_text("")
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    result = runner.invoke(app, ["ingest", str(empty), str(binary), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "rejected 2" in result.output
    assert "empty" in result.output.lower() and "binary" in result.output.lower()
    # each reason names its input, once: no duplicated paths, no second copy from the log
    assert result.output.count(str(empty)) == 1 and result.output.count(str(binary)) == 1


def test_bad_export_choice_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["export", "--format", "geojson", "--what", "documents",
                                 "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "incidents only" in result.output


def test_bad_database_url_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", "nosuchdriver://x"])
    assert result.exit_code == 2
    assert "database" in result.output.lower()



def test_fuse_retry_reports_what_it_set_aside_again(tmp_path):
    from test_fuse import fused_founding_store

    db = tmp_path / "fuse.db"
    fused_founding_store(str(db)).close()  # the founding example's mentions, fused by hand
    again = runner.invoke(app, ["fuse", "--db", str(db)])
    assert again.exit_code == 0 and "fused 0 new strike mentions" in again.output
    retried = runner.invoke(app, ["fuse", "--retry", "--db", str(db)])
    assert retried.exit_code == 0, retried.output
    # the vague mention ("the strikes it began in Syria": no date) comes back and is set
    # aside again with its reason; nothing else changes
    assert "fused 1 new strike mentions: 0 new incidents" in retried.output
    assert "set aside: 1 no date" in retried.output
