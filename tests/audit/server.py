"""A static server for audits: gzip like a real host, 404.html for missing pages (stdlib only).

The test suite's plain server (tests/browser/conftest.py) sends neither, which would make the
weight and Lighthouse figures meaningless and the 404 page untestable.
"""

from __future__ import annotations

import contextlib
import gzip
import mimetypes
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")


@lru_cache(maxsize=1024)
def _body(path: str, mtime: float, compress: bool) -> bytes:
    data = Path(path).read_bytes()
    return gzip.compress(data, 9, mtime=0) if compress else data


def gzip_size(path: Path) -> int:
    """Bytes `path` takes on the wire from this server (gzip -9 for text types)."""
    return len(_body(str(path), path.stat().st_mtime, path.suffix in COMPRESSED))


def resolve(root: Path, url_path: str) -> Path | None:
    """The file a URL path names under `root` (directories serve index.html), or None."""
    target = (root / unquote(url_path).lstrip("/")).resolve()
    if root not in (target, *target.parents):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def _handler(root: Path):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self.do_GET(body=False)

        def do_GET(self, body: bool = True):
            url_path = urlsplit(self.path).path
            path, status = resolve(root, url_path), 200
            if path is not None and path.name == "index.html" and not url_path.endswith(("/", ".html")):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path is None:
                path, status = root / "404.html", 404
            ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith(("json", "xml")):
                ctype += "; charset=utf-8"
            compress = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
            data = _body(str(path), path.stat().st_mtime, compress)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            # Material's fingerprinted assets never change; pages may.
            immutable = "/assets/" in url_path and ".min." in url_path
            self.send_header(
                "Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache"
            )
            self.send_header("X-Content-Type-Options", "nosniff")
            if compress:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            if body:
                self.wfile.write(data)

    return Handler


@contextlib.contextmanager
def serve(root: Path):
    """Serve `root` on a free localhost port; yields the base URL (ending in /)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Path(root).resolve()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
