"""Build mtqa/data/zh/pinyin_readings.tsv: every pinyin reading of each Chinese character,
without tones, from pypinyin's character table (MIT; its data comes from the Unicode Unihan
database and the pinyin-data project).

mtqa reads a Chinese source's characters in every reading (厦 is xia in 厦门 and sha in 大厦) to
tell whether a romanised name is written in it. pypinyin's own table is a Python dict literal
that costs about 55 MB once imported; this file holds the same readings in a few hundred
kilobytes. Run it at development time (pypinyin is not a run-time dependency):

    .venv/bin/pip install 'pypinyin>=0.50,<0.60' && .venv/bin/python scripts/build_pinyin.py
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from pypinyin import __version__ as pypinyin_version
from pypinyin.pinyin_dict import pinyin_dict

OUT = Path(__file__).resolve().parents[1] / "mtqa" / "data" / "zh" / "pinyin_readings.tsv"
#: CJK Unified Ideographs, Extension A and the compatibility block: the characters of names.
BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))

HEADER = """\
# Pinyin readings of Chinese characters, without tones (ü written u), every reading of each.
# Source: pypinyin {version} (MIT), whose table comes from Unicode's Unihan database and the
# pinyin-data project; written by scripts/build_pinyin.py. columns: character	readings (comma-separated)
"""


def toneless(reading: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", reading) if not unicodedata.combining(ch))


def main() -> int:
    rows = []
    for code, raw in sorted(pinyin_dict.items()):
        if not any(lo <= code <= hi for lo, hi in BLOCKS):
            continue
        readings = list(dict.fromkeys(toneless(r).strip() for r in raw.split(",") if r.strip()))
        if readings:
            rows.append(f"{chr(code)}\t{','.join(readings)}\n")
    OUT.write_text(HEADER.format(version=pypinyin_version) + "".join(rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
