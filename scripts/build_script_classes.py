"""Writes mtqa/data/common/script_classes.json: the `re` character classes of mtqa.text.scripts as
derived from the installed `regex` module's Unicode data, with the `regex` release and the
properties they were derived from (mtqa.text.scripts uses the table only while both are the same).
Run after upgrading regex: `python scripts/build_script_classes.py`."""
from __future__ import annotations

import json

from mtqa.text import scripts


def main() -> None:
    table = {"derived_from": scripts.derivation(), "classes": scripts.derive_classes()}
    with open(scripts.TABLE, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, sort_keys=True, indent=0)
        f.write("\n")
    print(f"{scripts.TABLE}: {len(table['classes'])} classes")


if __name__ == "__main__":
    main()
