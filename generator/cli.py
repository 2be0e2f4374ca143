"""Command line: `python -m generator check | build | site | serve | offline | import` (console
script: nq-generator)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import dates, pipeline
from generator.errors import InputError, Problem
from generator.importer import command as importing
from generator.mkdocs import resolution_config
from generator.mkdocs.config import configured_site_url
from generator.mkdocs.offline import make_zip
from generator.mkdocs.serve import serve
from generator.write.cache import Cache
from generator.write.site import build_site


def main(argv: list[str] | None = None) -> int:
    """Run the command in `argv`; return the exit status (0 ok, 1 bad input, 2 bad usage)."""
    args = make_parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # NOTE: files are staged before they replace anything, so Ctrl-C needs no traceback.
        print("interrupted", file=sys.stderr)
        return 130


def _check(args: argparse.Namespace) -> int:
    model = pipeline.load_resolution(args.path, str(args.path))
    counts = ", ".join(f"{len(s.items)} {s.name.lower()}" for s in model.sections)
    if model.official_layout:
        chapters = [s for s in model.sections if s.marker]
        counts = f"{len(model.items)} điều" + (f" trong {len(chapters)} chương" if chapters else "")
    print(f"{args.path}: hợp lệ ({counts}; {len(model.unit_types)} loại đơn vị)")
    return 0


def _build(args: argparse.Namespace) -> int:
    site_url = args.site_url
    if site_url is None:
        site_url = configured_site_url(args.config) if args.config.is_file() else None
    generated = pipeline.build(
        args.resolution,
        args.out,
        site_url=site_url,
        epoch=os.environ.get(dates.EPOCH_ENV),
        cache=Cache(args.cache_dir),
        check_only=args.check,
    )
    result = generated.result
    if args.check:
        if result.changed:
            for rel in result.written:
                print(f"{args.out / rel}: khác với nội dung tạo từ {args.resolution}", file=sys.stderr)
            for rel in result.removed:
                print(f"{args.out / rel}: không còn được tạo từ {args.resolution}", file=sys.stderr)
            print(f"{args.out}: chưa cập nhật (hãy chạy: python -m generator build)", file=sys.stderr)
            return 1
        print(f"{args.out}: đã cập nhật ({result.unchanged} tệp)")
        return 0
    print(
        f"{args.out}: ghi {len(result.written)} tệp, xóa {len(result.removed)} tệp, "
        f"{result.unchanged} tệp không đổi"
    )
    return 0


def _site(args: argparse.Namespace) -> int:
    if args.resolution is None:
        if args.site_url is not None:
            return _usage(_SITE_URL_ALONE)
        site_dir = args.site_dir or args.config.parent / "site"
        status = build_site(args.config, site_dir)
    else:
        refused = _refused(args)
        if refused:
            return _usage(refused)
        site_dir = args.site_dir or resolution_config.default_site_dir(args.resolution)
        with resolution_config.generated(
            args.config, args.resolution, site_url=args.site_url, command="site"
        ) as config:
            status = build_site(config, site_dir)
    if status == 0:
        print(f"{site_dir}: đã tạo xong trang web")
    return 1 if status else 0


def _serve(args: argparse.Namespace) -> int:
    if args.resolution is None:
        if args.site_url is not None:
            return _usage(_SITE_URL_ALONE)
        return serve(args.config, args.dev_addr)
    refused = _refused(args, site_dir=False)
    if refused:
        return _usage(refused)
    with resolution_config.generated(
        args.config, args.resolution, site_url=args.site_url, command="serve"
    ) as config:
        return serve(config, args.dev_addr)


def _offline(args: argparse.Namespace) -> int:
    if args.resolution is not None:
        refused = _refused(args, site_dir=False)
        if refused:
            return _usage(refused)
    elif args.site_url is not None:
        return _usage(_SITE_URL_ALONE)
    output = args.output
    if output is None:
        folder = Path() if args.resolution is None else args.resolution.parent
        output = folder / "build" / "offline-site.zip"
    archive = output.resolve()
    try:
        count = make_zip(args.config.resolve(), archive, args.resolution, args.site_url)
    except RuntimeError as err:
        print(err, file=sys.stderr)
        return 1
    print(
        f"{archive}: {count} tệp, {archive.stat().st_size / 1024:.0f} KB; "
        "hãy giải nén rồi mở index.html bằng trình duyệt (không cần mạng)"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    if args.into is not None:
        if args.force:
            return _usage("--force goes with --output (--into always rewrites its file)")
        report = importing.into(args.file, args.into)
        for line in report.lines:
            print(line, file=sys.stderr)
        print(report.summary)
        return 1 if report.lines else 0
    if args.output.exists() and not args.force:
        raise InputError(
            [
                Problem(
                    file=str(args.output),
                    line=None,
                    path="",
                    message="tệp đã có (thêm --force để ghi đè, hoặc chọn tệp khác bằng --output)",
                )
            ]
        )
    print(importing.output(args.file, args.output))
    return 0


def _refused(args: argparse.Namespace, *, site_dir: bool = True) -> str | None:
    """Why a --resolution command cannot start, or None; raises InputError for the data's problems.

    The data is checked first, so that a broken file is reported with every problem before
    anything is written beside it."""
    if not args.config.is_file():
        return f"{args.config}: không tìm thấy tệp cấu hình MkDocs của dự án (hãy chỉ ra tệp bằng --config)"
    pipeline.load_resolution(args.resolution, str(args.resolution))
    if site_dir and args.site_dir is None:
        default = resolution_config.default_site_dir(args.resolution).resolve()
        own = resolution_config.project_resolution(args.config).resolve()
        if default == (args.config.parent / "site").resolve() and args.resolution.resolve() != own:
            return (
                f"{args.resolution}: thư mục trang web mặc định của tệp này, {default}, là trang web của "
                f"{own.name} (hãy chọn thư mục khác bằng --site-dir)"
            )
    return None


def _usage(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


_CONFIG = "the site's MkDocs settings (default: mkdocs.yml)"
_RESOLUTION = (
    "build the site of this resolution file instead, with the settings of --config; what the "
    "build writes goes beside the file (.NAME.content/, .cache/), never in --config's content/ or site/"
)
_SITE_URL = "with --resolution: the address the site is published at (default: the data's site.url)"
_SITE_URL_ALONE = "--site-url goes with --resolution (for the site of --config, set SITE_URL)"


def make_parser() -> argparse.ArgumentParser:
    """The command line's parser: its subcommands and their options (the editors' guide is tested
    against it)."""
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Generate the site of a resolution from its YAML."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate the resolution only")
    check.add_argument("path", nargs="?", type=Path, default=Path("resolution.yaml"))
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="generate the content directory")
    build.add_argument("--resolution", type=Path, default=Path("resolution.yaml"))
    build.add_argument("--out", type=Path, default=Path("content"))
    build.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's configuration, for its address (default: mkdocs.yml)",
    )
    build.add_argument(
        "--site-url",
        default=None,
        help="the address the site is published at (default: site_url of --config, else the data's site.url)",
    )
    build.add_argument("--cache-dir", type=Path, default=Path(".cache"))
    build.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the content directory is not what the data produces",
    )
    build.set_defaults(run=_build)
    site = commands.add_parser(
        "site",
        help="build the site with MkDocs (strict), replacing the "
        "site folder only if the whole build succeeds",
    )
    site.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help=_CONFIG)
    site.add_argument("--resolution", type=Path, default=None, help=_RESOLUTION)
    site.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help="where the site goes (default: site/ beside the configuration, or beside --resolution)",
    )
    site.add_argument("--site-url", default=None, help=_SITE_URL)
    site.set_defaults(run=_site)
    preview = commands.add_parser(
        "serve", help="preview the site with `mkdocs serve`, rebuilt on every save of the data"
    )
    preview.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help=_CONFIG)
    preview.add_argument("--resolution", type=Path, default=None, help=_RESOLUTION)
    preview.add_argument("--site-url", default=None, help=_SITE_URL)
    preview.add_argument(
        "--dev-addr", "-a", default=None, help="HOST:PORT to serve at (default: MkDocs', 127.0.0.1:8000)"
    )
    preview.set_defaults(run=_serve)
    offline = commands.add_parser("offline", help="build the site to open from disk, as a zip")
    offline.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help=_CONFIG)
    offline.add_argument("--resolution", type=Path, default=None, help=_RESOLUTION)
    offline.add_argument("--site-url", default=None, help=_SITE_URL)
    offline.add_argument(
        "--output",
        type=Path,
        default=None,
        help="the zip to write (default: build/offline-site.zip, beside --resolution if given)",
    )
    offline.set_defaults(run=_offline)
    importer = commands.add_parser(
        "import", help="make a resolution YAML from its official text (plain text or DOCX)"
    )
    importer.add_argument("file", type=Path, help="the official text: a UTF-8 .txt or a .docx")
    target = importer.add_mutually_exclusive_group(required=True)
    target.add_argument("--output", type=Path, help="the YAML file to write")
    target.add_argument(
        "--into",
        type=Path,
        help="an existing resolution YAML: its text is replaced, its hand-added parts kept",
    )
    importer.add_argument("--force", action="store_true", help="overwrite an existing --output")
    importer.set_defaults(run=_import)
    return parser
