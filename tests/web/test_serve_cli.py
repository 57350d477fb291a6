"""``marsad serve``: binds 127.0.0.1 by default and serves the store until stopped."""
from __future__ import annotations

import socket
import urllib.request

from click.testing import CliRunner

from marsad.cli import main

def test_serve_cli_help_defaults() -> None:
    out = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in out and "--allow-write" in out and "8000" in out


def test_serve_cli_serves_store(live_server: str) -> None:
    page = urllib.request.urlopen(f"{live_server}/search?q=%D8%B1%D9%88%D8%B3%D9%8A%D8%A7",
                                  timeout=10).read().decode("utf-8")
    assert 'href="/entity/russia"' in page
    port = int(live_server.rsplit(":", 1)[1])
    with socket.socket() as s:  # bound to loopback only: the machine's other address does not answer
        s.settimeout(1)
        host = socket.gethostbyname(socket.gethostname())
        if not host.startswith("127."):
            assert s.connect_ex((host, port)) != 0
