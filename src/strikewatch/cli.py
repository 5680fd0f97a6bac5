"""The ``strikewatch`` command: thin shells over the library's stage functions.

Commands only parse arguments, call the stages and turn named errors into exit codes: 0 done,
1 for a run that had nothing to do or found nothing, 2 for bad usage or a named error.
Results go to standard output, errors and progress to standard error. Command names are a
contract (evaluation scripts call them).

Only the commands that put data in (``ingest``, ``run``, ``import`` and ``user add``, which
sets up a server before its first upload) create a SQLite database that does not exist yet,
and say so; every other command names a missing file as an error, so a mistyped ``--db``
never answers from a new, empty database.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from .errors import NothingToBrief, ReviewError, StrikewatchError
from .store import Store

if TYPE_CHECKING:  # the stages load when a command needs them: ``brief`` or ``review`` pays
    # for no article reader, web client or NLP pipeline (~0.5 CPU s of ``pipeline``'s imports)
    from . import pipeline
    from .fuse.claims import ClaimsReport
    from .ingest import IngestOptions

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Airstrikes and the claims made about them, from the news.")
console = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLite file or SQLAlchemy URL [env STRIKEWATCH_DB; default ./strikewatch.db]")]
PathsArgument = Annotated[list[str], typer.Argument(
    help="Files, folders (read recursively), http(s) URLs, or - for standard input.")]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) for plain-text inputs without one.")]
SourceOption = Annotated[str | None, typer.Option(
    "--source", help="Outlet name for plain-text inputs.")]
WorkersOption = Annotated[int, typer.Option(
    "--workers", min=1, help="Processes extracting at once (default: the machine's cores).")]
DaskOption = Annotated[str | None, typer.Option(
    "--dask", help="Extract on the Dask cluster of this scheduler (tcp://host:8786) instead "
    "of local processes; this process still writes to the database.")]


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(message)s", stream=sys.stderr)


def _open(db: str | None, *, create: bool = False) -> Store:
    """The database of ``--db``; a command that does not put data in needs it to exist."""
    if create:
        return _create(db)
    try:
        return Store(db, create=False)
    except StrikewatchError as exc:
        _fail(exc)


def _create(db: str | None) -> Store:
    """Open the database, creating it (and saying so on stderr) when the file is new."""
    from sqlalchemy.engine import make_url

    from .store import database_url

    try:
        url = make_url(database_url(db))
        file = url.database if url.get_backend_name() == "sqlite" else None
        database = Path(file) if file and file != ":memory:" else None
        new = database is not None and not database.exists()
        store = Store(db, create=True)
    except StrikewatchError as exc:
        _fail(exc)
    if new:
        _say(f"created a new database {database}")
    return store


def _fail(exc: Exception) -> NoReturn:
    """A named error: one line on stderr, no traceback, exit 2 (README: bad usage or a named
    error)."""
    console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    raise typer.Exit(2) from exc


def _say(line: str) -> None:
    """Progress and notes, on stderr so that stdout carries only results."""
    console.print(line, markup=False, highlight=False, soft_wrap=True)


def _options(published: str | None, source: str | None) -> IngestOptions:
    from .dates import plausible_publication
    from .ingest import IngestOptions

    try:
        day = date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise typer.BadParameter(f"--published {published!r} is not YYYY-MM-DD") from exc
    if day is not None and plausible_publication(day, "--published") is None:
        raise typer.BadParameter(f"--published {published}: not between 1900 and a year from now")
    return IngestOptions(published=day, source=source)


def _ingest(paths: list[str], store: Store, options: IngestOptions, *,
            report: bool) -> pipeline.IngestSummary:
    """Ingest, then the summary: the command's result on stdout when ``report``, a stage's
    progress on stderr otherwise (``run``, whose result is the briefing)."""
    from . import pipeline

    tick, stop = pipeline.progress_printer("ingesting")
    try:
        summary = pipeline.ingest(paths, store, options=options, progress=tick)
    finally:
        stop()
    _lines(summary.lines(), report=report)
    return summary


def _lines(lines: list[str], *, report: bool) -> None:
    for line in lines:
        if report:
            print(line)
        else:
            _say(line)


@app.command()
def ingest(paths: PathsArgument, db: DbOption = None, published: PublishedOption = None,
           source: SourceOption = None) -> None:
    """Read articles (HTML, text, JSON Lines, RSS/Atom, URLs) and store each new one once."""
    options = _options(published, source)
    summary = _ingest(paths, _open(db, create=True), options, report=True)
    if summary.nothing_read:
        raise typer.Exit(1)


@app.command()
def extract(db: DbOption = None,
            everything: Annotated[bool, typer.Option(
                "--all", help="Re-extract every document, not only new ones.")] = False,
            workers: WorkersOption = os.cpu_count() or 1, dask: DaskOption = None) -> None:
    """Extract strikes and claims from stored documents not yet extracted, then fuse them."""
    if not _extract_and_fuse(_open(db), everything=everything, workers=workers, dask=dask,
                             report=True):
        raise typer.Exit(1)


@app.command()
def fuse(db: DbOption = None,
         retry: Annotated[bool, typer.Option(
             "--retry", help="Also give the mentions fusion set aside another pass.")] = False,
         reason: Annotated[str | None, typer.Option(
             "--reason", help="With --retry: only the notes that start with this, e.g. "
             "'ambiguous'.")] = None) -> None:
    """Fuse the strike mentions in no incident yet (--retry: and those set aside before)."""
    from .fuse import fuse_pending, retry_set_aside

    store = _open(db)
    report = retry_set_aside(store, reason=reason) if retry else fuse_pending(store)
    print(report)
    if not report.mentions and not report.dropped:
        raise typer.Exit(1)  # nothing to fuse


def _extract_and_fuse(store: Store, *, everything: bool, workers: int, report: bool,
                      dask: str | None = None) -> bool:
    """Extract and fuse, print both summaries (see ``_ingest`` for where); False when there
    was nothing to do (no document to extract, no mention left unfused)."""
    from . import pipeline

    tick, stop = pipeline.progress_printer("extracting")
    try:
        summary, fused = pipeline.process_pending(store, everything=everything, progress=tick,
                                                  workers=workers, dask=dask)
    except StrikewatchError as exc:  # a cluster that cannot be reached; written pages stay
        _fail(exc)
    finally:
        stop()
    _lines([*summary.lines(), str(fused)], report=report)
    return bool(summary.documents or fused.mentions or fused.dropped)


@app.command()
def run(paths: PathsArgument, db: DbOption = None, published: PublishedOption = None,
        source: SourceOption = None, workers: WorkersOption = os.cpu_count() or 1,
        dask: DaskOption = None) -> None:
    """Ingest, extract, geocode, fuse, then print the morning briefing."""
    options = _options(published, source)
    store = _open(db, create=True)
    summary = _ingest(paths, store, options, report=False)
    if summary.nothing_read:
        raise typer.Exit(1)
    _extract_and_fuse(store, everything=False, workers=workers, dask=dask, report=False)
    _closing_brief(store, [*summary.stored, *(doc_id for doc_id, _ in summary.duplicates)])


def _closing_brief(store: Store, doc_ids: list[str]) -> None:
    """The terminal briefing of the days the run's documents report, and the same as HTML
    next to a SQLite database (``<db stem>-briefing.html``)."""
    from . import brief

    period = brief.period_of_documents(store, doc_ids)
    if period is None:
        return
    options = brief.BriefOptions(end=period[1], days=(period[1] - period[0]).days + 1)
    try:
        result = brief.build_brief(store, options)
    except StrikewatchError as exc:
        console.print(f"no briefing: {exc}", markup=False, highlight=False)
        return
    brief.render(result, "terminal", options=options, console=Console())
    database = store.engine.url.database if store.engine.dialect.name == "sqlite" else None
    if database:
        html_path = Path(database).with_name(f"{Path(database).stem}-briefing.html")
        brief.render(result, "html", html_path, options=options)
        console.print(f"briefing written to {html_path}", markup=False, highlight=False)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl | geojson | acled")] = "jsonl",
    what: Annotated[str, typer.Option("--what", help="incidents | claims | documents")] = "incidents",
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout)")] = None,
    start: Annotated[str | None, typer.Option("--from", help="Incidents from this day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Incidents up to this day, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="Only incidents in this country (ISO alpha-2, e.g. SY).")] = None,
    attacker: Annotated[str | None, typer.Option(
        "--attacker", help="Only this attacker: ISO alpha-2 of a state's forces, a name, or "
                           "unknown.")] = None,
    event_type: Annotated[str | None, typer.Option(
        "--event-type", help="Only air | shelling | unknown.")] = None,
    db: DbOption = None,
) -> None:
    """Write incidents, claims or documents as JSON Lines, GeoJSON or ACLED CSV; the incident
    filters mean what they mean in the API, the web app and the briefing (store.IncidentFilter)."""
    from .export import export_lines
    from .store import IncidentFilter

    try:
        where = IncidentFilter(start=date.fromisoformat(start) if start else None,
                               end=date.fromisoformat(end) if end else None,
                               country=country, attacker=attacker, event_type=event_type)
    except ValueError as exc:
        raise typer.BadParameter(f"--from/--to must be YYYY-MM-DD ({exc})") from exc
    if where.problems():
        raise typer.BadParameter("; ".join(where.problems()))
    store = _open(db)
    try:
        chunks = export_lines(store, fmt=fmt, what=what,
                              where=None if where == IncidentFilter() else where)
        if out is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
        else:
            with out.open("w", encoding="utf-8", newline="") as fh:
                fh.writelines(chunks)
    except StrikewatchError as exc:
        _fail(exc)


@app.command()
def geocode(
    name: Annotated[str, typer.Argument(help="A place name as written, e.g. 'Hama province'.")],
    country: Annotated[str | None, typer.Option(
        "--country", help="ISO 3166-1 alpha-2 of the document's country, e.g. SY.")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Also use the places imported into this database (gazetteer import) "
                     "[env STRIKEWATCH_DB]")] = None,
) -> None:
    """Print the gazetteer's match for NAME as JSON, with the alternatives it considered."""
    import json
    import os

    from .geo import geocode_json, load_gazetteer

    try:
        gazetteer = load_gazetteer()
        if db or os.environ.get("STRIKEWATCH_DB"):
            store = _open(db)
            if store.gazetteer_imports():
                gazetteer = gazetteer.with_imported(store.url)
        result = geocode_json(name, country, gazetteer=gazetteer)
    except StrikewatchError as exc:
        _fail(exc)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    if not result["resolved"]:
        raise typer.Exit(1)


