"""UT004's table lookup through foreign_words.none_in_table: the same answer as asking the whole
table, however the memory of words already found absent has been filled."""
from __future__ import annotations

import random

from mtqa.text import foreign_words


def test_none_in_table_gives_the_tables_own_answer_and_remembers_only_absent_words(monkeypatch):
    monkeypatch.setattr(foreign_words, "_NOT_IN_TABLE", set())
    table = foreign_words.table()
    rng = random.Random(15)
    foreign = rng.sample(sorted(table), 200)
    english = ("the government said on Tuesday that the talks were successful and that a new "
               "agreement would follow The Minister of Defense Paris roads closed year").split()
    pool = foreign + english + [w.upper() for w in foreign[:20]] + ["", "x", "ß", "İstanbul"]
    for _ in range(2000):
        words = rng.sample(pool, rng.randint(0, 12)) if rng.random() < 0.5 else rng.sample(english, 6)
        assert foreign_words.none_in_table(words) == table.keys().isdisjoint(words), words
    assert foreign_words._NOT_IN_TABLE and foreign_words._NOT_IN_TABLE.isdisjoint(table.keys())


def test_a_full_memory_stops_growing_and_still_answers(monkeypatch):
    monkeypatch.setattr(foreign_words, "_NOT_IN_TABLE", set())
    monkeypatch.setattr(foreign_words, "_NOT_IN_TABLE_MAX", 3)
    assert foreign_words.none_in_table(["the", "talks", "were", "over"])
    assert foreign_words.none_in_table(["new", "words", "here"])
    assert len(foreign_words._NOT_IN_TABLE) == 4  # filled once past the bound, then no more
    word = next(iter(foreign_words.table()))
    assert not foreign_words.none_in_table(["the", word])
