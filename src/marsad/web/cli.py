"""``marsad serve``: the web UI and HTTP API over a store (registered on the ``marsad`` group in marsad.cli)."""
from __future__ import annotations

import click

MAX_UPLOAD_MB = 2.0  # marsad.web.analyse.MAX_UPLOAD, not imported here to keep `marsad --help` fast


@click.command()
@click.option("--db", default="marsad.db", show_default=True, envvar="MARSAD_DB",
              help="SQLite file or postgresql:// URL (env MARSAD_DB); fill it with `marsad ingest`")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to bind (keep 127.0.0.1 unless needed)")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-write", is_flag=True, help="let the Analyse page and POST /api/analyse store articles")
@click.option("--max-upload-mb", default=MAX_UPLOAD_MB, show_default=True, type=click.FloatRange(0.01),
              help="largest article accepted by Analyse")
def serve(db: str, host: str, port: int, allow_write: bool, max_upload_mb: float) -> None:
    """Serve the analyst's web UI and the JSON API (OpenAPI at /openapi.json) until Ctrl-C.

    Example: marsad ingest src/marsad/samples/seeds --db marsad.db && marsad serve --db marsad.db
    then open http://127.0.0.1:8000/
    """
    import uvicorn

    from marsad.web.app import create_app

    try:
        app = create_app(db, allow_write=allow_write, max_upload=int(max_upload_mb * 1024 * 1024))
    except Exception as exc:  # an unreadable file or a bad URL: say so, no traceback
        raise click.ClickException(f"cannot open store {db!r}: {type(exc).__name__}: {exc}")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"marsad: warning: serving on {host}, reachable from other machines", err=True)
    mode = "read-write" if allow_write else "read-only"
    click.echo(f"marsad: serving {db} ({mode}) at http://{'[' + host + ']' if ':' in host else host}:{port}/ "
               "(Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
