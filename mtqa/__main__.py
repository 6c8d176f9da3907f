"""`python -m mtqa` runs the command-line interface."""
import sys

from mtqa.cli.main import main

sys.exit(main())
