"""Extraction on a Dask cluster (strikewatch.cluster): a loopback LocalCluster stands in for
a scheduler and its workers; the export must equal the single-process run's."""

from __future__ import annotations

import socket

import pytest
from pg import db_url, postgres  # noqa: F401
from test_scale import _export_without_clock, _first_articles

from strikewatch import pipeline
from strikewatch.errors import ClusterError
from strikewatch.fuse import fuse_pending
from strikewatch.store import Store

distributed = pytest.importorskip("dask.distributed", reason="pip install 'strikewatch[dask]'")


@pytest.fixture(scope="module")
def scheduler():
    """One in-process worker, one thread, loopback only: the address a user would give."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp", host="127.0.0.1", scheduler_port=0,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _another_database(db_url: str, request, tmp_path) -> str:  # noqa: F811
    """A second empty database of the same kind as ``db_url``, for the reference run."""
    if db_url.startswith("postgresql"):
        return request.getfixturevalue("postgres").create_database()
    return str(tmp_path / "single-process.db")


def _extracted_and_fused(url: str, articles, **engine) -> tuple[list, list]:
    store = Store(url)
    pipeline.ingest([str(articles)], store)
    summary = pipeline.extract_pending(store, batch_size=8, **engine)
    assert summary.documents == 40
    fuse_pending(store)
    return (_export_without_clock(store, "incidents"), _export_without_clock(store, "claims"))


def test_dask_cluster_gives_the_export_of_one_process(db_url, scheduler, request,  # noqa: F811
                                                      tmp_path):
    articles = _first_articles(tmp_path, 40)
    on_cluster = _extracted_and_fused(db_url, articles, dask=scheduler)
    alone = _extracted_and_fused(_another_database(db_url, request, tmp_path), articles)
    assert alone[0], "the articles report strikes: an empty export would prove nothing"
    assert on_cluster == alone


def test_cli_extract_on_a_cluster_extracts_every_pending_document(tmp_path, scheduler):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "cli.db")
    pipeline.ingest([str(_first_articles(tmp_path, 10))], Store(db))
    result = CliRunner().invoke(app, ["extract", "--dask", scheduler, "--db", db])
    assert result.exit_code == 0, result.output
    assert "from 10 documents" in result.output
    assert Store(db).count_documents(unextracted=True) == 0


def test_a_scheduler_that_does_not_answer_is_named(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: nothing answers there
        from strikewatch.cluster import connect

        unreachable = f"tcp://127.0.0.1:{port}"
        with pytest.raises(ClusterError, match=f"no Dask scheduler answers at {unreachable}"):
            connect(unreachable, timeout="1s")


def test_cli_names_an_unreachable_scheduler_and_extracts_nothing(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from strikewatch import cluster
    from strikewatch.cli import app

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    db = str(tmp_path / "unreachable.db")
    pipeline.ingest([str(_first_articles(tmp_path, 3))], Store(db))
    result = CliRunner().invoke(app, ["extract", "--dask", "tcp://127.0.0.1:9", "--db", db])
    assert result.exit_code == 2
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in result.output
    assert Store(db).count_documents(unextracted=True) == 3


def test_cli_run_extracts_its_inputs_on_a_cluster(tmp_path, scheduler):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "run.db")
    result = CliRunner().invoke(app, ["run", str(_first_articles(tmp_path, 6)), "--dask",
                                      scheduler, "--db", db])
    assert result.exit_code == 0, result.output
    assert Store(db).count_documents() == 6
    assert Store(db).count_documents(unextracted=True) == 0
