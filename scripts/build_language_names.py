"""Writes mtqa/data/common/language_names.json: babel's English language names, with the SHA-256
of the babel files they come from (mtqa.resources.languages uses the table only while the
installed babel's files hash the same). Run after upgrading babel: `python scripts/build_language_names.py`."""
from __future__ import annotations

from mtqa.resources import languages
from table_writer import write_table


def main() -> None:
    directory = languages.babel_locale_dir()
    table = {"sources": languages.source_hashes(directory), "names": languages.babel_names()}
    write_table(languages.TABLE, table, "names")


if __name__ == "__main__":
    main()
