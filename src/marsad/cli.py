"""The ``marsad`` command line: thin commands over the library."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad import __version__


def sample_dir() -> Path:
    """The seed articles shipped with the package."""
    return Path(__file__).parent / "samples" / "seeds"


def _table_lines(rec: dict) -> list[str]:
    lines = [f"== {rec['doc']}  title={rec['meta'].get('title')!r}  published={rec['meta'].get('published')}  "
             f"outlet={rec['meta'].get('outlet')}"]
    for e in rec["entities"]:
        lines.append(f"  {e['type']:<8} {e['name']:<45} {e['id']:<40} mentions={len(e['mentions'])}")
    for ev in rec["events"]:
        q = (ev.get("quantity") or {}).get("value")
        lines.append(f"  EVENT {ev['type']:<10} {ev.get('actor')} -> {ev.get('recipient') or ev.get('location')} "
                     f"qty={q} when={ev.get('when')} status={ev.get('status')} source={ev.get('source')}")
    for f in rec["facts"]:
        lines.append(f"  FACT  {f['subject']} {f['relation']} {f.get('object') or f.get('value')}")
    for q in rec["quotes"]:
        lines.append(f"  QUOTE {q['speaker']} via={q.get('via')}")
    return lines


@click.group()
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """marsad (مرصد): Arabic security news into a sourced knowledge graph."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="write here instead of standard output")
@click.option("--text-layer", is_flag=True, help="add sentences, numbers, dates and page-chrome spans to each record")
@click.option("--progress/--no-progress", default=None, help="progress bar (default: on when stderr is a terminal)")
@click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="analyse in this many processes (0: one per CPU); records keep the input order")
def analyze(paths: tuple[str, ...], fmt: str, output: str | None, text_layer: bool, progress: bool | None,
            workers: int) -> None:
    """Analyse articles (files, folders, JSON Lines, HTML, WARC or - for stdin) and print one record per article.

    Example: marsad analyze src/marsad/samples/seeds --format jsonl -o out.jsonl --workers 0
    """
    from marsad.ingest import IngestError, iter_articles
    from marsad.parallel import analyze_records

    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    show = sys.stderr.isatty() if progress is None else progress
    failed = 0
    records = []
    items = analyze_records(iter_articles(paths), workers=workers, text_layer=text_layer)
    if show:
        from tqdm import tqdm
        items = tqdm(items, unit="article", file=sys.stderr)
    try:
        for rec in items:
            if isinstance(rec, IngestError):
                failed += 1
                click.echo(f"marsad: {rec.source}: {rec.reason}", err=True)
                continue
            if fmt == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt == "table":
                out.write("\n".join(_table_lines(rec)) + "\n")
            else:
                records.append(rec)
        if fmt == "json":
            json.dump(records, out, ensure_ascii=False, indent=1)
            out.write("\n")
    finally:
        if output:
            out.close()
    if failed:
        click.echo(f"marsad: {failed} input(s) could not be analysed", err=True)
        sys.exit(1)


@main.command()
def samples() -> None:
    """Print the folder of the seed articles shipped with marsad.

    Example: marsad analyze "$(marsad samples)" --format table
    """
    click.echo(str(sample_dir()))


from marsad.store import cli as _store_cli  # noqa: E402  (the knowledge-store commands)

main.add_command(_store_cli.ingest)
main.add_command(_store_cli.articles)
main.add_command(_store_cli.search)
main.add_command(_store_cli.entity)
main.add_command(_store_cli.events)
main.add_command(_store_cli.timeline)
main.add_command(_store_cli.conflicts)
main.add_command(_store_cli.export)

from marsad.web.cli import serve as _serve  # noqa: E402  (the web UI and HTTP API)

main.add_command(_serve)

from marsad.batch.cli import batch as _batch  # noqa: E402  (Spark batch runs; PySpark imported only when run)

main.add_command(_batch)


if __name__ == "__main__":
    main()
