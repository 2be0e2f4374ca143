"""`mkdocs serve`: an edit to the data shows without a restart; a broken edit keeps the last good site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SMALL, site_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def start(args: list[str], cwd: Path, log: Path) -> subprocess.Popen:
    """`python -m ARGS` started in `cwd`, its output (stdout and stderr) written to `log`."""
    with open(log, "w", encoding="utf-8") as out:
        return subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )


@pytest.fixture
def served(tmp_path):
    """The small site under `mkdocs serve`; yields (resolution path, page URL, output log)."""
    config = site_project(tmp_path, SMALL)
    port = free_port()
    log = tmp_path / "serve.log"
    proc = start(["mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"], tmp_path, log)
    url = f"http://127.0.0.1:{port}/bien-phap/1/"
    try:
        assert wait_for(lambda: "Mỗi tháng họp một lần." in fetch(url)), log.read_text(encoding="utf-8")
        yield tmp_path / "resolution.yaml", url, log
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edit_to_the_data_shows_without_a_restart(served):
    resolution, url, log = served
    edit(resolution, "Mỗi tháng họp một lần.", "Mỗi quý họp một lần.")
    assert wait_for(lambda: "Mỗi quý họp một lần." in fetch(url)), log.read_text(encoding="utf-8")


def test_a_broken_edit_is_reported_and_the_last_good_site_stays(served):
    resolution, url, log = served
    edit(resolution, "        number: 3", "        number: 7")
    assert wait_for(lambda: "không đúng thứ tự" in log.read_text(encoding="utf-8")), log.read_text(
        encoding="utf-8"
    )
    assert (
        "resolution.yaml:59: sections[bien-phap].items[bien-phap-3].number: số 7 không đúng thứ tự"
        in log.read_text(encoding="utf-8")
    )
    assert "Mỗi tháng họp một lần." in fetch(url)
    edit(resolution, "        number: 7", "        number: 3")
    edit(resolution, "Mỗi tháng họp một lần.", "Mỗi tuần họp một lần.")
    assert wait_for(lambda: "Mỗi tuần họp một lần." in fetch(url)), log.read_text(encoding="utf-8")


def test_a_syntax_error_under_serve_is_printed_with_its_line_and_the_fix_shows(served):
    resolution, url, log = served
    edit(resolution, "  author: Người Viết", "\tauthor: Người Viết")
    expected = (
        "resolution.yaml:16: source.author: lỗi cú pháp YAML: dòng này thụt lề bằng ký tự tab (hãy thụt "
        "lề bằng dấu cách, không dùng phím Tab) [while scanning for the next token, found character "
        "'\\t' that cannot start any token]"
    )
    assert wait_for(lambda: expected in log.read_text(encoding="utf-8")), log.read_text(encoding="utf-8")
    text = log.read_text(encoding="utf-8")
    assert "resolution.yaml có lỗi; chưa tạo trang nào; trang web vẫn hiện phiên bản đúng gần nhất" in text
    assert "Traceback" not in text
    assert "Mỗi tháng họp một lần." in fetch(url)
    edit(resolution, "\tauthor: Người Viết", "  author: Người Viết")
    edit(resolution, "Mỗi tháng họp một lần.", "Mỗi năm họp một lần.")
    assert wait_for(lambda: "Mỗi năm họp một lần." in fetch(url)), log.read_text(encoding="utf-8")


def test_one_edit_rebuilds_the_site_once(served):
    """The hook rewrites content/ in every build; if serve watched it, each save would build the
    site twice and reload the browser twice."""
    resolution, url, log = served
    edit(resolution, "Mỗi tháng họp một lần.", "Mỗi quý họp một lần.")
    assert wait_for(lambda: "Mỗi quý họp một lần." in fetch(url)), log.read_text(encoding="utf-8")
    # NOTE: the watcher polls every 0.5 s; a second build would start well within 3 s.
    time.sleep(3)
    text = log.read_text(encoding="utf-8")
    assert text.count("Building documentation") == 2, text  # the first build, then the edit's
    assert text.count("Reloading browsers") == 1, text


def test_the_preview_carries_the_published_address_and_reuses_the_built_downloads(served, small_site):
    """Under serve, QR codes, canonical links and the checklists' PDF/DOCX name the public address
    (as `mkdocs build` of the same configuration does), so the downloads `make site` cached are
    not made again for serve's own address."""
    import re

    resolution, url, log = served
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)"')
    built = (small_site / "bien-phap" / "1" / "index.html").read_text(encoding="utf-8")
    assert canonical.search(fetch(url)).group(1) == canonical.search(built).group(1)
    assert "127.0.0.1" not in canonical.search(built).group(1)
    qr = "qr/bien-phap-1.svg"
    assert fetch(url.replace("bien-phap/1/", qr)) == (small_site / qr).read_text(encoding="utf-8")


def test_serve_polls_the_data_and_templates_often_and_not_content(tmp_path):
    """What `mkdocs serve` watches once the hook has run: resolution.yaml and the templates,
    looked at every 0.1 s; not content/, the hook's own output."""
    from pathlib import Path

    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    from generator import resources
    from generator.mkdocs import serve

    config_file = site_project(tmp_path, SMALL)
    config = load_config(str(config_file))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(config.docs_dir)  # what mkdocs serve watches before the hook's on_serve
        server.watch(config.config_file_path)
        # NOTE: as the build before serving does; the plugin sets SOURCE_DATE_EPOCH for MkDocs,
        # which must not leak into the other tests' builds from this process.
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        try:
            config.plugins["nghi-quyet"].on_config(config)
        finally:
            if epoch is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)
            else:
                os.environ["SOURCE_DATE_EPOCH"] = epoch
        config.plugins.on_serve(server, config=config, builder=None)
        polled = {Path(e.watch.path).resolve(): e.timeout for e in server.observer.emitters}
    finally:
        server.server_close()
    assert Path(config.docs_dir).resolve() not in polled
    # A file is watched through its folder: the resolution's is mkdocs.yml's.
    resolution = config.plugins["nghi-quyet"].resolution
    assert resolution.parent == Path(config.config_file_path).resolve().parent
    assert polled == {
        resolution.parent: serve.WATCH_POLL_SECONDS,
        resources.TEMPLATES.resolve(): serve.WATCH_POLL_SECONDS,
    }
