"""Writes a shipped data table (mtqa/data/...json) the way every build script does: sorted keys,
one entry per line, a final newline, so that a rebuild shows as a small, readable diff."""
from __future__ import annotations

import json


def write_table(path, table: dict, counted: str) -> None:
    """Write `table` to `path` and say how many entries its `counted` part holds."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, sort_keys=True, indent=0)
        f.write("\n")
    print(f"{path}: {len(table[counted])} {counted}")
