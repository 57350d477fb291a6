"""The analyst's web application: server-rendered pages over the store, each also as JSON, and an HTTP API.

Example::

    from marsad.web.app import create_app
    app = create_app("marsad.db")                 # read-only
    app = create_app("marsad.db", allow_write=True)  # the Analyse page also stores what it analyses

Pages: ``/``, ``/search``, ``/article/{doc}``, ``/entity/{id}``, ``/conflicts``, ``/events`` (+ ``/events.csv``),
``/analyse``, ``/api`` (the API's own page). Each page's data is at the same path with ``.json`` and under
``/api/...``; the OpenAPI description is ``/openapi.json``. Every script and style is served from ``/static``.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.records import to_record
from marsad.web import views
from marsad.web.analyse import (FORM_OVERHEAD, MAX_UPLOAD, BodyLimit, Submission, TooLarge, analyse_submission,
                                limit_message)
from marsad.web.highlight import evidence_of, mentions_of, render_text
from marsad.web.network import network_svg
from marsad.web.storeview import StoreView
from marsad.web.templating import environment, seg

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _pipeline(app: FastAPI) -> Any:
    """The analysis pipeline, loaded on first use."""
    if getattr(app.state, "pipeline", None) is None:
        from marsad.pipeline import Pipeline

        app.state.pipeline = Pipeline.default()
    return app.state.pipeline


def create_app(db: str | StoreView, allow_write: bool = False, max_upload: int = MAX_UPLOAD) -> FastAPI:
    """The application over the store at ``db`` (SQLite path or postgresql:// URL, or an open :class:`StoreView`).

    Read-only unless ``allow_write``: then the Analyse page and ``POST /api/analyse`` store what they analyse.
    Request bodies over ``max_upload`` (plus form overhead) are refused with 413.
    """
    view = db if isinstance(db, StoreView) else StoreView.open(db)
    env = environment()
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic security news as a sourced knowledge graph: articles, entities, PLOVER events, "
                              "facts, quotes and conflicts. Every page is also JSON (add .json) or under /api/.")
    app.state.view = view
    app.state.allow_write = allow_write
    app.state.max_upload = max_upload
    app.state.pipeline = None
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(BodyLimit, limit=max_upload + FORM_OVERHEAD)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        if request.method == "POST" and not _same_origin(request):
            return JSONResponse({"detail": "cross-origin form posts are refused"}, status_code=403)
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")  # "no-referrer" makes forms send Origin: null
        return response

    def page(name: str, data: dict, json_url: str | None = None, status: int = 200) -> HTMLResponse:
        html = env.get_template(name).render(**data, allow_write=allow_write, json_url=json_url)
        return HTMLResponse(html, status_code=status)

    def error_page(status: int, title: str, message: str) -> HTMLResponse:
        return page("error.html", {"status": status, "title": title, "message": message}, status=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if path.startswith("/api/") or path.endswith((".json", ".csv")) or path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return error_page(exc.status_code, "not found" if exc.status_code == 404 else "error", str(exc.detail))

    def json_url(request: Request, suffix: str = ".json") -> str:
        path = request.url.path.rstrip("/") or "/api/home"
        if path == "/api/home":
            return path
        return path + suffix + (f"?{request.url.query}" if request.url.query else "")

    # -- home -----------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return page("home.html", views.home_data(view), "/api/home")

    @app.get("/api/home", summary="Counts and the newest articles")
    def api_home() -> dict:
        return views.home_data(view)

    # -- search ---------------------------------------------------------------------------------------------
    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request) -> HTMLResponse:
        return page("search.html", views.search_data(view, request.query_params), json_url(request))

    @app.get("/search.json", include_in_schema=False)
    @app.get("/api/search", summary="Search articles, entities and events (Arabic or English)")
    def api_search(request: Request, q: str = "", kind: str = Query("all", pattern="^(all|articles|entities|events)$"),
                   etype: str = "", type: str = "", actor: str = "", recipient: str = "", status: str = "",
                   date_from: str = "", date_to: str = "") -> dict:
        return views.search_data(view, request.query_params)

    def or_404(data: dict | None, what: str) -> dict:
        if data is None:
            raise StarletteHTTPException(404, f"No {what} in this store.")
        return data

    # -- article --------------------------------------------------------------------------------------------
    def article_or_404(doc: str) -> dict:
        return or_404(views.article_data(view, doc), f"article {doc!r}")

    @app.get("/article/{doc}.json", include_in_schema=False)
    @app.get("/api/article/{doc}", summary="One article: record, text and English glosses")
    def api_article(doc: str) -> dict:
        return article_or_404(doc)

    @app.get("/article/{doc}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc: str) -> HTMLResponse:
        data = article_or_404(doc)
        return page("article.html", article_context(data), json_url(request))

    # -- entity ---------------------------------------------------------------------------------------------
    def entity_or_404(entity_id: str) -> dict:
        return or_404(views.entity_data(view, entity_id), f"entity {entity_id!r}")

    @app.get("/entity/{entity_id}.json", include_in_schema=False)
    @app.get("/api/entity/{entity_id}", summary="One entity: names, facts, events, quotes, neighbours")
    def api_entity(entity_id: str) -> dict:
        return entity_or_404(entity_id)

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> Response:
        data = entity_or_404(entity_id)
        if data["id"] != entity_id:  # reached by a name: go to the canonical page
            return RedirectResponse("/entity/" + seg(data["id"]), status_code=303)
        svg = network_svg({"name": data["name"], "type": data["type"]}, data["neighbours"],
                          {n["id"]: n for n in data["neighbours"]})
        return page("entity.html", {**data, "network": svg}, json_url(request))

    # -- conflicts ------------------------------------------------------------------------------------------
    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request) -> HTMLResponse:
        return page("conflicts.html", views.conflicts_data(view), json_url(request))

    @app.get("/conflicts.json", include_in_schema=False)
    @app.get("/api/conflicts", summary="Facts the articles disagree on, with the articles behind each value")
    def api_conflicts() -> dict:
        return views.conflicts_data(view)

    # -- events ---------------------------------------------------------------------------------------------
    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request) -> HTMLResponse:
        data = views.events_data(view, request.query_params)
        query = f"?{request.url.query}" if request.url.query else ""
        return page("events.html", {**data, "csv_url": "/events.csv" + query}, json_url(request))

    @app.get("/events.json", include_in_schema=False)
    @app.get("/api/events", summary="Events filtered by type, actor, recipient, status, dates and words")
    def api_events(request: Request, type: str = "", actor: str = "", recipient: str = "", status: str = "",
                   date_from: str = "", date_to: str = "", q: str = "", limit: int = 500) -> dict:
        return views.events_data(view, request.query_params)

    @app.get("/events.csv", summary="The events table as CSV (same filters as /api/events)")
    def events_csv(request: Request, type: str = "", actor: str = "", recipient: str = "", status: str = "",
                   date_from: str = "", date_to: str = "", q: str = "", limit: int = 500) -> Response:
        data = views.events_data(view, request.query_params)
        buf = io.StringIO()
        csv.writer(buf).writerows(views.csv_rows(data["events"]))
        return Response(buf.getvalue().encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'})

    # -- analyse --------------------------------------------------------------------------------------------
    def analyse_form(error: str | None = None, status: int = 200, **values: Any) -> HTMLResponse:
        return page("analyse.html", {"error": error, "limit_mb": f"{max_upload / (1024 * 1024):g}", **values},
                    None, status=status)

    @app.get("/analyse", response_class=HTMLResponse, include_in_schema=False)
    def analyse_get() -> HTMLResponse:
        return analyse_form()

    async def submitted(request: Request) -> Submission:
        """The form's fields; an oversized field raises TooLarge, a malformed form ValueError."""
        try:  # the parser's own limit is loose (URL-encoding triples Arabic); the exact check is on the decoded text
            form = await request.form(max_files=1, max_fields=10, max_part_size=3 * max_upload + FORM_OVERHEAD)
        except StarletteHTTPException as exc:
            if "exceed" in str(exc.detail).lower():
                raise TooLarge(limit_message(max_upload)) from exc
            raise ValueError(f"The form could not be read: {exc.detail}") from exc
        upload = form.get("file")
        data, filename = b"", ""
        if upload is not None and not isinstance(upload, str) and upload.filename:
            data = await upload.read(max_upload + 1)
            filename = upload.filename
        return Submission(text=str(form.get("text") or ""), data=data, filename=filename,
                          title=str(form.get("title") or ""), published=str(form.get("published") or ""))

    async def run_analysis(sub: Submission) -> tuple[dict, str | None]:
        doc = await run_in_threadpool(analyse_submission, sub, _pipeline(app).analyze_article, max_upload)
        stored = await run_in_threadpool(view.add, doc) if allow_write else None
        rec = views.record_data({**to_record(doc), "text": doc.text}, view.names)
        return rec, stored

    @app.post("/analyse", response_class=HTMLResponse, include_in_schema=False)
    async def analyse_post(request: Request) -> HTMLResponse:
        sub = Submission()
        try:
            sub = await submitted(request)
            rec, stored = await run_analysis(sub)
        except TooLarge as exc:
            return analyse_form(str(exc), 413, title=sub.title, published=sub.published)
        except ValueError as exc:
            return analyse_form(str(exc), 400, title=sub.title, published=sub.published, text=sub.text)
        notice = (f"Stored as {rec['doc']} ({stored})." if stored else
                  "Not stored: this server is read-only (start it with --allow-write to store articles).")
        return page("article.html", {**article_context(rec), "notice": notice}, None)

    @app.post("/api/analyse", summary="Analyse an article (form fields text or file, title, published)")
    async def api_analyse(request: Request) -> Response:
        try:
            sub = await submitted(request)
            rec, stored = await run_analysis(sub)
        except TooLarge as exc:
            return JSONResponse({"detail": str(exc)}, status_code=413)
        except ValueError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return JSONResponse({"stored": stored, "record": rec})

    # -- the API's own page ---------------------------------------------------------------------------------
    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page() -> HTMLResponse:
        ops = []
        for path, methods in app.openapi().get("paths", {}).items():
            for method, op in methods.items():
                params = [p["name"] for p in op.get("parameters", [])]
                ops.append({"method": method.upper(), "path": path, "params": params, "summary": op.get("summary", "")})
        return page("api.html", {"operations": ops}, "/openapi.json")

    @app.get("/docs", include_in_schema=False)
    def docs() -> RedirectResponse:
        """FastAPI's /docs would load Swagger UI from a CDN; the self-hosted API page replaces it."""
        return RedirectResponse("/api", status_code=307)

    return app


def article_context(data: dict) -> dict:
    """The article page's context: the glossed record plus its text as highlighted, escaped HTML."""
    body = render_text(data["text"], mentions_of(data), evidence_of(data))
    return {**data, "body": body}


def _same_origin(request: Request) -> bool:
    """A POST without Origin (curl, tests) or from this server's own origin."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host
