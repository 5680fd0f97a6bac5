"""The command-line contract: names, --db and STRIKEWATCH_DB, exit codes, the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strikewatch.cli import app
from strikewatch.store import Store

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
    Store(str(tmp_path / "x.db")).close()
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
    # nothing left to fuse: README's exit code 1 (nothing to do)
    assert again.exit_code == 1 and "fused 0 new strike mentions" in again.output
    retried = runner.invoke(app, ["fuse", "--retry", "--db", str(db)])
    assert retried.exit_code == 0, retried.output
    # the vague mention ("the strikes it began in Syria": no date) comes back and is set
    # aside again with its reason; nothing else changes
    assert "fused 1 new strike mentions: 0 new incidents" in retried.output
    assert "set aside: 1 no date" in retried.output


# -- --db: only the commands that put data in create a database ----------------------------------


def test_db_in_a_missing_folder_is_an_error_and_creates_nothing(tmp_path):
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(tmp_path / "no" / "x.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", [["export"], ["extract"], ["fuse"], ["review", "log"],
                                     ["user", "list"], ["brief"]])
def test_a_mistyped_db_is_named_not_created(tmp_path, command):
    result = runner.invoke(app, [*command, "--db", str(tmp_path / "newz.db")])
    assert result.exit_code == 2, result.output
    assert "no such database" in result.stderr and not (tmp_path / "newz.db").exists()


def test_a_file_that_is_not_a_database_is_one_line(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Leila: call the Aleppo stringer back\n" * 200)
    result = runner.invoke(app, ["export", "--db", str(notes)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {notes} is not a strikewatch database (not an SQLite file)"]


def test_ingest_creates_a_new_database_and_says_so(tmp_path):
    db = tmp_path / "news.db"
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(db)])
    assert result.exit_code == 0 and db.exists()
    assert f"created a new database {db}" in result.stderr
    assert "stored 1" in result.stdout  # the summary is the command's result


# -- exit codes: 0 done, 1 nothing to do or found, 2 bad usage or a named error --------------------


@pytest.fixture
def founding(tmp_path):
    from test_fuse import fused_founding_store

    db = tmp_path / "founding.db"
    fused_founding_store(str(db)).close()
    return str(db)


def test_extract_and_fuse_with_nothing_to_do_exit_1(founding):
    assert runner.invoke(app, ["fuse", "--db", founding]).exit_code == 1
    empty = runner.invoke(app, ["extract", "--db", founding])  # every document extracted
    assert empty.exit_code == 1 and "from 0 documents" in empty.stdout


@pytest.mark.parametrize("args, words", [
    (["--attacker", "RU", "--from", "2015-10-07", "--to", "2015-09-30"], "before --from"),
    (["--attacker", "Atlantis", "--from", "2015-09-30", "--to", "2015-10-07"], "not an actor"),
])
def test_claims_with_a_reversed_range_or_unknown_attacker_is_bad_usage(founding, args, words):
    result = runner.invoke(app, ["claims", *args, "--db", founding])
    assert result.exit_code == 2 and words in result.output


def test_claims_takes_an_attackers_name_as_well_as_its_code(founding):
    by_code = runner.invoke(app, ["claims", "--attacker", "RU", "--from", "2015-09-30",
                                  "--to", "2015-10-07", "--db", founding])
    by_name = runner.invoke(app, ["claims", "--attacker", "Russia", "--from", "2015-09-30",
                                  "--to", "2015-10-07", "--db", founding])
    assert by_code.exit_code == 0 and by_name.stdout == by_code.stdout


def test_review_results_go_to_stdout(founding):
    from strikewatch.store import Store as OpenStore

    store = OpenStore(founding)
    incident = store.incidents()[0].id
    store.close()
    result = runner.invoke(app, ["review", "confirm", incident, "--analyst", "Amira Saleh",
                                 "--reason", "two monitors agree", "--db", founding])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{incident}: ") and not result.stderr
    log = runner.invoke(app, ["review", "log", incident, "--db", founding])
    assert "Amira Saleh  confirm" in log.stdout
    nothing = runner.invoke(app, ["review", "log", "inc-0000", "--db", founding])
    assert nothing.exit_code == 1 and not nothing.stdout


def test_python_dash_m_strikewatch_runs_the_same_commands(tmp_path):
    import os
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parent.parent / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "strikewatch", "geocode", "Kharkiv", "--country", "UA"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["country"] == "UA"
