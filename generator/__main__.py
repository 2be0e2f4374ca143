"""`python -m generator`: the only place that exits."""

from generator.cli import main

raise SystemExit(main())
