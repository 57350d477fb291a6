"""Click commands over the store: ingest, articles, search, entity, events, timeline, conflicts, export.

Registered on the ``marsad`` group in :mod:`marsad.cli`.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from marsad.store.api import DEFAULT_DB

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, envvar="MARSAD_DB",
                         help="SQLite file or postgresql:// URL (env MARSAD_DB)")
OPTIMIZE_AFTER = 1000  # refresh planner statistics after an ingest this large
format_option = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                             show_default=True)


def _open(db: str):
    from marsad.store.api import Store

    try:
        return Store(db)
    except Exception as exc:  # a bad URL or an unreadable file: say so, no traceback
        raise click.ClickException(f"cannot open store {db!r}: {type(exc).__name__}: {exc}")


def _dump(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=1))


def _emit(obj: Any, fmt: str, table: Callable[[], Iterable[str]]) -> None:
    """``obj`` as JSON, or the lines ``table`` makes of it."""
    if fmt == "json":
        _dump(obj)
        return
    for line in table():
        click.echo(line)


@click.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--from-jsonl", "jsonl", type=click.Path(dir_okay=False, allow_dash=True),
              help="store records made by `marsad analyze --format jsonl` (a record's 'text' feeds search)")
@click.option("--from-parquet", "parquet", type=click.Path(exists=True),
              help="store the records of a `marsad batch` run (its OUTPUT folder, or a records Parquet/JSONL folder)")
@click.option("--progress/--no-progress", default=None, help="progress bar (default: on when stderr is a terminal)")
@click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="analyse PATHs in this many processes (0: one per CPU) while this one writes to the store")
def ingest(paths: tuple[str, ...], db: str, jsonl: str | None, parquet: str | None, progress: bool | None,
           workers: int) -> None:
    """Analyse articles and store them; unchanged articles are skipped, changed ones replaced.

    Each article is its own transaction: a bad one is reported on stderr and skipped, the rest commit; the exit
    status is 1 if any failed.

    Example: marsad ingest src/marsad/samples/seeds --db marsad.db --workers 0
    """
    if not paths and not jsonl and not parquet:
        raise click.UsageError("give PATH... or --from-jsonl FILE or --from-parquet OUTPUT")
    show = sys.stderr.isatty() if progress is None else progress
    on_error = lambda source, reason: click.echo(f"marsad: {source}: {reason}", err=True)
    with _open(db) as store:
        failed, stored = [], 0
        if paths:
            report = store.ingest_paths(paths, progress=show, on_error=on_error, workers=workers)
            click.echo(f"marsad: {report.summary()}", err=True)
            failed += report.failed
            stored += report.added + report.replaced
        if jsonl:
            report = store.ingest_jsonl(jsonl, progress=show, on_error=on_error)
            click.echo(f"marsad: {jsonl}: {report.summary()}", err=True)
            failed += report.failed
            stored += report.added + report.replaced
        if parquet:
            from marsad.batch.load import iter_batch_records

            report = store.add_records(((rec, text, {}) for rec, text in iter_batch_records(parquet)))
            click.echo(f"marsad: {parquet}: {report.summary()}", err=True)
            failed += report.failed
            stored += report.added + report.replaced
        if stored >= OPTIMIZE_AFTER:
            store.optimize()
    if failed:
        sys.exit(1)


@click.command()
@click.argument("text", nargs=-1, required=True)
@db_option
@click.option("--limit", default=20, show_default=True, help="at most this many articles (0: all)")
@format_option
def search(text: tuple[str, ...], db: str, limit: int, fmt: str) -> None:
    """Find articles containing every word (Arabic folded: diacritics, hamza and clitics do not matter; or English
    entity names and aliases); prints each article's doc name and title.

    Example: marsad search "منظمة معاهدة الامن الجماعي"    marsad search CSTO
    """
    with _open(db) as store:
        hits = store.search(" ".join(text), limit=limit or None)
    _emit(hits, fmt, lambda: (f"{h['doc']}\t{h['title'] or ''}" for h in hits))


@click.command()
@db_option
@click.option("--limit", default=50, show_default=True, help="at most this many articles (0: all)")
@click.option("--offset", default=0, show_default=True, help="skip this many first")
@format_option
def articles(db: str, limit: int, offset: int, fmt: str) -> None:
    """The stored articles, newest first (undated last): date, doc name, numbers of entities, events, facts and
    quotes, and title.

    Example: marsad articles --limit 20    marsad articles --format json
    """
    if limit < 0 or offset < 0:
        raise click.UsageError("--limit and --offset take 0 or more")
    with _open(db) as store:
        rows = store.articles(limit=limit or None, offset=offset)
    def line(a: dict) -> str:
        c = a["counts"]
        return (f"{a['published'] or '?':<10} {a['doc']}\tentities={c['entities']} events={c['events']} "
                f"facts={c['facts']} quotes={c['quotes']}\t{a['title'] or ''}")

    _emit(rows, fmt, lambda: map(line, rows))


@click.command()
@click.argument("name")
@db_option
@format_option
def entity(name: str, db: str, fmt: str) -> None:
    """Everything stored about one entity, by an Arabic or English name: names seen, type, facts with sources,
    events as actor and recipient, quotes, co-occurring and interacting entities.

    Example: marsad entity "منظمة الأمن الجماعي"    marsad entity CSTO --format json
    """
    with _open(db) as store:
        prof = store.entity(name)
    if prof is None:
        raise click.ClickException(f"no entity called {name!r} in the store")
    _emit(prof, fmt, lambda: ["\n".join(profile_lines(prof))])


def profile_lines(p: dict) -> list[str]:
    """The table view of an entity profile."""
    lines = [f"{p['name']}  [{p['type']}]  id={p['id']}  wikidata={p['wikidata']}  articles={len(p['articles'])}",
             "names: " + ", ".join(f"{n['name']} ({n['count']})" for n in p["names"])]
    for f in p["facts"]:
        docs = ", ".join(s["doc"] for s in f["sources"])
        lines.append(f"  FACT  {f['subject']} {f['relation']} {f['object'] or f['value']}"
                     + (f" [{f['qualifier']}]" if f["qualifier"] else "") + f"  <- {docs}")
    for role in ("actor", "recipient"):
        for ev in p[f"events_as_{role}"]:
            lines.append(f"  EVENT ({role}) {ev['day'] or '?'} {ev['type']} {ev['actor']} -> "
                         f"{ev['recipient'] or ev['location']} [{ev['status']}]  <- {ev['doc']}")
    for q in p["quotes"]:
        lines.append(f"  QUOTE {q['doc']}: {(q['evidence'] or '')[:100]}")
    lines.append("co-occurs with: " + ", ".join(f"{c['name']} ({c['articles']})" for c in p["cooccurring"]))
    lines.append("interacts with: " + ", ".join(f"{c['name']} ({c['as']}, {c['events']})" for c in p["interacting"]))
    return lines


@click.command()
@db_option
@click.option("--actor", help="actor name (Arabic or English) or id")
@click.option("--recipient", help="recipient name or id")
@click.option("--type", "etype", help="PLOVER type, e.g. MOBILIZE")
@click.option("--since", help="ISO date (or partial): events on or after")
@click.option("--until", help="ISO date (or partial): events on or before")
@click.option("--limit", type=int, help="at most this many events")
@format_option
def events(db: str, actor: str | None, recipient: str | None, etype: str | None, since: str | None,
           until: str | None, limit: int | None, fmt: str) -> None:
    """Stored events, oldest first, filtered by actor, recipient, type and dates.

    Example: marsad events --actor Russia --type SUPPORT --since 2024-01
    """
    with _open(db) as store:
        rows = store.events(actor=actor, type=etype, since=since, until=until, recipient=recipient, limit=limit)
    def line(ev: dict) -> str:
        qty = f" qty={ev['quantity']} {ev['unit'] or ''}".rstrip() if ev["quantity"] is not None else ""
        return (f"{ev['day'] or '?':<10} {ev['type']:<10} {ev['actor']} -> {ev['recipient'] or '-'} "
                f"@{ev['location'] or '-'}{qty} [{ev['status']}]  {ev['doc']}")

    _emit(rows, fmt, lambda: map(line, rows))


@click.command()
@click.argument("name")
@db_option
@format_option
def timeline(name: str, db: str, fmt: str) -> None:
    """The dated events, facts and quotes of one entity, oldest first.

    Example: marsad timeline Belarus
    """
    with _open(db) as store:
        items = store.timeline(name)
    _emit(items, fmt, lambda: (f"{it['date'] or '?':<10} {it['kind']:<5} {it['what']}  {it['doc']}" for it in items))


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
def conflicts(db: str, fmt: str) -> None:
    """Where articles disagree: force sizes, member lists, founding dates — each value with its articles.

    Example: marsad conflicts --format json > conflicts.json
    """
    with _open(db) as store:
        found = store.conflicts()
    def lines() -> Iterator[str]:
        for c in found:
            yield f"{c['subject']} / {c['relation']} ({c['kind']})"
            for v in c["values"]:
                extra = f" [{'; '.join(v['qualifiers'])}]" if v.get("qualifiers") else ""
                yield f"   {v['value']}{extra}: {', '.join(v['docs'])}"
            if c.get("note"):
                yield f"   note: {c['note']}"

    _emit(found, fmt, lines)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "graphml", "jsonld"]), default="jsonl",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="write here, not to stdout")
def export(db: str, fmt: str, output: str | None) -> None:
    """Export records (jsonl), the events table (csv), the entity graph (graphml, for Gephi) or JSON-LD.

    Example: marsad export --format graphml -o graph.graphml
    """
    with _open(db) as store:
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                store.export(fmt, out)
        else:
            store.export(fmt, sys.stdout)


COMMANDS = (ingest, articles, search, entity, events, timeline, conflicts, export)
