#!/usr/bin/env python3
"""Build mtqa/data/en/foreign_words.tsv: every word UT004 (foreign-word) flags, with its language.

UT004 decides from wordfreq's lists (English's large one, eight languages' small ones) whether a
lower-case word is foreign; the decision depends only on the word, so it is precomputed here
and the check reads one small table instead of loading nine lists (see mtqa.text.foreign_words).
Run it after upgrading wordfreq or changing UT004's thresholds: until then mtqa notices the
file is stale (its first row records what it was built from) and builds the table at run time.

    .venv/bin/python scripts/build_foreign_words.py
"""
import sys

from mtqa.text import foreign_words
from table_writer import build

if __name__ == "__main__":
    sys.exit(build(foreign_words.write, "en", foreign_words.FILE, "words"))
