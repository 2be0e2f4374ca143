"""`python -m generator` and the console script `nq-generator`: the only place that exits."""

from generator import cli


def run() -> None:
    """Run the command line and exit with its status."""
    raise SystemExit(cli.main())


if __name__ == "__main__":
    run()