@app.command()
def brief(
    day: Annotated[str | None, typer.Option(
        "--date", help="Last day briefed, YYYY-MM-DD [default: the latest incident's day].")] = None,
    days: Annotated[int, typer.Option("--days", help="Days in the period, ending on --date.")] = 7,
    country: Annotated[str | None, typer.Option(
        "--country", help="Only incidents in this country (ISO alpha-2, e.g. SY).")] = None,
    attacker: Annotated[str | None, typer.Option(
        "--attacker", help="Only this attacker (ISO alpha-2 of a state's forces, or a name).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="terminal | markdown | html | pdf")] = "terminal",
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout)")] = None,
    db: DbOption = None,
) -> None:
    """The morning briefing: where strikes went, whom they hit, who says so, day by day."""
    from . import brief as briefing

    try:
        end = date.fromisoformat(day) if day else None
    except ValueError as exc:
        raise typer.BadParameter(f"--date {day!r} is not YYYY-MM-DD") from exc
    options = briefing.BriefOptions(end=end, days=days, country=country, attacker=attacker)
    store = _open(db)
    try:
        result = briefing.build_brief(store, options)
        text = briefing.render(result, fmt, out, options=options, console=Console())
    except NothingToBrief as exc:  # nothing found: exit 1, as the README says
        console.print(escape(str(exc)), highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    except StrikewatchError as exc:
        _fail(exc)
    if text is not None:
        sys.stdout.write(text)
    if not result.incidents:
        raise typer.Exit(1)


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="The CSV file to import.")],
    fmt: Annotated[str, typer.Option(
        "--format", help="acled | yemen-data-project (the YDP air-raid table)")] = "acled",
    db: DbOption = None,
) -> None:
    """Import coded strike data (an ACLED export, the Yemen Data Project table) as incidents."""
    from . import imports

    if fmt not in imports.READERS:
        raise typer.BadParameter(f"--format {fmt!r}: choose one of {', '.join(imports.READERS)}")
    store = _open(db, create=True)
    try:
        summary = imports.READERS[fmt](path, store)
    except (OSError, StrikewatchError) as exc:
        _fail(exc)
    _lines(summary.lines(), report=True)
    if not summary.stored:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- gazetteer
