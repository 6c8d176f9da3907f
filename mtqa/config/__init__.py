"""Settings: configuration files and options, project data, baselines, severity overrides."""
from __future__ import annotations

import sys


def tomllib():
    """The TOML reader (tomllib; tomli before Python 3.11), imported when first needed: its
    import (~3 ms, datetime included) is paid only by a run that reads TOML, never by `mtqa --help`."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib
