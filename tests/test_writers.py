"""Every writer safe against every other: idempotent inserts, migrations one process at a
time, two ingests of overlapping inputs, an upload beside review writes, and kill -9.

Inputs are the FA-KES development articles bundled in tests/fixtures/corpora (Syria) and
three UCDP headline documents in tests/fixtures/bad (Ukraine); see those folders' READMEs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from pg import db_url, postgres  # noqa: F401  (fixtures)

from strikewatch import pipeline
from strikewatch.errors import StoreError
from strikewatch.ingest import IngestOptions, read_inputs
from strikewatch.models import Document
from strikewatch.store import DocumentRow, Store

FIXTURES = Path(__file__).parent / "fixtures"
FAKES = FIXTURES / "corpora" / "fakes-dev-articles.jsonl"
UKRAINE = FIXTURES / "bad" / "good" / "ucdp-ukraine.jsonl"
SRC = Path(__file__).parent.parent / "src"


def documents(path: Path, first: int = 0, last: int | None = None) -> list[Document]:
    lines = path.read_text(encoding="utf-8").splitlines()[first:last]
    sliced = path.parent / f"{path.stem}-{first}-{last}.jsonl"
    return [d for d in read_inputs([str(write(sliced, lines))], IngestOptions())
            if isinstance(d, Document)]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_inserting_an_id_another_writer_stored_skips_it_and_says_which(db_url):  # noqa: F811
    store = Store(db_url)
    docs = [replace(d, origin="test") for d in documents(UKRAINE)]
    assert store.add_documents([(d, None) for d in docs[:2]]) == [docs[0].id, docs[1].id]
    # the second writer read the known ids before the first stored docs[1]: no error, no copy
    assert store.add_documents([(d, None) for d in docs[1:]]) == [docs[2].id]
    assert store.count(DocumentRow) == 3
    store.close()


def test_a_reused_id_with_other_text_goes_to_the_later_document(tmp_path, db_url):  # noqa: F811
    store = Store(db_url)
    syria = json.loads(FAKES.read_text(encoding="utf-8").splitlines()[0])
    ukraine = json.loads(UKRAINE.read_text(encoding="utf-8").splitlines()[0])
    pipeline.ingest([str(write(tmp_path / "real.jsonl", [json.dumps(syria)]))], store)
    impostor = {**ukraine, "id": syria["id"]}
    summary = pipeline.ingest([str(write(tmp_path / "reuse.jsonl", [json.dumps(impostor)]))],
                              store)
    (stored,) = summary.stored
    assert stored.startswith(syria["id"] + "~") and summary.renamed == [(syria["id"], stored)]
    assert any("renamed" in line and stored in line for line in summary.lines())
    (real,) = store.documents(ids=[syria["id"]])
    assert real.origin.endswith("real.jsonl:1")  # the first article kept its id
    store.close()


def test_the_database_refusing_one_document_loses_only_that_one(tmp_path, monkeypatch):
    """A row the database refuses (here: PostgreSQL's NUL, simulated on SQLite by a failing
    insert for one id) is rejected alone; the rest of its batch is stored."""
    from sqlalchemy.exc import DataError

    store = Store(str(tmp_path / "x.db"))
    docs = documents(FAKES, 0, 6)
    bad_id = docs[2].id
    real_add = Store.add_documents

    def refusing(self, batch):
        batch = list(batch)
        if any(d.id == bad_id for d, _ in batch):
            raise DataError("INSERT", {}, Exception("invalid byte sequence"))
        return real_add(self, batch)

    monkeypatch.setattr(Store, "add_documents", refusing)
    summary = pipeline.ingest([str(write(tmp_path / "six.jsonl",
                                         FAKES.read_text().splitlines()[:6]))], store)
    assert sorted(summary.stored) == sorted(d.id for d in docs if d.id != bad_id)
    (refused,) = summary.rejected
    assert "the database refused it (invalid byte sequence)" in refused.reason
    assert refused.reason.startswith(str(tmp_path / "six.jsonl"))


# -- processes ---------------------------------------------------------------------------------

_CLI = [sys.executable, "-c", "from strikewatch.cli import app; app()"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*_CLI, *args], env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_two_processes_migrating_a_new_database_both_succeed(tmp_path, db_url):  # noqa: F811
    script = ("import sys; from strikewatch.store import Store; Store(sys.argv[1]).close(); "
              "print('ok')")
    runs = [subprocess.Popen([sys.executable, "-c", script, db_url], env=_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    results = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0, 0, 0], [err[-400:] for _, err in results]


@pytest.mark.slow
def test_two_ingests_of_overlapping_inputs_store_every_document_once(tmp_path, db_url):  # noqa: F811
    lines = FAKES.read_text(encoding="utf-8").splitlines()
    first = write(tmp_path / "first.jsonl", lines[:300])
    second = write(tmp_path / "second.jsonl", lines[150:])  # 150 lines in both
    runs = [_spawn("ingest", str(path), "--db", db_url) for path in (first, second)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [err[-600:] for _, err in outputs]
    assert not any("Traceback" in err for _, err in outputs)
    store = Store(db_url)
    assert store.count(DocumentRow) == 480  # the 480 distinct articles of fakes-dev, once each
    assert not any("~" in d.id for d in store.documents())  # nobody renamed for a race
    store.close()


@pytest.fixture(scope="module")
def founding_db(tmp_path_factory):
    from webapp_support import build_founding_db

    return build_founding_db(tmp_path_factory.mktemp("writers") / "founding.db")


def test_uploads_beside_review_writes_store_each_document_once(tmp_path, founding_db):
    """Two JSON Lines uploads of overlapping articles at once while an analyst confirms an
    incident again and again: every article stored once, every request answered, no 500."""
    from fastapi.testclient import TestClient
    from webapp_support import copy_db

    from strikewatch.api import API, ApiSettings, create_app
    from strikewatch.users import add_user

    store = Store(str(copy_db(founding_db, tmp_path / "team.db")))
    token = add_user(store, "Amira Saleh", role="analyst")
    headers = {"Authorization": f"Bearer {token}"}
    client = TestClient(create_app(ApiSettings(process_ingest=False), store=store),
                        raise_server_exceptions=False)
    incident = client.get(f"{API}/incidents").json()["items"][0]["id"]
    before = store.count(DocumentRow)
    lines = FAKES.read_text(encoding="utf-8").splitlines()
    bodies = ["\n".join(lines[:120]), "\n".join(lines[60:180])]
    answers: list = []

    def upload(body: str) -> None:
        answers.append(client.post(f"{API}/ingest/jsonl", content=body.encode(), headers={
            **headers, "Content-Type": "application/x-ndjson"}))

    threads = [threading.Thread(target=upload, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    reviews = [client.post(f"{API}/incidents/{incident}/confirm",
                           json={"reason": f"pass {i}"}, headers=headers) for i in range(5)]
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [200, 200], [a.text[:300] for a in answers]
    assert [r.status_code for r in reviews] == [200] * 5, [r.text[:200] for r in reviews]
    distinct = {json.loads(line)["id"] for line in lines[:180]}
    assert store.count(DocumentRow) - before == len(distinct)
    stored = [i for a in answers for i in a.json()["stored"]]
    assert len(stored) == len(set(stored)) == len(distinct)
    store.close()


def test_a_missing_folder_is_an_error_not_a_new_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(str(tmp_path / "no" / "such" / "x.db"))
    assert not (tmp_path / "no").exists()


def test_a_missing_file_is_created_only_when_asked(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(str(tmp_path / "typo.db"), create=False)
    assert not (tmp_path / "typo.db").exists()
    Store(str(tmp_path / "new.db")).close()
    Store(str(tmp_path / "new.db"), create=False).close()


def test_a_file_that_is_not_a_strikewatch_database_is_named_as_such(tmp_path):
    import sqlite3

    notes = tmp_path / "notes.db"
    notes.write_text("shopping: bread, olives\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db is not a strikewatch database \(not an "):
        Store(str(notes))
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE birds (name TEXT)")
    with pytest.raises(StoreError, match="not a strikewatch database .*birds"):
        Store(str(other))


# -- kill -9 ---------------------------------------------------------------------------------------

# One process: ingest in batches of 4 (a commit each), then extract in batches of 4 and fuse,
# so that a kill lands between commits, inside a transaction, or while spaCy loads.
_PIPELINE = """
import sys
from strikewatch import pipeline
from strikewatch.store import Store
store = Store(sys.argv[1])
print("opened", flush=True)
pipeline.ingest(sys.argv[2:], store, batch_size=4)
extracted = pipeline.extract_pending(store, batch_size=4)
from strikewatch.fuse import fuse_pending
fuse_pending(store)
print("done", flush=True)
"""


def _pipeline(db: str, inputs: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _PIPELINE, db, *inputs], env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(db: str, inputs: list[str]) -> None:
    run = _pipeline(db, inputs)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0 and "done" in out, err[-800:]


def _export(db: str) -> dict[str, str]:
    """The three exports, less each incident's ``updated_at``: the clock differs between two
    runs however alike their results."""
    from strikewatch.export import export_lines

    store = Store(db)
    try:
        return {what: "".join(_without_clock(line)
                              for line in export_lines(store, fmt="jsonl", what=what))
                for what in ("documents", "incidents", "claims")}
    finally:
        store.close()


def _without_clock(line: str) -> str:
    record = json.loads(line)
    record.pop("updated_at", None)
    return json.dumps(record, ensure_ascii=False) + "\n"


@pytest.mark.slow
def test_kill_9_at_random_moments_then_rerun_gives_the_uninterrupted_export(tmp_path):
    import random
    import signal
    import time

    subset = write(tmp_path / "subset.jsonl", FAKES.read_text(encoding="utf-8").splitlines()[:12])
    inputs = [str(subset), str(Path(__file__).parent.parent / "samples"
                               / "mee-2015-10-02-russia-syria.html")]
    from strikewatch.fuse import fuse_pending

    whole = Store(str(tmp_path / "whole.db"))  # the uninterrupted run, in this process
    opened = time.monotonic()
    pipeline.ingest(inputs, whole, batch_size=4)
    pipeline.extract_pending(whole, batch_size=4)
    fuse_pending(whole)
    whole.close()
    # a killed process also loads spaCy after it opens the database: its work lasts longer
    working_seconds = max(time.monotonic() - opened, 5.0)
    reference = _export(str(tmp_path / "whole.db"))
    assert reference["incidents"] and reference["claims"]
    for seed in (1, 2, 3):
        db = str(tmp_path / f"killed-{seed}.db")
        victim = _pipeline(db, inputs)
        assert victim.stdout.readline().strip() == "opened"
        time.sleep(random.Random(seed).uniform(0, working_seconds * 0.95))
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        _finish(db, inputs)
        assert _export(db) == reference, f"seed {seed}: the export differs after kill -9"


def test_an_upload_extracts_its_own_documents_not_everybody_pending(tmp_path):
    """Another analyst's ingest left a document unextracted (their `extract` runs tonight):
    an upload extracts what it stored, and leaves theirs pending."""
    from fastapi.testclient import TestClient

    from strikewatch.api import API, create_app
    from strikewatch.users import add_user

    store = Store(str(tmp_path / "team.db"))
    lines = FAKES.read_text(encoding="utf-8").splitlines()
    theirs = pipeline.ingest([str(write(tmp_path / "theirs.jsonl", lines[:1]))], store).stored
    token = add_user(store, "Amira Saleh", role="analyst")
    answer = TestClient(create_app(store=store)).post(
        f"{API}/ingest/jsonl", content="\n".join(lines[1:3]).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"})
    assert answer.status_code == 200, answer.text[:300]
    assert answer.json()["extracted"]["documents"] == 2
    assert [d.id for d in store.documents(unextracted=True)] == theirs
    store.close()
