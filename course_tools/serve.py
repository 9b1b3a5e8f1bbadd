"""A local static server for a built site (``make serve``, browser tests, benchmark)."""
from __future__ import annotations

import contextlib
import errno
import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request (keeps test and bench output readable)."""

    def log_message(self, *args):
        pass


def make_server(site: Path, port: int = 0, host: str = "127.0.0.1", quiet: bool = True) -> http.server.ThreadingHTTPServer:
    """A server for the folder ``site`` on ``host:port`` (port 0: any free port)."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} holds no built site (no index.html): build it first")
    handler_class = QuietHandler if quiet else http.server.SimpleHTTPRequestHandler
    return http.server.ThreadingHTTPServer((host, port), functools.partial(handler_class, directory=str(site)))


def port_problem(port: int, host: str = "127.0.0.1") -> str | None:
    """Why ``host:port`` cannot be served on (busy, or not allowed), or None when it can.
    ``make serve`` asks before it builds, so a busy port fails at once, naming it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"port {port} is busy: another program (perhaps another `make serve`) is using it. "
                        f"Stop it, or choose another port: make serve PORT={port + 1}")
            return f"cannot serve on {host}:{port}: {exc.strerror}"
    return None


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free loopback port in a background thread; yield its base URL."""
    server = make_server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serve_forever(site: Path, port: int) -> None:
    """Serve ``site`` at http://127.0.0.1:port/ until Ctrl-C (``make serve``)."""
    server = make_server(site, port, quiet=False)
    print(f"Serving {site} at http://127.0.0.1:{port}/  (Ctrl-C to stop; PORT=... changes the port)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