gazetteer_app = typer.Typer(no_args_is_help=True, help=(
    "Places a team adds to the embedded gazetteer: a GeoNames country dump or a P-code table."))
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def gazetteer_import(
    file: Annotated[Path, typer.Argument(help="A GeoNames dump (UA.zip, UA.txt) or a P-code CSV.")],
    country: Annotated[str | None, typer.Option(
        "--country", help="ISO2 of the file's country (read from the file when omitted).")] = None,
    db: DbOption = None,
) -> None:
    """Import a country's places; a file read before is replaced, a bad one changes nothing."""
    from .geo.importing import import_gazetteer

    store = _open(db, create=True)
    try:
        done = import_gazetteer(file, store, country=country)
    except StrikewatchError as exc:
        _fail(exc)
    print(f"imported {done['rows']} places of {done['country']} from {done['source_file']} "
          f"({done['format']})")


@gazetteer_app.command("list")
def gazetteer_list(db: DbOption = None) -> None:
    """What was imported: source file, format, country, rows, when."""
    imports = _open(db).gazetteer_imports()
    if not imports:
        console.print("nothing imported yet: 'strikewatch gazetteer import UA.zip'",
                      markup=False, highlight=False)
        raise typer.Exit(1)
    print("source file\tformat\tcountry\trows\timported (UTC)")
    for i in imports:
        print(f"{i['source_file']}\t{i['format']}\t{i['country']}\t{i['rows']}\t"
              f"{i['imported_at']:%Y-%m-%d %H:%M}")
