"""Load the word lists under `mtqa/data` (package resources, cached, read once per process).

Files are UTF-8; lines starting with `#` are comments (each file names its source there),
blank lines are skipped. A language without a list gets an empty one: checks then simply
find nothing, which is the honest answer for a language mtqa has no data for. A list name that
no language ships is a typo in mtqa, not missing data: it raises `UnknownLexiconError`, because
an empty list would silently switch a check off.
"""
from __future__ import annotations

import functools
from pathlib import Path

#: The lists' folder. A plain path, not `importlib.resources.files("mtqa")`: that gives the same
#: path for a package on disk, but its first call imports importlib.readers and zipfile (~8 ms of
#: every start-up); mtqa reads its data from disk elsewhere too (mtqa.resources.languages).
_DATA = Path(__file__).parent.parent / "data"


class UnknownLexiconError(LookupError):
    """A list name that exists for no language (nor under `common/`): a bug in the caller."""


@functools.lru_cache(maxsize=None)
def known_names() -> frozenset[str]:
    """Every list file name shipped under `mtqa/data`, in any language or in `common/`."""
    return frozenset(f.name for d in _DATA.iterdir() if d.is_dir() for f in d.iterdir() if f.is_file())


#: A file whose lines average this many bytes or more is decoded line by line. A str is as wide
#: as its widest character: one flag emoji among foreign_words.tsv's Polish words (nine lines
#: of ~100 KB) made the whole decoded file 4 bytes a character, and cutting lines from it cost
#: ~3 ms of every run that checks English. Cut as bytes first (no UTF-8 character holds a
#: line-break byte), each line is as narrow as its own characters, and `str.splitlines` then
#: splits at the breaks bytes do not know (U+2028...); blank lines are dropped below, so the
#: lines kept are those of the whole text (tests/test_startup_shortcuts.py). Files of many short
#: lines (places.tsv, the antonym lists) are faster decoded whole.
_LONG_LINES = 1024


def _path(name: str, lang: str | None):
    return _DATA / (lang or "common") / name


def _lines(name: str, lang: str | None) -> tuple[str, ...]:
    res = _path(name, lang)
    if not res.is_file():
        if name not in known_names():
            raise UnknownLexiconError(f"no word list named {name!r} under mtqa/data (a typo?)")
        return ()
    data = res.read_bytes()
    if len(data) < _LONG_LINES * (data.count(b"\n") + 1):
        lines = data.decode("utf-8").splitlines()
    else:
        lines = [line for raw in data.splitlines() for line in raw.decode("utf-8").splitlines()]
    out = []
    for line in lines:
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
    return sorted(p.name for p in _DATA.iterdir() if p.is_dir() and (p / name).is_file())
