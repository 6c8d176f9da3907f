"""`python -m mtqa` runs the command-line interface."""
import sys

from mtqa.cli import main

sys.exit(main())