# --------------------------------------------------------------------------- end gazetteer


user_app = typer.Typer(no_args_is_help=True, help="Users of the web app and their tokens.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The name the audit log records.")],
    role: Annotated[str, typer.Option("--role", help="reader | analyst | admin")] = "analyst",
    db: DbOption = None,
) -> None:
    """Create a user and print their token once (only its hash is stored)."""
    from .users import add_user

    store = _open(db, create=True)
    try:
        token = add_user(store, name, role=role)
    except StrikewatchError as exc:
        _fail(exc)
    console.print(f"user {name!r} ({role}) created; the token below is shown only now",
                  markup=False, highlight=False)
    sys.stdout.write(token + "\n")


@user_app.command("list")
def user_list(db: DbOption = None) -> None:
    """Every user: role, created, last used, and who revoked them when (never a token)."""
    from .users import users

    def when(t) -> str:  # noqa: ANN001 - a datetime or None
        return f"{t:%Y-%m-%d %H:%M}" if t else "-"

    everyone = users(_open(db))
    if not everyone:
        console.print("no users yet: create one with 'strikewatch user add NAME --role admin'",
                      markup=False, highlight=False)
        raise typer.Exit(1)
    print("name\trole\tcreated (UTC)\tlast used (UTC)\tstatus")
    for u in everyone:
        status = "active" if u.active else f"revoked {when(u.revoked_at)} by {u.revoked_by}"
        print(f"{u.name}\t{u.role}\t{when(u.created_at)}\t{when(u.last_used_at)}\t{status}")


