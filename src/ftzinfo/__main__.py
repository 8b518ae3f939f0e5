"""``python -m ftzinfo``: the command line."""

from ftzinfo._cli import main

raise SystemExit(main())
