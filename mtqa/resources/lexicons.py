"""Load the word lists under `mtqa/data` (package resources, cached, read once per process).

Files are UTF-8; lines starting with `#` are comments (each file names its source there),
blank lines are skipped. A language without a list gets an empty one: checks then simply
find nothing, which is the honest answer for a language mtqa has no data for.
"""
from __future__ import annotations

import functools
from importlib import resources


def _path(name: str, lang: str | None):
    root = resources.files("mtqa") / "data"
    return root / (lang or "common") / name


def _lines(name: str, lang: str | None) -> tuple[str, ...]:
    res = _path(name, lang)
    if not res.is_file():
        return ()
    out = []
    for line in res.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            out.append(line.rstrip("\r\n"))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def words(name: str, lang: str | None = None) -> frozenset[str]:
    """A `.txt` list as a set of stripped entries (e.g. `words("abbreviations.txt", "en")`)."""
    return frozenset(line.strip() for line in _lines(name, lang))


@functools.lru_cache(maxsize=None)
def phrases(name: str, lang: str | None = None) -> tuple[str, ...]:
    """A `.txt` list in file order (order matters for longest-first matching)."""
    return tuple(line.strip() for line in _lines(name, lang))


@functools.lru_cache(maxsize=None)
def table(name: str, lang: str | None = None) -> tuple[tuple[str, ...], ...]:
    """A `.tsv` file as rows of stripped cells."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name, lang))


def available_languages(name: str) -> list[str]:
    """Languages that ship a given list (for docs and the registry meta-test)."""
    root = resources.files("mtqa") / "data"
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / name).is_file())
