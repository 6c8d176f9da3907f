"""Writing systems of characters and runs of text, by Unicode block.

English is written in Latin script; a run of Han, kana, Hangul, Cyrillic, Greek, Devanagari,
Arabic, Hebrew or Thai letters in an English translation is untranslated or wrong-language
text, whatever the words say. Checking the script is cheap and certain, so it comes before
any language identification.
"""
from __future__ import annotations

import functools
import re

SCRIPTS = {
    "Han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "Kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
    "Hangul": "\u1100-\u11ff\uac00-\ud7af",
    "Cyrillic": "\u0400-\u04ff",
    "Greek": "\u0370-\u03ff",
    "Devanagari": "\u0900-\u097f",
    "Arabic": "\u0600-\u06ff",
    "Hebrew": "\u0590-\u05ff",
    "Thai": "\u0e00-\u0e7f",
}
#: Scripts that need no spaces between words: one character is already a word.
LOGOGRAPHIC = {"Han", "Kana", "Hangul", "Thai"}
_SCRIPT_RES = {name: re.compile(f"[{ranges}]") for name, ranges in SCRIPTS.items()}
_ALL_FOREIGN = "".join(SCRIPTS.values())
# A run of foreign-script letters, allowing spaces and hyphens between words of the run.
FOREIGN_RUN_RE = re.compile(f"[{_ALL_FOREIGN}]+(?:[ \\-·・][{_ALL_FOREIGN}]+)*")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def script_of(ch: str) -> str | None:
    """The name of a non-Latin script the character belongs to, 'Latin', or None."""
    if _LATIN_RE.match(ch):
        return "Latin"
    for name, regex in _SCRIPT_RES.items():
        if regex.match(ch):
            return name
    return None


def foreign_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, script) of runs written in a non-Latin script."""
    out = []
    for m in FOREIGN_RUN_RE.finditer(text):
        out.append((m.start(), m.end(), script_of(m.group(0)[0]) or "other"))
    return out


_COUNT_RES = {"Latin": re.compile(r"[A-Za-z\u00c0-\u024f]"), **{n: re.compile(f"[{r}]") for n, r in SCRIPTS.items()}}


@functools.lru_cache(maxsize=256)
def main_script(text: str) -> str | None:
    """The script most letters of the text are written in."""
    counts = {name: len(regex.findall(text)) for name, regex in _COUNT_RES.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None
