#!/usr/bin/env python3
"""Build mtqa/data/common/langdetect_ngrams.tsv: langdetect's n-gram profiles as one sorted table.

langdetect reads its 55 JSON profiles (1.9 MB, ~184,000 counts) before its first detection,
~70 ms of every run that detects a language, although a run uses a few hundred n-grams.
mtqa.resources.langid reads this table instead and searches it when a detector first asks
about an n-gram. Run the script after upgrading langdetect: until then mtqa notices the file is
stale (its stamp row records the version and each profile file's size) and reads the profiles.

    .venv/bin/python scripts/build_langdetect_index.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from mtqa.resources import langid
from table_writer import build

OUT = Path(__file__).resolve().parent.parent / "mtqa" / "data" / "common" / langid.FILE


def main() -> int:
    return build(langid.write, OUT, "n-grams")


if __name__ == "__main__":
    sys.exit(main())
