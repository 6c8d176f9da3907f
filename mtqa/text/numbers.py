"""Quantities in text, with offsets and every value they could mean, in 11 languages.

A quantity is a number written in digits (any locale: `1 000,5`, `1.000,5`, `1,000.5`, full-width
and Devanagari digits), with an attached magnitude word (`2,5 milliards`, `10 тысяч`, `6000万`),
a time (`23:35`, `14 h 30`, `11:35 pm`), a number written in words (`quatre-vingt-dix`,
`zweihundertfünfzig`, `osiemnaście`, `三百`), a Roman numeral (`XXIe siècle`), or a vague
quantity (`centaines`, `hundreds`, `several hundred`, `数百`).

Locale ambiguity is kept, not guessed: `1.500` yields both 1500 and 1.5, so a comparison
between source and translation succeeds when any reading agrees. Number words are valued by
text2num (English, French, German, Spanish, Italian, Portuguese) or by an additive parser over
the tables in `mtqa/data/<lang>/number_words.tsv` (Czech, Polish, Russian, Hindi, Chinese,
Japanese), because no maintained library parses those.

Jobs kept in their own modules: clock times (mtqa.text.clock), quantities said with several
words such as `tens of thousands` or `two and a half million` (mtqa.text.number_phrases),
Chinese and Japanese numerals (mtqa.text.cjk_numbers), codes such as COVID-19 (mtqa.text.codes).

`strict` marks quantities reliable enough to demand a counterpart on the other side; words for
one and two are never strict ("un", "a", "both"), nor are CJK numerals that are not followed
by a counter or unit (十分 "very", 一起 "together").
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from mtqa.resources import frequencies
from mtqa.text.cjk_numbers import cjk_numerals
from mtqa.text.quantity import (_NO_VALUES, Quantity, _key, mark_centuries, new_quantity,  # noqa: F401 (re-exported)
                                within_century)
from mtqa.text.clock import clock_times, readings
from mtqa.text.number_hints import (ANY_DIGIT, DIGIT_RUN_RE, DIGITS, NON_DIGIT_RE, ascii_digits,  # noqa: F401 (DIGITS re-exported)
                                    digit_run_spans, has_digit as text_has_digit, may_have_url, numbers_at_runs)
from mtqa.text.number_phrases import phrases, unit_conversion
from mtqa.text.number_tokens import (ARTICLES, GLUE, KEEP, NUMBER_NOUN, kept_tokens, number_word_set, word_class,
                                     word_set, words_re)
from mtqa.text.number_words import (
    CJK_LANGS,
    COMPOUNDING_LANGS,
    NumberWords,
    number_words,
)

TEXT2NUM_LANGS = {"en", "fr", "de", "es", "it", "pt"}

# An e-mail's parts are bounded (64 and 255 characters, as in RFC 5321): unbounded, the pattern
# rescanned a long line without spaces from every position (quadratic time).
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,255}\.\w+", re.I)
# A single L or C before -e is the French article or pronoun (Le, Ce), never the 50th/100th.
_ROMAN_RE = re.compile(r"(?<![\w])(?=[IVXLC]{2,}(?![\w’'-])|(?![LC]e\b)[IVXLC]+(?:e|er|ème|st|nd|rd|th)\b)"
                       r"(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})(?=e|er|ème|st|nd|rd|th|\b)")
# What the lookahead of _ROMAN_RE needs: two numeral letters, or one before an ordinal ending
# (e, er, ème, st, nd, rd, th). Most sentences have neither, and are not searched.
_ROMAN_HINT = re.compile(r"[IVXLC](?:[IVXLCeè]|st|nd|rd|th)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORD_AFTER_RE = re.compile(r"\s?([^\W\d_]+)\.?")
_LETTERS_AT_END_RE = re.compile(r"[^\W\d_]+$")
_WORD_AT_END_RE = re.compile(r"(\w+)\W*$")
# Letters that may follow a number without making it a code (A4, G7, 4G): ordinals and units.
# Case matters: "5 kg" is a unit, "4G" and "3D" are names.
SUFFIX_RE = re.compile(r"(?:st|nd|rd|th|e|er|ern|re|ère|ème|eme|es|º|ª|s|%|km|kg|g|m|cm|mm|mi|ft|h|min|bn|tn|mn|k|"
                        r"x|ha|t|l|mg|ml|GB|MB|TB|MW|kW|GW|USD|EUR)\b|(?:jährig|fach|mal|prozent|tägig|köpfig)", re.U)
_ENGLISH_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}


# ----------------------------------------------------------------------------- digits

#: Languages whose decimal mark is the point: there `3,000` is three thousand, never 3.0.
_POINT_DECIMAL_LANGS = {"en", "zh", "ja", "hi"}


# Compiled once: re.split / re.sub with a pattern string look the pattern up on every call.
_SEPARATOR_RE = re.compile(r"[., ']")


def _candidates(token: str, lang: str = "", lists: bool = True) -> set[float]:
    """All values a digit string can mean under the usual locale conventions."""
    if token.isdigit():
        return {float(token)}  # no separator: what the general path returns, sooner
    clean = token.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("’", "'")
    seps = [c for c in clean if not c.isdigit()]
    if not seps:
        return {float(clean)}
    out: set[float] = set()
    last = seps[-1]
    head, _, tail = clean.rpartition(last)
    # Reading 1: every separator groups thousands.
    if all(len(g) == 3 for g in _SEPARATOR_RE.split(clean)[1:]):
        out.add(float(_SEPARATOR_RE.sub("", clean)))
    # Reading 2: the last separator is a decimal mark (only . or ,), the others group thousands.
    comma_groups = last == "," and len(tail) == 3 and lang in _POINT_DECIMAL_LANGS
    if lists and last == "," and len(tail) != 3 and lang in _POINT_DECIMAL_LANGS and seps == [","]:
        # [1,1]: a list. Chinese, Japanese and Hindi never write 1,5 for 1.5; English MT may
        # copy a source's decimal comma, so there both readings stay.
        if lang != "en":
            return {float(head), float(tail)}
        out |= {float(head), float(tail)}
    if last in ".," and all(s != last for s in seps[:-1]) and not comma_groups:
        try:
            out.add(float(_SEPARATOR_RE.sub("", head) + "." + tail))
        except ValueError:
            pass
    return out or {float(NON_DIGIT_RE.sub("", clean))}


def _followed_by_magnitude(text: str, end: int, words: NumberWords, lang: str) -> tuple[float, int] | None:
    # Matched in place up to end + 20, as on the slice text[end:end + 20] (no lookaround).
    m = _WORD_AFTER_RE.match(text, end, end + 20)
    if not m:
        return None
    word = m.group(1).lower()
    if word in words.magnitudes:
        return words.magnitudes[word], m.end(1)
    if lang == "en" and word in _ENGLISH_SCALE and m.start(1) == end:
        return _ENGLISH_SCALE[word], m.end(1)
    if lang in CJK_LANGS and m.start(1) == end:
        scale = 1.0
        i = end
        while i < len(text) and text[i] in "万亿億兆千百":
            scale *= {"万": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12, "千": 1e3, "百": 1e2}[text[i]]
            i += 1
        if i > end:
            return scale, i
    return None


def _clock_quantities(text: str, lang: str, taken: list[tuple[int, int]],
                      runs: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for t in clock_times(text, lang, runs):
        if _inside(t.start, taken):
            continue
        out.append(new_quantity(t.start, t.end, text[t.start:t.end], frozenset(_key(v) for v in readings(t)), "time",
                            fragile=t.words))
        taken.append((t.start, t.end))
    return out


def _digit_quantities(text: str, lang: str, words: NumberWords, taken: list[tuple[int, int]],
                      runs: list[tuple[int, int]]) -> list[Quantity]:
    """The numbers in digits of `text`, found at its digit runs (`runs`, digit_run_spans(text):
    _NUMBER_RE needs a digit)."""
    out = []
    if not runs:
        return out
    for m in numbers_at_runs(text, runs):
        start = m.start()
        if taken and _inside(start, taken):
            continue
        before = text[start - 1] if start else " "
        # (isalpha first: _latin_letter needs it, and most numbers follow a space)
        if before.isalpha() and _latin_letter(before) or (
                before == "-" and _code_letters_before(text, start - 1, lang)):
            continue  # a code such as A4, MH17, COVID-19
        token = m.group(0).rstrip(" '’\u00a0\u202f\u2009")
        end = start + len(token)
        after = text[end:end + 1]
        if after.isalpha() and _latin_letter(after) and not SUFFIX_RE.match(text, end):
            continue  # 4G, 802.11a
        vals = _candidates(token, lang)
        mag = _followed_by_magnitude(text, end, words, lang)
        shown_end = end
        if mag:  # 2,5 million: not a list
            vals = _candidates(token, lang, lists=False)
            vals |= {v * mag[0] for v in vals}
            shown_end = mag[1]
        # "午前0時" is rendered "midnight", "1つ" and "1人" as "a" or "one".
        strict = not (len(vals) == 1 and (0 in vals or 1 in vals) and not mag)
        alt = {v % 100 for v in vals if v == int(v) and 1000 <= v <= 2099}  # "the 90s", "die 50er" for "1850s"
        out.append(new_quantity(start, shown_end, text[start:shown_end], frozenset([_key(v) for v in vals]), "digits",
                            strict=strict, alt=frozenset([_key(v) for v in alt]) if alt else _NO_VALUES,
                            convert=unit_conversion(text, shown_end)))
        taken.append((start, shown_end))
    return out



def _code_letters_before(text: str, hyphen: int, lang: str) -> bool:
    """Whether the letters before `hyphen` make `X-19` a code (COVID-19, covidu-19, F-16, MH-17)
    rather than a hyphen joining a common word and a number (`the black hole-30 kilometres
    away`, MT of a CJK dash; `l'après-11 septembre`, `post-9/11`)."""
    m = _LETTERS_AT_END_RE.search(text[max(0, hyphen - 20):hyphen])
    if not m or not _latin_letter(m.group(0)[-1]):
        return False
    return not common_word_before_hyphen(m.group(0), lang)


def common_word_before_hyphen(letters: str, lang: str) -> bool:
    """A lower-case word frequent in its language (Zipf >= 4: hole, post, après, robot(s)) is a
    word, not the letters of a code (covid 3.9, covidu 3.5, boeing 3.8 stay below)."""
    if not (letters.islower() and len(letters) >= 3):
        return False
    lang = lang or "en"
    return max(frequencies.zipf(letters, lang), frequencies.zipf(letters[:-1], lang) if letters.endswith("s") else 0) >= 4


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\uff21" <= ch <= "\uff5a" or "\u00c0" <= ch <= "\u024f")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


# ----------------------------------------------------------------------------- words

#: Before an ordinal, the numerator of a fraction (one third, two fifths): the ordinal's
#: value is a denominator, which languages write in other ways (un tercio, ein Drittel).
_FRACTION_NUMERATORS = ("one", "two", "three")


#: German determiners and article contractions: an ordinal is an adjective and follows one
#: (am achten Tag, der dritte, jeder Dritte); without one, `achten`/`achte` is the verb "to heed".
_DE_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines jeder jede jedes jedem jeden am im zum zur "
    "vom beim ins ans aufs fürs sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer unser unsere "
    "unserem unseren mein meine meinem meinen dieser diese dieses diesem diesen jener jene".split())


def _prev_word(text: str, pos: int) -> str:
    m = _WORD_AT_END_RE.search(text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'“‘«„(")
    return not before or before[-1] in ".!?:\n"


def _word_tokens(text: str, words: NumberWords, lang: str, keep: set[str]):
    """Number-word tokens (start, end, lower-case form); hyphenated parts count separately.
    `words` is number_words(lang), which `word_class` reads; `keep` is
    number_word_set(text, lang): the words whose class is not SKIP."""
    for start, end, word in kept_tokens(text, keep):
        cls, low, _ = word_class(word, lang)
        if cls != KEEP:
            # German capitalises nouns, so a number after a determiner is a nominalised number
            # (jeder Dritte "one in three", ein Drittel, die Zwei), not a name.
            noun = cls == NUMBER_NOUN or (lang == "de" and _prev_word(text, start) in _DE_DETERMINERS)
            if word[0].isupper() and not noun and not _sentence_initial(text, start):
                continue  # "Otto Ritter": a capitalised number word inside a sentence is a name
        yield start, end, low


def _generic_value(tokens: list[str], words: NumberWords) -> float | None:
    total = current = 0.0
    seen = False
    for tok in tokens:
        entry = words.table.get(tok)
        if entry is None:
            continue
        value, kind = entry
        if kind == "approx" or kind == "connector":
            continue
        seen = True
        if kind == "magnitude":
            if value < 1000:
                current = max(current, 1.0) * value
            else:
                total += max(current, 1.0) * value
                current = 0.0
        else:
            current += value
    return total + current if seen else None


@functools.lru_cache(maxsize=4096)  # keyed on a run of number words ("two million"), not a sentence
def _text2num_value(span: str, lang: str) -> tuple[float, bool] | None:
    from text_to_num import alpha2digit

    try:
        converted = alpha2digit(span, lang, threshold=0)
    except Exception:  # the library raises on odd input; a number we cannot read is no number
        return None
    digits = re.findall(r"\d+(?:[.,]\d+)?", converted)
    if len(digits) != 1 or re.search(r"[^\W\d_]{3,}", re.sub(r"\d+(?:st|nd|rd|th|e|er|ère|ème)\b", "", converted)):
        return None
    ordinal = bool(re.search(r"\d+(?:st|nd|rd|th|e|er|ère|ème|\.|º|ª|o|a)(?:\b|$)", converted))
    return float(digits[0].replace(",", ".")), ordinal


def _value(names: list[str], span: str, words: NumberWords, lang: str) -> tuple[float, bool] | None:
    if lang in TEXT2NUM_LANGS:
        got = _text2num_value(span, lang)
        if got:
            return got
        if len(names) == 1 and names[0] in words.table:
            v, kind = words.table[names[0]]
            return v, kind == "ordinal"
        return None
    value = _generic_value(names, words)
    if value is None:
        return None
    return value, any(words.table.get(n, (0, ""))[1] == "ordinal" for n in names)


def _run_quantities(text: str, run: list[tuple[int, int, str]], words: NumberWords, lang: str) -> list[Quantity]:
    glue = GLUE.get(lang, ())
    while run and (run[-1][2] in words.modifiers or run[-1][2] in ARTICLES or run[-1][2] in glue):
        run = run[:-1]
    lead = [t for t in run if t[2] in words.modifiers or t[2] in ARTICLES]
    core = [t for t in run if t not in lead and t[2] not in glue]
    if not core:
        return []
    names = [t[2] for t in core]
    start, end = run[0][0], run[-1][1]
    orders = [words.approx_words.get(n) or (words.table[n][0] if words.table.get(n, (0, ""))[1] in ("approx", "magnitude") else None)
              for n in names]
    vague = bool(lead and any(t[2] in words.modifiers for t in lead)) or any(
        n in words.approx_words or words.table.get(n, (0, ""))[1] == "approx" for n in names)
    if vague:
        order = max((o for o in orders if o), default=None)
        if order:
            return [new_quantity(start, end, text[start:end], frozenset(), "approx", order)]
    got = _value(names, text[core[0][0]:core[-1][1]].lower(), words, lang)
    if got is None:
        if len(core) == 1:
            return []
        parts = _split_at_glue(run, glue)
        if len(parts) > 1:  # "quatre-vingts et trois": two numbers joined by "and"
            return [q for part in parts for q in _run_quantities(text, part, words, lang)]
        out = []  # "the first three": read the words one by one
        for k, t in enumerate(core):
            for q in _run_quantities(text, [t], words, lang):
                if q.kind == "ordinal" and k and core[k - 1][2] in _FRACTION_NUMERATORS:
                    q = replace(q, strict=False)  # "one third": a fraction, as "a third" is
                out.append(q)
        return out
    value, ordinal = got
    fraction = ordinal and any(t[2] in ARTICLES or t[2] in ("one", "two") for t in lead + core[:-1])
    weak = value <= 2 or fraction or any(words.table.get(n, (0, ""))[1] == "weak" for n in names)
    kind = "ordinal" if ordinal else "words"
    # A German ordinal with no determiner before it is as often a verb (achten "to heed").
    homograph = lang == "de" and ordinal and _prev_word(text, start) not in _DE_DETERMINERS
    return [new_quantity(start, end, text[start:end], frozenset({_key(value)}), kind, strict=not (weak or homograph),
                     fragile=homograph, convert=unit_conversion(text, end))]


def _split_at_glue(run, glue):
    parts, cur = [], []
    for t in run:
        if t[2] in glue:
            if cur:
                parts.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        parts.append(cur)
    return parts


def _word_quantities(text: str, lang: str, words: NumberWords, taken: list[tuple[int, int]],
                     found: set[str] | None = None) -> list[Quantity]:
    if words.regex is None:
        return []
    keep = number_word_set(text, lang, found)
    if keep is None:
        return []  # articles, modifiers and glue alone make no number
    out: list[Quantity] = []
    run: list[tuple[int, int, str]] = []
    prev_end = None
    for start, end, low in _word_tokens(text, words, lang, keep):
        if run and text[prev_end:start].strip(" -") != "":
            out += _run_quantities(text, run, words, lang)
            run = []
        if not run and low in GLUE.get(lang, ()):
            continue
        if _inside(start, taken):
            continue
        run.append((start, end, low))
        prev_end = end
    if run:
        out += _run_quantities(text, run, words, lang)
    return out


def _phrase_quantities(text: str, lang: str, words: NumberWords, taken: list[tuple[int, int]]) -> list[Quantity]:
    def value_of(span: str) -> float | None:
        if DIGIT_RUN_RE.fullmatch(span):
            return float(span)
        got = _value([span.lower()], span.lower(), words, lang) if words.regex is not None else None
        return got[0] if got and not got[1] else None

    out = []
    for p in phrases(text, lang, words, value_of):
        if _inside(p.start, taken):
            continue
        values = frozenset() if p.value is None else frozenset({_key(p.value)})
        out.append(new_quantity(p.start, p.end, text[p.start:p.end], values, "approx" if p.approx else "words", p.approx,
                            strict=p.strict, convert=unit_conversion(text, p.end)))
        taken.append((p.start, p.end))
    return out


def _compound_prefixes(text: str, lang: str, words: NumberWords, taken: list[tuple[int, int]],
                       found: set[str] | None = None) -> list[Quantity]:
    """The number that begins a compound word (dreidimensional, zehnfach, zehnmal, milliardenfach,
    Zweijährige): a counterpart for `three-dimensional` or `10 times`, too fragile (Achtung,
    Elfenbein) to be demanded or to ground a finding."""
    out = []
    # Most words begin no number: the sentence's words less those known to begin none.
    known = _NO_COMPOUND.setdefault(lang, set())
    for word in (word_set(text) if found is None else found) - known:
        if _compound_head(word, lang) is not None:
            break
        if len(known) < 1 << 16:
            known.add(word)
    else:
        return out  # no word of the sentence begins a compound
    for m in words_re(text).finditer(text):
        head = _compound_head(m.group(0), lang)
        if head is None or _inside(m.start(), taken):
            continue
        value, approx = head
        out.append(new_quantity(m.start(), m.end(), m.group(0), frozenset() if approx else frozenset({_key(value)}),
                            "approx" if approx else "words", value if approx else None, strict=False, fragile=True))
    return out


#: Per language, words known to begin no compound number (see `_compound_prefixes`).
_NO_COMPOUND: dict[str, set[str]] = {}


@functools.lru_cache(maxsize=1 << 16)
def _compound_head(word: str, lang: str) -> tuple[float, bool] | None:
    """(value, vague) of the number word that begins compound `word`, read with
    number_words(lang); None when the word is no such compound. Cached per word: the reading
    depends on the spelling alone."""
    words = number_words(lang)
    low = word.lower()
    if words.regex.fullmatch(low):
        return None
    pm = words.regex.match(low)
    if not pm or len(pm.group(0)) < 3 or len(low) - pm.end() < 3:
        return None
    got = _value([pm.group(0)], pm.group(0), words, lang)
    if got is None or got[0] <= 1:
        return None
    value, _ = got
    approx = words.table.get(pm.group(0), (0, ""))[1] == "magnitude" and value >= 1000 and low[pm.end() - 1] == "n"
    return value, approx


def _cjk_quantities(text: str, lang: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for n in cjk_numerals(text, lang, lambda pos: _inside(pos, taken)):
        if n.approx is not None:
            out.append(new_quantity(n.start, n.end, text[n.start:n.end], frozenset(), "approx", n.approx, strict=n.strict))
        else:
            values = {n.value, n.value + 0.5} if n.half else {n.value}
            out.append(new_quantity(n.start, n.end, text[n.start:n.end], frozenset(_key(v) for v in values), "words",
                                strict=n.strict))
    return out


def _roman_quantities(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    if not _ROMAN_HINT.search(text):
        return out
    vals = _ROMAN_VALUES
    for m in _ROMAN_RE.finditer(text):
        if not m.group(0) or _inside(m.start(), taken):
            continue
        s = m.group(0)
        total = 0
        for i, ch in enumerate(s):
            v = vals[ch]
            total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
        out.append(new_quantity(m.start(), m.end(), s, frozenset({float(total)}), "roman", strict=False))
    return out


@functools.lru_cache(maxsize=64)
def quantities(text: str, lang: str | None) -> tuple[Quantity, ...]:
    """Every quantity of `text` in language `lang`, in text order."""
    lang = lang or "en"
    # Most patterns need a digit. The digits ascii_digits maps are all \d: a text without \d
    # has none to map, and one with \d still has a digit after the mapping.
    has_digit = text_has_digit(text)
    norm = ascii_digits(text) if has_digit else text
    taken = [(m.start(), m.end()) for m in _URL_RE.finditer(norm)] if may_have_url(norm) else []
    words = number_words(lang)
    runs = digit_run_spans(norm) if has_digit else []
    found = _clock_quantities(norm, lang, taken, runs)
    found += _phrase_quantities(norm, lang, words, taken)
    found += _digit_quantities(norm, lang, words, taken, runs)
    if lang in CJK_LANGS:
        found += _cjk_quantities(norm, lang, taken)
    else:
        distinct = word_set(norm)  # read by both the number words and the compounds
        found += _word_quantities(norm, lang, words, taken, distinct)
        found += _roman_quantities(norm, taken)
        if lang in COMPOUNDING_LANGS:
            found += _compound_prefixes(norm, lang, words, taken, distinct)
    if not found:
        return ()
    return tuple(sorted(mark_centuries(norm, found), key=lambda q: q.start))
