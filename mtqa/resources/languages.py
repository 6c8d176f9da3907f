"""English names of languages ("fr" -> "French") for messages, from babel's CLDR data
(`babel.Locale("en").languages`), so every language langdetect or a user may name has one.

Importing babel and unpickling its English locale took ~40 ms of a run that names a language once:
mtqa ships the table (mtqa/data/common/language_names.json, written by
scripts/build_language_names.py) with the SHA-256 of the two babel files it comes from, and uses it
only when the installed babel's files hash the same; otherwise babel itself answers."""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

#: The shipped table, and the babel files (locale-data/NAME) whose content it was built from.
TABLE = Path(__file__).resolve().parent.parent / "data" / "common" / "language_names.json"
SOURCES = ("en.dat", "root.dat")


def babel_locale_dir() -> str | None:
    """babel's locale-data directory, found without importing babel; None if babel is not there."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("babel")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "locale-data")


def source_hashes(directory: str) -> dict[str, str]:
    """SHA-256 of each of the babel files the table comes from."""
    import hashlib  # here: loading OpenSSL costs ~4 ms, and most runs never name a language

    hashes = {}
    for name in SOURCES:
        with open(os.path.join(directory, name), "rb") as f:
            hashes[name] = hashlib.sha256(f.read()).hexdigest()
    return hashes


def babel_names() -> dict[str, str]:
    """The names as babel gives them."""
    from babel import Locale

    return dict(Locale("en").languages)


def _shipped_names() -> dict[str, str] | None:
    """The shipped table, if the installed babel's files are the ones it was built from."""
    try:
        directory = babel_locale_dir()
        if directory is None:
            return None
        with open(TABLE, encoding="utf-8") as f:
            shipped = json.load(f)
        if shipped.get("sources") != source_hashes(directory):
            return None
        names = shipped["names"]
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return None  # no table, or another babel: babel itself answers
    return names if isinstance(names, dict) else None


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    # Loaded on first use: most runs never print a language name.
    names = _shipped_names()
    return names if names is not None else babel_names()


def language_name(code: str) -> str:
    """The English name of a language code; an unknown code is returned as given."""
    return _names().get(code, code)
