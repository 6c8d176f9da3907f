"""UT004's precomputed foreign-word table must give exactly the decisions wordfreq gives."""
from __future__ import annotations

from mtqa.resources import lexicons
from mtqa.text import foreign_words


def test_shipped_table_is_current_and_equals_the_built_one():
    rows = lexicons.table(foreign_words.FILE, "en")
    assert rows[0] == ("stamp", foreign_words.stamp()), "run scripts/build_foreign_words.py"
    foreign_words.table.cache_clear()
    try:
        shipped = foreign_words.table()
    finally:
        foreign_words.table.cache_clear()
    assert shipped == foreign_words.build()


def test_table_answers_as_the_frequency_test():
    table = foreign_words.table()
    for word in ("nicht", "und", "ciudad", "comportement", "the", "acid", "melamine", "zzzqqq", "que"):
        assert table.get(word) == foreign_words.foreign_language(word), word


def test_a_stale_file_is_ignored(monkeypatch):
    monkeypatch.setattr(foreign_words, "stamp", lambda: "something else")
    foreign_words.table.cache_clear()
    try:
        assert foreign_words.table().get("nicht") == "de"
    finally:
        foreign_words.table.cache_clear()
