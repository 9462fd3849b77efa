"""`python -m wiec.tally FILE.pb [--rule RULE] [--json]`."""

import sys

from wiec.tally.cli import main

sys.exit(main())
