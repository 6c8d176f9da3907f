"""Writes a shipped data table the way every build script does: a JSON table (mtqa/data/...json)
with sorted keys, one entry per line and a final newline, so that a rebuild shows as a small,
readable diff; or a table that a module of mtqa writes itself (`build`)."""
from __future__ import annotations

import json
from pathlib import Path


def write_table(path, table: dict, counted: str) -> None:
    """Write `table` to `path` and say how many entries its `counted` part holds."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, sort_keys=True, indent=0)
        f.write("\n")
    print(f"{path}: {len(table[counted])} {counted}")


def build(write, folder: str, name: str, counted: str) -> int:
    """Run a module's `write(path)` into mtqa/data/FOLDER/NAME (it returns how many entries it
    wrote), say so, and give the exit status."""
    path = Path(__file__).resolve().parent.parent / "mtqa" / "data" / folder / name
    n = write(path)
    print(f"{path}: {n} {counted}, {path.stat().st_size} bytes")
    return 0
