"""Writes mtqa/data/common/script_classes.json: the `re` character classes of mtqa.text.scripts as
derived from the installed `regex` module's Unicode data, with the `regex` release and the
properties they were derived from (mtqa.text.scripts uses the table only while both are the same).
Run after upgrading regex: `python scripts/build_script_classes.py`."""
from __future__ import annotations

from mtqa.text import scripts
from table_writer import write_table


def main() -> None:
    table = {"derived_from": scripts.derivation(), "classes": scripts.derive_classes()}
    write_table(scripts.TABLE, table, "classes")


if __name__ == "__main__":
    main()
