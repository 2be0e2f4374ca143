"""What `mkdocs serve` watches: the resolution and the templates, often; not content/. And
`python -m generator serve`: `mkdocs serve` of a configuration, stopped cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from generator import resources

# How often `mkdocs serve` looks at the resolution and the templates for a change.
WATCH_POLL_SECONDS = 0.1


def watch(server: LiveReloadServer, config: MkDocsConfig, resolution: Path) -> None:
    """Rebuild when the resolution or a template changes; not when content/ does.

    content/ is the plugin's output: every rebuild the data sets off rewrites files there, and
    `mkdocs serve`, which watches it, would then build the whole site a second time for nothing
    (and reload the browser twice). Its inputs are watched instead; a hand edit in content/ is
    overwritten by the next build anyway."""
    server.unwatch(config.docs_dir)
    # NOTE: MkDocs polls what it watches every 0.5 s: a quarter of a second of every save's round
    # trip on average. A watch takes the observer's interval when it is added, and a file is
    # watched through its folder, which the resolution shares with mkdocs.yml (watched before
    # the plugin runs), so mkdocs.yml's watch is added again after the interval is shortened. The
    # folders polled are small (the project's top level, the templates), cheap to look at ten
    # times a second. `_timeout` is watchdog's own (pinned in the lock); without it the
    # default stays, which is only slower.
    observer = getattr(server, "observer", None)
    if observer is not None and hasattr(observer, "_timeout"):
        observer._timeout = min(observer._timeout, WATCH_POLL_SECONDS)
        if config.config_file_path:
            server.unwatch(config.config_file_path)
            server.watch(config.config_file_path)
    server.watch(str(resolution))
    server.watch(str(resources.TEMPLATES))


def serve(config: Path, dev_addr: str | None = None) -> int:
    """Run `mkdocs serve --strict` on `config` until it stops; return its exit status.

    Ctrl-C and SIGTERM stop MkDocs as its own Ctrl-C does, then return here, so that the caller
    can remove what it made for the preview (the generated configuration)."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config.absolute())]
    if dev_addr:
        command += ["--dev-addr", dev_addr]
    started: list[subprocess.Popen] = []

    def stop(signum: int, frame: object) -> None:
        for process in started:
            process.send_signal(signal.SIGINT)

    # NOTE: the handlers go in before MkDocs starts: a signal this process ignores (SIGINT, in a
    # job a shell put in the background) would stay ignored in MkDocs too, which could then not
    # be stopped, while one handled here is MkDocs' own default again.
    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        # NOTE: MkDocs runs in a session of its own, so that a Ctrl-C in the terminal reaches it
        # once, passed on from here, not twice (MkDocs tracebacks on a second one as it stops).
        process = subprocess.Popen(
            command,
            cwd=config.parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
        started.append(process)
        return process.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for process in started:
            if process.poll() is None:
                process.kill()
                process.wait()