@user_app.command("revoke")
def user_revoke(
    name: Annotated[str, typer.Argument(help="The user whose token stops working now.")],
    by: Annotated[str | None, typer.Option(
        "--by", envvar="STRIKEWATCH_ANALYST",
        help="Who revokes, for the record [env STRIKEWATCH_ANALYST; default: your login]")] = None,
    db: DbOption = None,
) -> None:
    """Revoke a user's token at once; the user stays listed, marked revoked (for the audit)."""
    import getpass

    from .users import revoke_user

    store = _open(db)
    try:
        user = revoke_user(store, name, by=by or getpass.getuser())
    except StrikewatchError as exc:
        _fail(exc)
    print(f"user {user.name!r} revoked at {user.revoked_at:%Y-%m-%d %H:%M} UTC by "
          f"{user.revoked_by}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    read_token: Annotated[bool, typer.Option(
        "--read-token/--open-read", help="Require a token to read too.")] = False,
    public_read: Annotated[bool, typer.Option(
        "--public-read", help="Serve reads without a token on a non-loopback address (the "
                              "data is meant to be public).")] = False,
) -> None:
    """Serve the REST API (/api/v1, schema at /openapi.json) and the analysts' web pages.
    On an address other machines reach, reading needs a token unless --public-read."""
    try:
        import uvicorn

        from .api import ApiSettings, create_app, exposure_problem
    except ImportError as exc:
        console.print(f"[red]error:[/red] the web server needs the \\[web] extra ({exc.name} is "
                      "missing); install it with:")
        console.print("  pip install 'strikewatch[web]'", markup=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    problem = exposure_problem(host, read_token=read_token, public_read=public_read)
    if problem:
        console.print(f"[red]error:[/red] {problem}")
        raise typer.Exit(2)
    from .users import provision_read_token, users

    store = _open(db)
    if os.environ.get("STRIKEWATCH_READ_TOKEN"):  # a deployment's env file (docs/deploy.md)
        try:
            provision_read_token(store, os.environ["STRIKEWATCH_READ_TOKEN"])
        except StrikewatchError as exc:
            _fail(exc)
    console.print(f"strikewatch on http://{host}:{port}/ (database {store.url})",
                  markup=False, highlight=False)
    if not any(u.can_write for u in users(store)):
        console.print("no analyst or admin yet, so nobody can review or ingest: create one with "
                      "'strikewatch user add NAME --role admin'", markup=False, highlight=False)
    from .alerts.delivery import start_sender

    start_sender(store)  # issue 15: alerts go out from here, never from fusion
    uvicorn.run(create_app(ApiSettings(read_requires_token=read_token), store=store),
                host=host, port=port, log_level="info")


# -- analyst review and the claims-versus-reports query (thin shells over review.py, fuse/) --

review_app = typer.Typer(no_args_is_help=True, help=(
    "Confirm, reject, edit, merge or split incidents; every action is logged with the "
    "analyst's name, the time and the reason, and survives re-extraction."))
app.add_typer(review_app, name="review")
AnalystOption = Annotated[str, typer.Option(
    "--analyst", envvar="STRIKEWATCH_ANALYST", help="Your name, for the audit log [env STRIKEWATCH_ANALYST]")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why (kept in the audit log).")]
IncidentArgument = Annotated[str, typer.Argument(help="Incident id (as exported).")]


def _reviewed(action, *args, **kwargs) -> None:
    try:
        inc = action(*args, **kwargs)
    except StrikewatchError as exc:
        _fail(exc)
    print(f"{inc.id}: {inc.grade} ({inc.grade_reason})")


@review_app.command("confirm")
def review_confirm(incident: IncidentArgument, analyst: AnalystOption, reason: ReasonOption,
                   grade: Annotated[str | None, typer.Option(
                       "--grade", help="Pin this grade instead of the current one.")] = None,
                   db: DbOption = None) -> None:
    """Checked: pin the incident's grade (or the one given)."""
    from . import review

    _reviewed(review.confirm, _open(db), incident, analyst=analyst, reason=reason, grade=grade)


@review_app.command("reject")
def review_reject(incident: IncidentArgument, analyst: AnalystOption, reason: ReasonOption,
                  db: DbOption = None) -> None:
    """Rule the incident out: graded discounted, kept for the record."""
    from . import review

    _reviewed(review.reject, _open(db), incident, analyst=analyst, reason=reason)


@review_app.command("edit")
def review_edit(incident: IncidentArgument,
                field: Annotated[str, typer.Argument(help=(
                    "date | date_precision | attacker | location | targets | fatalities | "
                    "civilians | grade | grade_reason"))],
                value: Annotated[str, typer.Argument(help=(
                    "e.g. 2015-10-01; RU; rebel:Free Syrian Army,civilian; 12-46; a JSON "
                    "object for location"))],
                analyst: AnalystOption, reason: ReasonOption, db: DbOption = None) -> None:
    """Set one field; fusion and re-extraction will not overwrite it."""
    from . import review

    _reviewed(review.edit, _open(db), incident, field, value, analyst=analyst, reason=reason)


@review_app.command("merge")
def review_merge(keep: IncidentArgument,
                 absorb: Annotated[str, typer.Argument(help="Incident merged into KEEP.")],
                 analyst: AnalystOption, reason: ReasonOption, db: DbOption = None) -> None:
    """Two incidents are one strike: ABSORB's mentions join KEEP."""
    from . import review

    _reviewed(review.merge, _open(db), keep, absorb, analyst=analyst, reason=reason)


@review_app.command("split")
def review_split(incident: IncidentArgument,
                 mentions: Annotated[list[int], typer.Argument(
                     help="Mention ids (see `review show`) that report another strike.")],
                 analyst: AnalystOption, reason: ReasonOption, db: DbOption = None) -> None:
    """Some mentions report another strike: they become a new incident."""
    from . import review

    _reviewed(review.split, _open(db), incident, mentions, analyst=analyst, reason=reason)


@review_app.command("show")
def review_show(incident: IncidentArgument, db: DbOption = None) -> None:
    """An incident's fields, grade and mentions (with the ids `review split` takes)."""
    store = _open(db)
    inc = store.incident(incident)
    if inc is None:
        _fail(ReviewError(f"no incident {incident!r}"))
    place = inc.place.name if inc.place else "?"
    attacker = inc.attacker.code if inc.attacker else "?"
    print(f"{inc.id}  {inc.date} ({inc.date_precision})  {attacker}  {place}  {inc.grade}")
    print(f"  {inc.grade_reason}")
    print(f"  fatalities {inc.fatalities.min}-{inc.fatalities.max}, civilians "
          f"{inc.civilians.min}-{inc.civilians.max}; reviewed: "
          f"{', '.join(k for k in inc.reviewed) or 'nothing'}")
    for m in store.stored_mentions(incident_ids=[incident]):
        print(f"  [{m.id}] {m.mention.doc_id} ({m.mention.source or m.outlet}): "
              f"{' '.join(m.mention.sentence.text.split())}")


@review_app.command("log")
def review_log(incident: Annotated[str | None, typer.Argument(
                   help="Incident id; all incidents when omitted.")] = None,
               db: DbOption = None) -> None:
    """The audit log: who did what to which incident, when and why."""
    from . import review

    entries = review.history(_open(db), incident)
    if not entries:
        _say(f"no review of {incident} yet" if incident else "no review yet")
        raise typer.Exit(1)
    for r in entries:
        change = f" {r.field}: {r.old_value} -> {r.new_value}" if r.field else ""
        print(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.analyst}  {r.action} {r.incident_id}{change}"
              f"  ({r.reason})")


@app.command()
def claims(
    attacker: Annotated[str, typer.Option("--attacker", help="ISO code (RU) or name.")],
    start: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
    db: DbOption = None,
) -> None:
    """What the attacker says it hits, against what independent sources report was hit."""
    from .fuse import claims_vs_reports

    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as exc:
        raise typer.BadParameter(f"--from/--to must be YYYY-MM-DD ({exc})") from exc
    if last < first:
        raise typer.BadParameter(f"--to {end} is before --from {start}")
    code = _attacker_code(attacker)
    store = _open(db)
    report = claims_vs_reports(store, attacker=code, start=first, end=last)
    print("\n".join(report.lines() + _ground_of_claims(store, report, code, first, last)))
    if not (report.incidents or report.claimed or report.statistics):
        raise typer.Exit(1)


def _attacker_code(attacker: str) -> str:
    """The actor registry's code for ``--attacker``: a code as given ("RU"), or the code of
    the one actor a name stands for ("Russia", "Russian air force"); a word for no one force
    ("the army") and anything else is bad usage, not an empty report."""
    from .lexicons import load_lexicons

    lex = load_lexicons()
    if attacker in {e.code for e in lex.actor_entries}:
        return attacker
    whole = {v.code for start, end, _, v in lex.actors.find_in_short(attacker.strip())
             if start == 0 and end == len(attacker.strip()) and v.resolve is None}
    if len(whole) == 1:
        return whole.pop()
    raise typer.BadParameter(f"--attacker {attacker!r}: not an actor of the registry "
                             "(data/actors); give its code, e.g. RU")


def _ground_of_claims(store: Store, report: ClaimsReport, attacker: str, first: date,
                      last: date) -> list[str]:
    """The ground section (strikewatch.ground.tally): nothing when no control map is loaded.
    The period's incidents are streamed a page at a time, however long the period."""
    from .fuse import stream_incident_records
    from .ground.tally import ground_lines
    from .store import IncidentFilter

    period = IncidentFilter(attacker=attacker, start=first, end=last)
    lines = ground_lines(store, stream_incident_records(store, period), [attacker], first, last,
                         {attacker: report})
    return ["Whose ground:"] + [f"  {line}" for line in lines] if lines else []


# -- control maps: who held the ground (thin shell over strikewatch.ground) --

control_app = typer.Typer(no_args_is_help=True, help=(
    "Dated maps of who held the ground, for setting strikes against (issue 16)."))
app.add_typer(control_app, name="control")


@control_app.command("import")
def control_import(
    path: Annotated[str, typer.Argument(help="A GeoJSON control map, or a folder of them.")],
    source: Annotated[str, typer.Option("--source", help="The maps' publisher (DeepStateMap).")],
    mapping: Annotated[str, typer.Option("--mapping", help=(
        "YAML from the layer's labels to controllers, or the name of a bundled one "
        "(deepstate)."))] = "deepstate",
    db: DbOption = None,
) -> None:
    """Import dated control maps; a bad file is reported and nothing is imported."""
    from .ground import bundled_mapping, import_control_maps, mapping_from_yaml

    store = _open(db, create=True)
    try:
        labels = (mapping_from_yaml(mapping) if Path(mapping).suffix in (".yaml", ".yml")
                  else bundled_mapping(mapping))
        summary = import_control_maps(store, path, source=source, mapping=labels)
    except StrikewatchError as exc:
        _fail(exc)
    for warning in summary.warnings:
        console.print(f"repaired: {warning}", markup=False, highlight=False)
    days = sorted(d for _, d, _ in summary.maps)
    print(f"{len(days)} map(s) of {source} imported, {days[0]} to {days[-1]}"
          f"{f' ({summary.replaced} replaced)' if summary.replaced else ''}")


# -- watch-lists and alerts (issue 15; thin shells over alerts/) ------------------------------

watchlist_app = typer.Typer(no_args_is_help=True, help=(
    "What to be alerted about: an area, an attacker, a target, an event type, a toll or "
    "facility words; every incident fused or reviewed afterwards is checked."))
app.add_typer(watchlist_app, name="watchlist")


LookBackOption = Annotated[int, typer.Option(
    "--look-back-days", min=0, help="Check the incidents that struck in the last N days "
    "(today included) at once; 0: only what comes next.")]


@watchlist_app.command("add")
def watchlist_add(
    name: Annotated[str, typer.Argument(help="The watch-list's name.")],
    admin1: Annotated[str | None, typer.Option("--admin1", help="A province (admin1).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO code for --admin1.")] = None,
    near: Annotated[str | None, typer.Option("--near", help="LAT,LON of a radius area.")] = None,
    radius_km: Annotated[float | None, typer.Option("--radius-km")] = None,
    polygon: Annotated[Path | None, typer.Option("--polygon", help="A GeoJSON polygon file.")] = None,
    attacker: Annotated[str | None, typer.Option("--attacker", help="RU, an actor, unknown.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="A target category.")] = None,
    event_type: Annotated[str | None, typer.Option("--event-type", help="air|shelling|unknown")] = None,
    min_fatalities: Annotated[int | None, typer.Option("--min-fatalities")] = None,
    facility: Annotated[list[str] | None, typer.Option("--facility", help="hospital, school…")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="http(s) URL to POST to.")] = None,
    email: Annotated[list[str] | None, typer.Option("--email", help="A mail address.")] = None,
    by: Annotated[str | None, typer.Option("--by", envvar="STRIKEWATCH_ANALYST")] = None,
    look_back_days: LookBackOption = 7,
    db: DbOption = None,
) -> None:
    """Add a watch-list and check it against the last days' incidents; a bad one is refused
    with the reason."""
    from .alerts import add_watchlist, check_recent, parse_watchlist

    store = _open(db)
    try:
        area = _watch_area(admin1, country, near, radius_km, polygon)
        given = {"area": area, "attacker": attacker, "target": target,
                 "event_type": event_type, "min_fatalities": min_fatalities,
                 "facilities": facility or None}
        criteria = {k: v for k, v in given.items() if v is not None}
        notify = {k: v for k, v in {"webhook": webhook, "email": email}.items() if v}
        w = add_watchlist(store, parse_watchlist(name, criteria, notify), by=by)
    except StrikewatchError as exc:
        _fail(exc)
    raised = check_recent(store, w, days=look_back_days)
    print(f"watch-list {w.name!r} added: {w.criteria}; {len(raised)} alert(s) on the "
          f"incidents of the last {look_back_days} day(s)")


def _watch_area(admin1, country, near, radius_km, polygon) -> dict | None:
    """The one area the options give (parse_watchlist checks its values)."""
    import json

    from .errors import WatchlistError

    if sum(x is not None for x in (admin1, near, polygon)) > 1:
        raise WatchlistError("give one area: --admin1, --near with --radius-km, or --polygon")
    if near is not None or radius_km is not None:
        lat, _, lon = (near or "").partition(",")
        if not lon or radius_km is None:
            raise WatchlistError("a radius area needs --near LAT,LON and --radius-km")
        return {"lat": lat.strip(), "lon": lon.strip(), "radius_km": radius_km}
    if polygon is not None:
        try:
            return {"polygon": json.loads(polygon.read_text(encoding="utf-8"))}
        except (OSError, ValueError) as exc:
            raise WatchlistError(f"cannot read polygon {polygon}: {exc}") from None
    return {"admin1": admin1, "country": country} if admin1 is not None else None


@watchlist_app.command("import")
def watchlist_import(path: Annotated[Path, typer.Argument(help="YAML: watchlists: [...]")],
                     look_back_days: LookBackOption = 7, db: DbOption = None) -> None:
    """Add every watch-list of a YAML file and check each against the last days' incidents;
    none is added if one is invalid."""
    from .alerts import add_watchlist, check_recent, check_webhook_target, read_yaml

    store = _open(db)
    try:
        lists = read_yaml(path.read_text(encoding="utf-8"))
        for w in lists:
            if "webhook" in w.notify:
                check_webhook_target(w.notify["webhook"])
        added = [add_watchlist(store, w) for w in lists]
    except (OSError, StrikewatchError) as exc:
        _fail(exc)
    raised = sum(len(check_recent(store, w, days=look_back_days)) for w in added)
    print(f"{len(lists)} watch-list(s) added; {raised} alert(s) on the incidents of the last "
          f"{look_back_days} day(s)")


@watchlist_app.command("list")
def watchlist_list(db: DbOption = None) -> None:
    """Every watch-list with its criteria and where its alerts go."""
    import json

    from .alerts import watchlists

    for w in watchlists(_open(db)):
        print(json.dumps({"name": w.name, "criteria": w.criteria, "notify": w.notify}))


@watchlist_app.command("remove")
def watchlist_remove(name: Annotated[str, typer.Argument()], db: DbOption = None) -> None:
    """Remove a watch-list and its alerts."""
    from .alerts import remove_watchlist

    try:
        remove_watchlist(_open(db), name)
    except StrikewatchError as exc:
        _fail(exc)
    print(f"watch-list {name!r} removed")


@app.command("alerts")
def alerts_(
    watchlist: Annotated[str | None, typer.Option("--watchlist")] = None,
    active: Annotated[bool, typer.Option("--active", help="Leave out withdrawn alerts.")] = False,
    send: Annotated[bool, typer.Option("--send", help="First send the alerts due.")] = False,
    db: DbOption = None,
) -> None:
    """Alerts raised by the watch-lists, newest first, as JSON Lines (exit 1: none)."""
    import json

    from .alerts import alerts, deliver_due

    store = _open(db)
    if send:
        _say(f"{deliver_due(store)} alert(s) sent")
    found = alerts(store, watchlist=watchlist, withdrawn=not active)
    for record in found:
        print(json.dumps(record, ensure_ascii=False))
    if not found:
        raise typer.Exit(1)


# -- watched sources and the delivered briefing (issue 15, items 1 and 2) ----------------------

SourcesFileOption = Annotated[Path, typer.Option(
    "--sources", help="YAML of the sources to poll (and optionally a delivery: section).")]


def _config_or_fail(load, path: Path):  # noqa: ANN001, ANN202 - a loader and what it reads
    try:
        return load(path)
    except StrikewatchError as exc:
        _fail(exc)


@app.command()
def watch(
    sources_file: SourcesFileOption,
    cycles: Annotated[int | None, typer.Option(
        "--cycles", min=1, help="Stop after this many cycles [default: run until stopped].")] = None,
    once: Annotated[bool, typer.Option("--once", help="One cycle (for cron).")] = False,
    pause: Annotated[float, typer.Option(
        "--pause", min=0.1, help="Seconds between cycles.")] = 5.0,
    db: DbOption = None,
) -> None:
    """Poll the sources, processing each new item as it arrives; deliver the briefing and the
    alerts when due."""
    from .alerts.delivery import deliver_due as deliver_alerts
    from .alerts.delivery import start_sender
    from .deliver import Deliverer, parse_delivery
    from .watch import Watcher, load_sources

    sources, delivery_node = _config_or_fail(load_sources, sources_file)
    delivery = (None if delivery_node is None else
                _config_or_fail(lambda p: parse_delivery(p, delivery_node), sources_file))
    store = _open(db, create=True)
    deliverer = Deliverer(store, delivery) if delivery else None

    def after_cycle(at) -> None:  # noqa: ANN001 - the watcher's clock time
        """The briefing when due, on a thread of its own (the alerts have their sender's)."""
        if deliverer is not None:
            deliverer.tick_in_background(at)

    start_sender(store)  # a dead webhook must not hold up the next cycle's ingestion
    watcher = Watcher(store, sources, after_cycle=after_cycle)
    try:
        watcher.run(1 if once else cycles, pause=pause)
        deliver_alerts(store)  # a counted run ends with one pass: what is due goes out now
        if deliverer is not None:
            deliverer.wait()  # and with the briefing it started
    except KeyboardInterrupt:
        _say("stopped; every stored item is kept and the next start resumes from it")
    except StrikewatchError as exc:
        _fail(exc)
    finally:
        watcher.close()


@app.command("sources")
def sources_status(db: DbOption = None) -> None:
    """Each watched source's status: last success, last error, items today, next poll (UTC)."""
    from datetime import UTC, datetime

    store = _open(db)

    def when(t) -> str:  # noqa: ANN001 - a datetime or None
        return f"{t:%Y-%m-%d %H:%M}" if t else "-"

    today = datetime.now(UTC).date()
    print("name\tlast success\tlast error\titems today\tnext poll\terror")
    for row in store.watched_sources():
        print(f"{row.name}\t{when(row.last_success)}\t{when(row.last_error_at)}\t"
              f"{row.items_on(today)}\t{when(row.next_poll)}\t{row.last_error or ''}")


@app.command()
def deliver(
    config: Annotated[Path, typer.Option(
        "--config", help="YAML with the delivery settings (or a sources file's delivery:).")],
    now: Annotated[bool, typer.Option(
        "--now", help="Deliver now even if not due (the next one still diffs against it).")] = False,
    db: DbOption = None,
) -> None:
    """Deliver the morning briefing if it is due (or --now): files, mail, webhook."""
    from .deliver import Deliverer, load_delivery
    from .watch import utc_now

    settings = _config_or_fail(load_delivery, config)
    store = _open(db)
    deliverer = Deliverer(store, settings)
    try:
        delivery_id = deliverer.deliver(utc_now()) if now else deliverer.tick(utc_now())
    except StrikewatchError as exc:
        _fail(exc)
    last = store.last_delivery()
    if delivery_id is None and last is None:
        print("not due yet: no briefing delivered so far")
    elif delivery_id is None:
        print(f"not due yet: the last briefing was delivered at {last.delivered_at:%Y-%m-%d %H:%M}"
              " UTC, after today's hour; how it fared:")
    for channel, outcome in (last.outputs.items() if last else ()):
        print(f"{channel}: {outcome}")
    if delivery_id is None:
        raise typer.Exit(1)
