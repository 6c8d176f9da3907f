"""Writes mtqa/data/common/language_names.json: babel's English language names, with the SHA-256
of the babel files they come from (mtqa.resources.languages uses the table only while the
installed babel's files hash the same). Run after upgrading babel: `python scripts/build_language_names.py`."""
from __future__ import annotations

import json

from mtqa.resources import languages


def main() -> None:
    directory = languages.babel_locale_dir()
    table = {"sources": languages.source_hashes(directory), "names": languages.babel_names()}
    with open(languages.TABLE, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, sort_keys=True, indent=0)
        f.write("\n")
    print(f"{languages.TABLE}: {len(table['names'])} names")


if __name__ == "__main__":
    main()
