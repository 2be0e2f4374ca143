"""Command line: `python -m generator check [PATH]`, `python -m generator build [...]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import pipeline, sitebuild
from generator.errors import InputError


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
    _, result = pipeline.build(args.resolution, args.out, check_only=args.check)
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
    print(f"{args.out}: {len(result.written)} written, {len(result.removed)} removed, "
          f"{result.unchanged} unchanged")
    return 0


def _site(args: argparse.Namespace) -> int:
    site_dir = args.site_dir or args.config.parent / "site"
    status = sitebuild.build_site(args.config, site_dir)
    if status == 0:
        print(f"{site_dir}: built")
    return 1 if status else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Generate the site's Markdown from a resolution in YAML.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate the resolution only")
    check.add_argument("path", nargs="?", type=Path, default=Path("resolution.yaml"))
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="generate the content directory")
    build.add_argument("--resolution", type=Path, default=Path("resolution.yaml"))
    build.add_argument("--out", type=Path, default=Path("content"))
    build.add_argument("--check", action="store_true",
                       help="write nothing; exit 1 if the content directory is not what the data produces")
    build.set_defaults(run=_build)
    site = commands.add_parser("site", help="build the site with MkDocs (strict), replacing the "
                                            "site folder only if the whole build succeeds")
    site.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    site.add_argument("--site-dir", type=Path, default=None,
                      help="where the site goes (default: site/ beside the configuration)")
    site.set_defaults(run=_site)
    return parser
