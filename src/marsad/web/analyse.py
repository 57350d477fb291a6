"""The Analyse page's work: turn pasted text or an uploaded file into an analysed document, within a size limit.

:class:`BodyLimit` is an ASGI middleware that refuses request bodies over the limit with 413 before they are
read into memory (by Content-Length, or by counting while streaming when there is none).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from marsad.ingest.readers import html_from_bytes, make_article, text_from_bytes
from marsad.ingest.model import IngestError
from marsad.text.document import Document

MAX_UPLOAD = 2 * 1024 * 1024        # bytes of article text or file
FORM_OVERHEAD = 64 * 1024           # multipart boundaries and the other form fields
URLENCODED = b"application/x-www-form-urlencoded"
_SAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)


class TooLarge(ValueError):
    """The submitted article is over the size limit."""


def limit_message(limit: int) -> str:
    """The error shown when a submission is too large."""
    return f"The article is too large: the limit is {limit / (1024 * 1024):g} MB."


@dataclass
class Submission:
    """What the form carried: pasted ``text`` or an uploaded file's ``data`` and ``filename``, and metadata."""

    text: str = ""
    data: bytes = b""
    filename: str = ""
    title: str = ""
    published: str = ""


def doc_id(sub: Submission, text: str) -> str:
    """A doc id: the uploaded file's base name (made safe), else ``pasted-<sha1 prefix>.txt``."""
    if sub.filename:
        base = _SAFE_NAME.sub("_", sub.filename.replace("\\", "/").rsplit("/", 1)[-1]).strip("._")
        if base:
            return base[:120]
    return "pasted-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] + ".txt"


def analyse_submission(sub: Submission, analyse: Callable[[Any], Document], limit: int = MAX_UPLOAD) -> Document:
    """Read the submission like ``marsad analyze`` reads a file (encoding detection, HTML extraction, page chrome)
    and analyse it; raises :class:`TooLarge` or ``ValueError`` with a reason for the user."""
    given = {k: v for k, v in (("title", sub.title.strip()), ("published", sub.published.strip())) if v}
    if sub.data:
        if len(sub.data) > limit:
            raise TooLarge(limit_message(limit))
        name = doc_id(sub, "")
        if name.lower().endswith((".html", ".htm", ".xhtml")):
            item = html_from_bytes(sub.data, name, name)
        else:
            item = text_from_bytes(sub.data, name, name)
        if isinstance(item, IngestError):
            raise ValueError(f"Could not read {sub.filename}: {item.reason}")
        item.meta.update(given)
        return analyse(item)
    if len(sub.text.encode("utf-8")) > limit:
        raise TooLarge(limit_message(limit))
    text = sub.text.replace("\r\n", "\n")
    if not text.strip():
        raise ValueError("Paste an article or choose a file to analyse.")
    return analyse(make_article(doc_id(sub, text), text, given, "analyse", "utf-8"))


class BodyLimit:
    """ASGI middleware: POST bodies larger than ``limit`` bytes get 413 (JSON under /api, a short page elsewhere).

    URL-encoded forms may take three times the limit (``%D8%A7`` per Arabic letter); the handler then checks the
    decoded text against the article limit itself.
    """

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, scope: dict, send: Callable) -> None:
        msg = limit_message(self.limit - FORM_OVERHEAD)
        if scope["path"].startswith("/api/"):
            body, ctype = json.dumps({"detail": msg}).encode(), b"application/json"
        else:
            body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>413 too large</title>'
                    f'<link rel="stylesheet" href="/static/style.css"></head><body><main><h1>413: too large</h1>'
                    f'<p class="error">{msg}</p><p><a href="/analyse">Back to Analyse</a></p></main></body></html>'
                    ).encode()
            ctype = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        limit = self.limit * 3 if headers.get(b"content-type", b"").startswith(URLENCODED) else self.limit
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._refuse(scope, send)
            return
        seen = 0
        started = False

        async def counting_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge(limit_message(self.limit - FORM_OVERHEAD))
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except TooLarge:
            if not started:
                await self._refuse(scope, send)
