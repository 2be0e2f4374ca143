"""Command line: `python -m generator check | build | site | offline` (console script: nq-generator)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import dates, pipeline
from generator.errors import InputError
from generator.mkdocs.config import configured_site_url
from generator.mkdocs.offline import make_zip
from generator.write.cache import Cache
from generator.write.site import build_site


def main(argv: list[str] | None = None) -> int:
    """Run the command in `argv`; return the exit status (0 ok, 1 bad input, 2 bad usage)."""
    args = _parser().parse_args(argv)
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
    print(f"{args.path}: OK ({counts}; unit types: {len(model.unit_types)})")
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
                print(f"{args.out / rel}: differs from what {args.resolution} produces", file=sys.stderr)
            for rel in result.removed:
                print(f"{args.out / rel}: no longer produced by {args.resolution}", file=sys.stderr)
            print(f"{args.out}: out of date (run: python -m generator build)", file=sys.stderr)
            return 1
        print(f"{args.out}: up to date ({result.unchanged} files)")
        return 0
    print(
        f"{args.out}: {len(result.written)} written, {len(result.removed)} removed, "
        f"{result.unchanged} unchanged"
    )
    return 0


def _site(args: argparse.Namespace) -> int:
    site_dir = args.site_dir or args.config.parent / "site"
    status = build_site(args.config, site_dir)
    if status == 0:
        print(f"{site_dir}: built")
    return 1 if status else 0


def _offline(args: argparse.Namespace) -> int:
    archive = args.output.resolve()
    try:
        count = make_zip(args.config.resolve(), archive)
    except RuntimeError as err:
        print(err, file=sys.stderr)
        return 1
    print(
        f"{archive}: {count} files, {archive.stat().st_size / 1024:.0f} KB; "
        "unzip it and open index.html in a browser (no network needed)"
    )
    return 0


def _parser() -> argparse.ArgumentParser:
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
    site.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    site.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help="where the site goes (default: site/ beside the configuration)",
    )
    site.set_defaults(run=_site)
    offline = commands.add_parser("offline", help="build the site to open from disk, as a zip")
    offline.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    offline.add_argument(
        "--output",
        type=Path,
        default=Path("build/offline-site.zip"),
        help="the zip to write (default: build/offline-site.zip)",
    )
    offline.set_defaults(run=_offline)
    return parser
