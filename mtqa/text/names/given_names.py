"""Given names across languages (Giovanni/John/Jean): a translated given name is not a new name.
"""
from __future__ import annotations

import functools

from mtqa.resources import lexicons
from mtqa.text.names.spelling import by_prefix, fold, inflected


@functools.lru_cache(maxsize=1)
def _given_names() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """English given name -> its forms in other languages, and form -> English names."""
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for english, forms in lexicons.table("given_names.tsv"):
        english = fold(english)
        for form in forms.split(","):
            form = fold(form.strip())
            if form:
                forward.setdefault(english, set()).add(form)
                backward.setdefault(form, set()).add(english)
    return ({k: frozenset(v) for k, v in forward.items()}, {k: frozenset(v) for k, v in backward.items()})


def given_name_in(english: str, words: tuple[str, ...]) -> bool:
    """Whether `words` hold a form of this English given name (John: Jan, Janowi, Иван)."""
    forms = _given_names()[0].get(english)
    return bool(forms) and any(w in forms or any(inflected(form, w) for form in forms if len(form) >= 4)
                               for w in words)


@functools.lru_cache(maxsize=4096)
def english_given_names(word: str) -> frozenset[str]:
    """English forms of a given name, the word inflected or not (Elżbietę, Janowi)."""
    backward = _given_names()[1]
    if word in backward:
        return backward[word]
    # Only forms that start as the word does can be it, inflected (three letters in common at least).
    return frozenset(e for form in _forms_by_prefix().get(word[:3], ()) if inflected(form, word)
                     for e in backward[form])


@functools.lru_cache(maxsize=1)
def _forms_by_prefix() -> dict[str, tuple[str, ...]]:
    """The other languages' forms of four letters or more, by their first three."""
    return by_prefix(form for form in _given_names()[1] if len(form) >= 4)


