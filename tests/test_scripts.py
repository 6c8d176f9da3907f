"""Script classes come from Unicode data (the `regex` module), in one module, and every user
agrees with it; language names come from babel."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import regex

import mtqa
from mtqa.resources.languages import language_name
from mtqa.text import scripts
from mtqa.text.names.source_names import KANA_RE, KATAKANA_RE
from mtqa.text.names.spelling import CJK_CHAR_RE
from mtqa.text.pinyin import han_runs
from mtqa.text.tokens import word_count

# Assigned code points of planes 0-3 (unassigned ones may sit in a merged range: no text has them).
ASSIGNED = "".join(regex.findall(r"\P{Cn}+", scripts._code_points()))


@pytest.mark.parametrize("name,prop", [
    ("Han", r"\p{Script=Han}"),
    ("Kana", r"[\p{Script=Hiragana}\p{Script=Katakana}\u30fb\u30fc]"),
    ("Hangul", r"\p{Script=Hangul}"),
    ("Cyrillic", r"\p{Script=Cyrillic}"),
    ("Greek", r"\p{Script=Greek}"),
    ("Devanagari", r"\p{Script=Devanagari}"),
    ("Arabic", r"\p{Script=Arabic}"),
    ("Hebrew", r"\p{Script=Hebrew}"),
    ("Thai", r"\p{Script=Thai}"),
])
def test_script_class_is_the_unicode_script(name, prop):
    assert re.findall(f"[{scripts.SCRIPTS[name]}]", ASSIGNED) == regex.findall(prop, ASSIGNED)


def test_latin_and_katakana_are_the_unicode_scripts():
    assert re.findall(f"[{scripts.LATIN}]", ASSIGNED) == regex.findall(r"\p{Script=Latin}", ASSIGNED)
    assert re.findall(f"[{scripts.KATAKANA}]", ASSIGNED) == regex.findall(r"\p{Script=Katakana}", ASSIGNED)


def test_code_points_are_every_code_point_but_the_surrogates():
    expected = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, scripts._SCAN_END)))
    assert scripts._code_points() == expected


def test_shipped_classes_are_the_derived_ones():
    # The table is used only when derived from the installed regex and these properties; it must
    # be current (rebuild it with scripts/build_script_classes.py after a regex upgrade) and equal
    # a derivation.
    shipped = json.loads(scripts.TABLE.read_text(encoding="utf-8"))
    assert shipped["derived_from"] == scripts.derivation(), "regex changed: run scripts/build_script_classes.py"
    assert shipped["classes"] == scripts.derive_classes() == scripts._classes()


def test_all_foreign_class_is_the_one_scan_of_all_properties():
    # _ALL_FOREIGN joins the runs of each script instead of scanning for all properties at once.
    one_scan = scripts.char_class("".join(scripts._PROPERTIES.values())) + scripts._MARKS
    assert scripts._ALL_FOREIGN == one_scan


def test_script_of_characters():
    assert scripts.script_of("𠀀") == "Han"  # CJK extension B, beyond the old hand ranges
    assert scripts.script_of("ễ") == "Latin"  # Vietnamese
    assert scripts.script_of("ー") == "Kana"  # Common script, but part of katakana words
    assert scripts.script_of("×") is None  # Latin-1 punctuation is no letter
    assert scripts.main_script("Nguyễn Phú Trọng đã phát biểu") == "Latin"
    assert scripts.main_script("ドナルド・トランプ大統領は") == "Kana"
    assert scripts.main_script("12 345") is None


def test_foreign_runs_keep_katakana_names_whole():
    text = "He met ドナルド・トランプ and 三聚氰胺 was found."
    assert [(text[s:e], sc) for s, e, sc in scripts.foreign_runs(text)] == [
        ("ドナルド・トランプ", "Kana"), ("三聚氰胺", "Han")]


def test_users_share_the_classes():
    assert KATAKANA_RE.findall("首相はドナルド・トランプ氏とスーパーで会った") == ["ドナルド・トランプ", "スーパー"]
    assert KANA_RE.search("ー") and not KANA_RE.search("漢字")
    assert CJK_CHAR_RE.findall("Tokyo 東京とうきょう") == list("東京とうきょう")
    assert han_runs("習近平と𠀀") == ("習近平", "𠀀")
    assert word_count("东京 is big") == 4  # each CJK character is a word


def test_no_hand_written_script_ranges_outside_scripts_module():
    # The old hand ranges (CJK, kana, Hangul, Cyrillic blocks) must not come back elsewhere.
    package = Path(mtqa.__file__).parent
    hand = re.compile(r"\\u(?:4e00|3400|3040|3041|30a1|ac00|0400|0370|0900|0600|0590|0e00)-")
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py") if hand.search(p.read_text("utf-8"))]
    assert not offenders


def test_language_names_come_from_babel():
    assert language_name("fr") == "French" and language_name("zh") == "Chinese"
    assert language_name("nl") == "Dutch"  # beyond the old hand list
    assert language_name("xx") == "xx"
