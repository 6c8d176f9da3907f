"""Words negated by an affix: `unable`, `impossible`, `careless`; German `unmöglich`, `hilflos`;
French `impossible`, `inutile`; Russian `невозможно`; Polish `niemożliwy`.

One language says with an affix what another says with a negation word: `undeflected` is
`nicht abgelenkt`, `unable` is `ne peut pas`. Such a word is a negation event for the NG rules'
comparison, never a cue of its own (it is not flagged), so that a negated word on one side and an
affix-negative word on the other agree instead of making an "added negation".

The affixes of a language are listed in `mtqa/data/<lang>/negation_affixes.tsv`, one of three kinds:

- `prefix`: productive and unambiguous (English `un-`, German `un-`): the rest of the word must
  be a common word of the language (`un|able`; `un|der` is too short, `un|iverse` no word);
- `prefix-rarer`: ambiguous (`in-`, `im-`, `dis-`, Russian `не-`): the rest must be a common word
  *more frequent* than the whole (`im|possible` yes, `im|portant` no: a negative derivative is
  rarer than its base); in English a WordNet opposite pair decides instead (`discover`/`cover` are
  no opposites, `dishonest`/`honest` are);
- `suffix`: `-less`, `-los` (`help|less`, `hilf|los|en`), the rest a common word;
- `prefix-cognate`: too ambiguous to trust alone (French `in-`: `inutile` but `intendre`,
  `imposer`), used only across languages: a source word with the prefix whose base begins like
  the word a translation's negation negates (`impossible` / `not possible`, `inconnu` / `not
  known`) is the same negation (cognate_negations).

An affix is never taken from a capitalised abbreviation (`UN-Experte`), and a hyphen may follow
only an affix listed with one (`non-`, `ill-`). Slavic `ne-`/`nie-`/`не-` are not listed: too many
common words merely begin with them (`niedziela` "Sunday", `некоторые` "some").
"""
from __future__ import annotations

import functools
import re

from mtqa.resources import frequencies, lexicons
from mtqa.text import antonyms
from mtqa.text.tokens import words

#: A base must be this common (Zipf) to count: `unable` (able 5.4), not `unction`.
MIN_BASE_ZIPF = 3.0
#: Shortest base: `un|it`, `un|der`, `in|to` are no negations.
MIN_BASE_LEN = 4
#: Endings a base may carry beyond the affix (German and Romance inflection, English -ly/-ness):
#: `un|möglich|en`, `hilf|los|en`, `careless|ly`.
_ENDINGS = ("", "e", "en", "er", "es", "em", "s", "ly", "ness", "ity", "ité", "ed", "d")
_ELISION_RE = re.compile(r"^\w{1,2}['’]")  # French and Italian l', d', qu' before the word


@functools.lru_cache(maxsize=None)
def _affixes(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1].lower()) for row in lexicons.table("negation_affixes.tsv", lang) if len(row) >= 2)


def _common(word: str, lang: str) -> float:
    return frequencies.zipf(word, lang)


def _base_ok(base: str, lang: str) -> bool:
    if len(base) < MIN_BASE_LEN:
        return False
    return any(_common(base[: len(base) - len(end)] if end else base, lang) >= MIN_BASE_ZIPF
               for end in _ENDINGS if base.endswith(end) and len(base) - len(end) >= MIN_BASE_LEN)


@functools.lru_cache(maxsize=65536)
def is_affix_negative(word: str, lang: str) -> bool:
    """Whether `word` is negated by one of the affixes listed for `lang`."""
    bare = _ELISION_RE.sub("", word)
    low = bare.lower()
    for kind, affix in _affixes(lang):
        if kind == "prefix-cognate":
            continue
        if kind == "suffix":
            for end in _ENDINGS:
                stem_end = affix + end
                if low.endswith(stem_end) and len(low) > len(stem_end):
                    base = low[: -len(stem_end)]
                    # German links a compound with -s- (arbeit|s|los); English doubles nothing here.
                    if _base_ok(base, lang) or (base.endswith("s") and _base_ok(base[:-1], lang)):
                        return True
            continue
        if not low.startswith(affix) or len(low) - len(affix) < MIN_BASE_LEN:
            continue
        if bare[:len(affix)].isupper() or (low[len(affix)] == "-" and not affix.endswith("-")):
            continue  # `UN-Experte`: an abbreviation, no prefix
        base = low[len(affix):]
        if kind == "prefix" and _base_ok(base, lang):
            return True
        if kind == "prefix-rarer":
            if lang == "en":
                if antonyms.are_listed_opposites(low, base):
                    return True
            elif _base_ok(base, lang) and _common(low, lang) < _common(base, lang):
                return True
    return False


def affix_negations(text: str, lang: str | None) -> list[tuple[int, int]]:
    """Spans of the affix-negative words of `text` (empty for a language with no affix list)."""
    lang = lang or "en"
    if not _affixes(lang):
        return []
    return [(t.start, t.end) for t in words(text) if is_affix_negative(t.text, lang)]


#: How many first letters a prefixed source word's base and the negated translated word share
#: to be the same word (`possible`/`possible`, `connu`/`known` are not: only true cognates count).
COGNATE_PREFIX = 5


def cognate_negations(src: str, src_lang: str | None, hyp: str, hyp_cues) -> int:
    """How many of the translation's negations `hyp_cues` render a source word negated by an
    ambiguous prefix of its cognate (`not possible` for `impossible`, `not legal` for `illégal`):
    the word after the negation begins like the rest of a prefixed source word."""
    prefixes = [a for kind, a in _affixes(src_lang or "") if kind == "prefix-cognate"]
    if not prefixes or not hyp_cues:
        return 0
    bases = set()
    for tok in words(src):
        low = _ELISION_RE.sub("", tok.text).lower()
        for p in prefixes:
            if low.startswith(p) and len(low) - len(p) >= COGNATE_PREFIX:
                bases.add(low[len(p):len(p) + COGNATE_PREFIX])
    if not bases:
        return 0
    toks = words(hyp)
    count = 0
    for _start, end in hyp_cues:
        following = [t.text.lower() for t in toks if t.start >= end][:3]
        if any(w[:COGNATE_PREFIX] in bases for w in following if len(w) >= COGNATE_PREFIX):
            count += 1
    return count
