"""Articles uploaded or posted as JSON Lines: stored, then extracted and fused."""

from __future__ import annotations

import logging
import tempfile
import threading
from datetime import date
from pathlib import Path, PurePath
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .. import pipeline
from ..ingest import IngestOptions
from ..store import Store
from .deps import API, Db, Write, WriteLock, known_params, settings_of

log = logging.getLogger("strikewatch.api")

router = APIRouter()


def _run_ingest(store: Store, lock: threading.Lock, paths: list[str], options: IngestOptions,
                process: bool) -> dict:
    """Store the files under the write lock, then (``process``) extract and fuse what is new;
    what was stored, duplicated or rejected, by the names the client sent."""
    with lock:
        summary = pipeline.ingest(paths, store, options=options)
        out: dict[str, Any] = {
            "read": summary.read, "stored": summary.stored,
            "duplicates": [{"id": i, "why": w} for i, w in summary.duplicates],
            "syndicated": [{"id": i, "copy_of": c} for i, c in summary.syndicated],
            "renamed": [{"id": i, "stored_as": n} for i, n in summary.renamed],
            "rejected": [{"input": _public_origin(r.origin, paths), "reason":
                          _public_origin(r.reason, paths)} for r in summary.rejected],
        }
        if summary.nothing_read:
            reasons = "; ".join(r["reason"] for r in out["rejected"]) or "nothing to read"
            raise HTTPException(422, {"error": f"no article could be read: {reasons}",
                                      "rejected": out["rejected"]})
        if process and summary.stored:
            extracted, fused = pipeline.process_pending(store, ids=summary.stored)
            out["extracted"] = {"documents": extracted.documents,
                                "strikes": extracted.strikes, "claims": extracted.claims}
            out["fused"] = {"created": fused.created, "updated": fused.updated,
                            "set_aside": len(fused.set_aside)}
    return out


@router.post(f"{API}/ingest", tags=["ingest"], dependencies=[known_params(
    "published", "source", "process")])
def ingest_files(request: Request, user: Write, store: Db, lock: WriteLock,
                 files: Annotated[list[UploadFile], File(description="HTML, text, JSON "
                                                         "Lines or RSS/Atom files")],
                 published: date | None = None, source: str | None = None,
                 process: bool = True) -> dict:
    """Store uploaded articles (each new one once), then extract and fuse them."""
    with tempfile.TemporaryDirectory(prefix="strikewatch-upload-") as tmp:
        paths = []
        for i, upload in enumerate(files):
            name = PurePath(upload.filename or f"upload-{i}.txt").name or f"upload-{i}.txt"
            target = Path(tmp) / f"{i:03d}" / name
            target.parent.mkdir()
            with target.open("wb") as fh:
                while chunk := upload.file.read(1 << 20):
                    fh.write(chunk)
            paths.append(str(target))
        out = _run_ingest(store, lock, paths,
                          IngestOptions(published=published, source=source),
                          process and settings_of(request).process_ingest)
    log.info("%s ingested %d files", user.name, len(paths))
    return out


@router.post(f"{API}/ingest/jsonl", tags=["ingest"],
             dependencies=[known_params("source", "process")],
             openapi_extra={"requestBody": {"required": True, "content": {
              "application/x-ndjson": {"schema": {"type": "string"}}}}})
async def ingest_jsonl(request: Request, user: Write, store: Db, lock: WriteLock,
                       source: str | None = None, process: bool = True) -> JSONResponse:
    """Store articles posted as JSON Lines: one {"id", "title", "text", "published",
    "source", "url"} object per line; a malformed line is rejected by number."""
    body = await request.body()
    if not body.strip():
        raise HTTPException(422, "empty body: post one JSON object per line")
    with tempfile.TemporaryDirectory(prefix="strikewatch-upload-") as tmp:
        path = Path(tmp) / "posted.jsonl"
        path.write_bytes(body)
        out = await run_in_threadpool(_run_ingest, store, lock, [str(path)],
                                      IngestOptions(source=source),
                                      process and settings_of(request).process_ingest)
    log.info("%s posted %d JSON lines", user.name, out["read"])
    return JSONResponse(out)


def _public_origin(text: str, paths: list[str]) -> str:
    """Rejection reasons name the server's temporary file; a client knows its own name."""
    for p in paths:
        text = text.replace(p, PurePath(p).name)
    return text
