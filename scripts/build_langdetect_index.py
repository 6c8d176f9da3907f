#!/usr/bin/env python3
"""Build mtqa/data/common/langdetect_ngrams.tsv: langdetect's n-gram profiles as one sorted table.

langdetect reads its 55 JSON profiles (1.9 MB, ~184,000 counts) before its first detection,
~70 ms of every run that detects a language, although a run uses a few hundred n-grams.
mtqa.resources.langid reads this table instead and searches it when a detector first asks
about an n-gram. Run the script after upgrading langdetect: until then mtqa notices the file is
stale (its stamp row records the version and each profile file's size) and reads the profiles.

    .venv/bin/python scripts/build_langdetect_index.py
"""
import sys

from mtqa.resources import langid
from table_writer import build

if __name__ == "__main__":
    sys.exit(build(langid.write, "common", langid.FILE, "n-grams"))
