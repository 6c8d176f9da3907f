"""NU: numbers, quantities and dates that differ between the source and the translation, and
numbers written in a foreign locale's format.

A changed number is the error that string metrics miss most and that hurts a news reader most
(casualty figures, money, dates). Source and translation quantities are compared by value,
under every reading their locale allows (see mtqa.text.numbers), so `20 000`, `20,000`,
`twenty thousand` and `2万` agree, and vague quantities agree with vague ones of the same order
(`centaines` and `hundreds`).
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

from mtqa.align import pairs
from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import literals
from mtqa.text.number_hints import NON_DIGIT_RE, digit_run_spans, has_digit, keyword_text
from mtqa.text.scripts import main_script


@functools.cache
def _import_number_readers() -> None:
    """Imports the number readers into this module on the first run of a rule that compares
    numbers with the source.

    Only NU004 runs without a source, and it needs none of them: importing mtqa.text.numbers and
    mtqa.text.codes (with the clock, number-phrase and CJK numeral readers) was ~15 ms of a
    target-only run's start-up. Every function below that uses these names is reached only from
    NU001-NU003, which call this first, or from mtqa.checks.reference, whose rules call its own
    importer of mtqa.text.numbers first (Quantity is named only in annotations, which are not
    evaluated); the names are then plain globals (no import statement on each call).
    """
    global month_stems, codes, digit_runs, Quantity, quantities, within_century
    from mtqa.text.codes import codes, digit_runs
    from mtqa.text.number_words import month_stems
    from mtqa.text.numbers import Quantity, quantities, within_century

_ENGLISH_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_ENGLISH_MONTHS.update({m[:3]: i for m, i in list(_ENGLISH_MONTHS.items()) if m not in ("may",)})
_ENGLISH_MONTHS["sept"] = 9
# "May" and "March" are also a verb/modal: count them as months only next to a number or after
# a word that introduces a date.
_AMBIGUOUS_MONTHS = {"may", "march", "mar"}
# A trie of the names (mtqa.text.literals): the longest name first at each position, as the
# longest-first alternation did, without trying 27 names at every position.
_MONTH_RE = re.compile(r"\b(" + literals.alternation(_ENGLISH_MONTHS) + r")\b\.?", re.I)
# Every name and abbreviation starts with one of these: a text without any has no month.
_MONTH_HEADS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT_AFTER_RE = re.compile(r"\s?\d")
_DATE_CONTEXT_RE = re.compile(r"(?:\b(?:in|on|since|until|till|by|from|to|of|last|next|early|mid|late|end|"
                              r"before|after|during|through)\s+|\d\s*)$", re.I)
_CJK_MONTH_RE = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s?月")
_CJK_MONTH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                     "十一": 11, "十二": 12}


def _fmt(q: Quantity) -> str:
    """A quantity's value written the English way, for suggestions."""
    if q.approx:
        return {10: "dozens", 100: "hundreds", 1000: "thousands", 1e6: "millions"}.get(q.approx, q.text)
    v = max(q.values)
    if v == int(v):
        return str(int(v)) if v < 10000 else f"{int(v):,}"  # years stay 1985, not 1,985
    return f"{v:,}"


_CJK_DATE_AFTER = re.compile(r"\s?[年月日号號]")
_DATE_PART_AFTER_RE = re.compile(r"[./-]\d{1,2}(?:[./-]\d{2,4})?\b")
_DATE_PART_BEFORE_RE = re.compile(r"\d[./-]$")


@functools.cache
def _cjk_char_re() -> re.Pattern:
    """CJK characters. Compiled on first use: `re` builds this class's table of 28k code points in
    Python (~1.6 ms of every start-up), and only a comparison with a source or reference needs it."""
    return re.compile(r"[\u3000-\u9fff]")


_HYPHEN_WORD_RE = re.compile(r"-\w")
_MONTH_NEAR_RE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$|^\s*(?:jan|feb|mar|apr|"
                            r"may|jun|jul|aug|sep|oct|nov|dec)", re.I)


def _in_date(text: str, q: Quantity) -> bool:
    """A digit string that is part of a date (17 July, 7月17日, 17.07.2020): a day or month is
    read by a fragile parse and MT writes dates in more ways than numbers."""
    if _CJK_DATE_AFTER.match(text, q.end):
        return True
    if _DATE_PART_AFTER_RE.match(text[q.end:]) or _DATE_PART_BEFORE_RE.search(text[:q.start]):
        return True
    near = text[max(0, q.start - 12):q.start] + "|" + text[q.end:q.end + 12]
    before, _, after = near.partition("|")
    return bool(_MONTH_NEAR_RE.search(before) or _MONTH_NEAR_RE.match(after))


def confidence(q: Quantity, text: str, others: tuple[Quantity, ...]) -> Confidence:
    """How much a quantity with no counterpart on the other side is worth, from how it was found.

    High: digits or number words with one reading and no unit to convert (`1985` against `1995`,
    `quarante` against nothing). Medium: a number that parses several ways (`1.500`), a clock
    time, an ordinal, a day or month inside a date, a CJK numeral in characters, a number word
    in a compound modifier (`three-dimensional`, often rendered as one compound word). Low: a
    vague quantity (`hundreds`), a fragile parse (a numeral in a compound, a CJK time in
    characters), a number whose unit a translation converts (feet to metres)."""
    imperial = (q.convert or 0) > 0 or (q.convert and any((o.convert or 0) > 0 for o in others))
    if q.fragile or q.kind == "approx" or imperial:
        return Confidence.LOW
    if q.kind in ("time", "ordinal", "roman") or _in_date(text, q):
        return Confidence.MEDIUM
    if q.kind == "digits" and len(q.values) > 1:
        return Confidence.MEDIUM
    if q.kind == "words" and _cjk_char_re().search(q.text):
        return Confidence.MEDIUM  # CJK numerals: 一/十 write idioms and words that are not counts
    if q.kind == "words" and _HYPHEN_WORD_RE.match(text[q.end:q.end + 2]):
        return Confidence.MEDIUM  # three-dimensional, eight-foot: translated as one compound
    return Confidence.HIGH


def _unmatched(side: tuple[Quantity, ...], other: tuple[Quantity, ...], strict_only: bool):
    for q in side:
        if strict_only and not q.strict:
            continue
        if q.kind == "roman":
            continue
        if not any(q.agrees_with(o) for o in other):
            yield q


@functools.lru_cache(maxsize=None)
def _month_stem_regex(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    stems = month_stems(lang)
    if not stems:
        return None, {}
    # A trie matches the longest stem at each position, as the longest-first alternation did.
    return re.compile(rf"(?<![^\W\d_])(?:{literals.alternation(stems)})"), stems


_CJK_MONTH_DIGIT_MAP = {0xFF10 + i: str(i) for i in range(10)}


@functools.lru_cache(maxsize=64)  # NU001 and NU003 read the same source: one pass a segment
def _source_months(src: str, lang: str | None) -> frozenset[int]:
    """Months the source names: a word that starts with a month's stem (inflections included)."""
    months = set()
    regex, stems = _month_stem_regex(lang or "en")
    if regex is not None:
        low = src.lower()
        for m in regex.finditer(low):
            months.add(stems[m.group(0)])
            # A shorter stem may stand for another month (Czech červen / červenec).
            for stem, num in stems.items():
                if num not in months and low.startswith(stem, m.start()):
                    months.add(num)
    if "月" in src:  # what _CJK_MONTH_RE needs
        for m in _CJK_MONTH_RE.finditer(src.translate(_CJK_MONTH_DIGIT_MAP)):
            g = m.group(1)
            months.add(int(g) if g.isdigit() else _CJK_MONTH_DIGITS.get(g, 0))
    return frozenset(months)


@functools.lru_cache(maxsize=64)  # NU002 and NU003 read the same translation
def hyp_months(hyp: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, month number) of English month names that really are months."""
    low = keyword_text(hyp)
    if not any(h in low for h in _MONTH_HEADS):
        return ()
    return tuple(_hyp_months(hyp))


def _hyp_months(hyp: str) -> Iterator[tuple[int, int, int]]:
    for m in _MONTH_RE.finditer(hyp):
        word = m.group(1)
        low = word.lower()
        if low in _AMBIGUOUS_MONTHS:
            if not word[0].isupper():
                continue
            after = hyp[m.end():m.end() + 3]
            if not (_DATE_CONTEXT_RE.search(hyp[max(0, m.start() - 12):m.start()]) or _DIGIT_AFTER_RE.match(after)):
                continue
        elif not word[0].isupper():
            continue
        yield m.start(), m.start() + len(word), _ENGLISH_MONTHS[low]


def _reference_quantities(segment: Segment) -> tuple[Quantity, ...]:
    """Quantities of the references: a second witness. A number the reference has is not an
    error of the translation, whatever the source comparison says."""
    return tuple(q for r in segment.refs if r for q in quantities(r, segment.tgt_lang))



@rule("NU001", "number-not-in-source", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("src",))
def number_not_in_source(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a number in the translation that no number of the source supports.

    ## What it does
    Reads every quantity of the translation (digits in any locale format, times, number words,
    vague quantities like "hundreds") and of the source (in its own language: `20 000`,
    `2,5 milliards`, `quatre-vingts`, `osiemnaście`, `6000万`), and flags a translation quantity
    whose value matches no source quantity under any reading. The words for one and two are not
    flagged (they also render articles and "both"). Times agree on the 12- and 24-hour clock,
    centuries with their years, feet with metres give or take rounding. The finding's confidence
    follows the evidence (see `confidence`): high for digits or number words with one reading,
    medium for times, dates, ordinals and CJK numerals, low for vague quantities and converted units.

    ## Why is this bad?
    A wrong number in a wire (a year, a death toll, an amount) is a critical error that fluent
    output hides and that BLEU or chrF barely notice.

    ## Example
    hyp: The consulate in Marseille opened in 1995.
    src: Le consulat de Marseille a ouvert en 1985.
    src_lang: fr
    Use instead:
    hyp: The consulate in Marseille opened in 1985.
    """
    _import_number_readers()
    ref_q = None
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        hyp_q = quantities(segment.hyp[hs:he], segment.tgt_lang)
        src_q = quantities(segment.src[ss:se], segment.src_lang)
        # The source's quantities support most numbers: the references and the source's months
        # are read only for one they do not (a quantity is unmatched when no witness agrees).
        unsupported = list(_unmatched(hyp_q, src_q, strict_only=True))
        if unsupported:
            if ref_q is None:
                ref_q = _reference_quantities(segment)
            # A month the source names supports its number in a numeric date (9/11, 11.09.2001).
            src_months = tuple(Quantity(0, 0, "", frozenset({float(m)}), "month", strict=False)
                               for m in _source_months(segment.src[ss:se], segment.src_lang))
            unsupported = list(_unmatched(unsupported, ref_q + src_months, strict_only=True))
        missing = list(_unmatched(src_q, hyp_q, strict_only=True)) if unsupported else []
        for q in unsupported:
            hint = f"; the source has {', '.join(m.text for m in missing)}" if missing else ""
            suggestion = _fmt(missing[0]) if len(missing) == 1 else None
            yield Hit(hs + q.start, hs + q.end, f"“{q.text}” matches no number in the source{hint}",
                      suggestion=suggestion, confidence=confidence(q, segment.hyp[hs:he], src_q),
                      related=tuple(("src", ss + m.start, ss + m.end) for m in missing))
        # A code has a digit (codes() tests it too; has_digit is the test of quantities, cached).
        hyp_codes = codes(segment.hyp[hs:he], segment.tgt_lang) if has_digit(segment.hyp[hs:he]) else []
        if not hyp_codes:
            continue  # the source's digits and script matter only for a code of the translation
        src = segment.src[ss:se]
        src_digits = digit_runs(src) | {d for r in segment.refs if r for d in digit_runs(r)}
        # Codes are kept as they are between Latin-script languages; from Chinese, Japanese or
        # Hindi, COVID-19 is often written in words (新冠肺炎), so only a source that writes codes
        # itself is asked to match them.
        if main_script(src) not in ("Latin", "Cyrillic", None) and not codes(src, segment.src_lang):
            continue
        for start, end, code in hyp_codes:
            if not digit_runs(code) <= src_digits:
                yield Hit(hs + start, hs + end, f"the digits of “{code}” match nothing in the source")


@rule("NU002", "source-number-missing", severity=Severity.CRITICAL, category="accuracy/omission",
      needs=("src",), defers_to=("NU001",))
def source_number_missing(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a number of the source that has no counterpart in the translation.

    ## What it does
    Flags, in the source, a quantity whose value appears nowhere in the translation, in digits
    or in words. The finding points into the source (field `src`). Numbers inside codes and
    names (A4, MH17), the words for one and two, and numerals that are part of idioms are not
    required.

    ## Why is this bad?
    A figure dropped or changed in translation misinforms the reader; pointing at the source
    figure tells the editor exactly what to restore.

    ## Example
    hyp: There were many deaths in the attack, the governor said.
    src: Il y a eu 40 morts dans l'attaque, a déclaré le gouverneur.
    src_lang: fr
    Use instead:
    hyp: There were 40 deaths in the attack, the governor said.
    """
    _import_number_readers()
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        hyp_text = segment.hyp[hs:he]
        hyp_q = quantities(hyp_text, segment.tgt_lang)
        # Months and references are read only for a source number the translation's numbers
        # leave unmatched (a quantity is unmatched when no witness agrees).
        unmatched = list(_unmatched(quantities(segment.src[ss:se], segment.src_lang), hyp_q, strict_only=True))
        if not unmatched:
            continue
        months = {m for *_, m in hyp_months(hyp_text)}
        month_q = tuple(Quantity(0, 0, "", frozenset({float(m)}), "month", strict=False) for m in months)
        ref_q = _reference_quantities(segment)
        for q in _unmatched(unmatched, month_q, strict_only=True):
            if any(within_century(q, h) for h in hyp_q):
                continue  # "19. Jahrhundert" rendered inside "the 1850s"
            if segment.refs and not any(q.agrees_with(r) for r in ref_q):
                continue  # the reference renders it no more visibly: our reading failed, not the MT
            yield Hit(ss + q.start, ss + q.end, f"the source's “{q.text}” has no counterpart in the translation",
                      field="src", confidence=confidence(q, segment.src[ss:se], hyp_q))


@rule("NU003", "month-not-in-source", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("src",))
def month_not_in_source(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a month in the translation that the source does not mention.

    ## What it does
    Finds English month names in the translation ("May" and "March" only when they are
    dates) and flags one that matches no month of the source: a month name in the source
    language, a CJK `7月`, or a number from 1 to 12 that may be written as a date.

    ## Why is this bad?
    A wrong month moves an event in time; it is as critical as a wrong number.

    ## Example
    hyp: The vote will take place in June, the government said.
    src: Le vote aura lieu en juillet, a indiqué le gouvernement.
    src_lang: fr
    Use instead:
    hyp: The vote will take place in July, the government said.
    """
    _import_number_readers()
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        found = hyp_months(segment.hyp[hs:he])
        if not found:
            continue  # no month in the translation: nothing to look for in the source
        src = segment.src[ss:se]
        src_months = _source_months(src, segment.src_lang)
        small = {int(v) for q in quantities(src, segment.src_lang) for v in q.values if v == int(v) and 1 <= v <= 12}
        ref_months = {m for r in segment.refs for *_, m in hyp_months(r)}
        for start, end, month in found:
            if month not in src_months and month not in small and month not in ref_months:
                yield Hit(hs + start, hs + end, f"“{segment.hyp[hs + start:hs + end]}” is a month the source does not mention")


_DECIMAL_COMMA_RE = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{1,2})(?![\d,])(?=\s?(?:%|per|million|billion|trillion|percent|[a-z]))")
_THOUSANDS_SPACES = frozenset(" \u00a0\u202f\u2009")  # the separators of _SPACE_THOUSANDS_RE
_SPACE_THOUSANDS_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.]\d)")
_TWO_YEARS_RE = re.compile(r"\d{4}\s\d{4}")
_FRENCH_TIME_RE = re.compile(r"(?<![\d:])([01]?\d|2[0-3])\s?h\s?([0-5]\d)(?!\d)")


def _format_hints(text: str) -> tuple[bool, bool, bool]:
    """Whether _DECIMAL_COMMA_RE, _SPACE_THOUSANDS_RE and _FRENCH_TIME_RE can match `text`.
    Each begins with a lookbehind, tried at every position of the text; what each needs right
    after a run of digits (maximal, so the next character is no digit) is tested here: a comma
    then a digit (2,5), a space then a digit (20 000), h or a space and h (14 h 30; \\s is
    str.isspace)."""
    runs = digit_run_spans(text)
    between = {text[end] for (_, end), (start, _) in zip(runs, runs[1:]) if start == end + 1}
    hours = any(text[end:end + 1] == "h" or (text[end:end + 1].isspace() and text[end + 1:end + 2] == "h")
                for _, end in runs)
    return "," in between, not between.isdisjoint(_THOUSANDS_SPACES), hours


@rule("NU004", "foreign-number-format", severity=Severity.MINOR, category="locale-convention/number-format",
      languages=("en",))
def foreign_number_format(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a number written in a continental European format in English text.

    ## What it does
    Finds a decimal comma before a unit or scale word (`2,5 million`, `3,5%`), spaces as
    thousands separators (`20 000`), and French clock times (`14 h 30`), and suggests the
    English form.

    ## Why is this bad?
    English readers take `2,5` for a list or a typo and `20 000` for two numbers; MT often
    copies the source's number format.

    ## Example
    hyp: Inflation reached 2,5 % in May and 20 000 jobs were cut.
    Use instead:
    hyp: Inflation reached 2.5% in May and 20,000 jobs were cut.
    """
    text = segment.hyp
    if not has_digit(text):
        return  # each of the three patterns needs a digit
    comma, spaces, hours = _format_hints(text)
    if comma:
        for m in _DECIMAL_COMMA_RE.finditer(text):
            yield Hit(m.start(), m.end(), "decimal comma in English text", suggestion=f"{m.group(1)}.{m.group(2)}")
    if spaces:
        for m in _SPACE_THOUSANDS_RE.finditer(text):
            if _TWO_YEARS_RE.search(text[max(0, m.start() - 5):m.end() + 5]):
                continue  # two years side by side, not a grouped number
            digits = NON_DIGIT_RE.sub("", m.group(0))
            yield Hit(m.start(), m.end(), "spaces as thousands separators", suggestion=f"{int(digits):,}")
    if hours:
        for m in _FRENCH_TIME_RE.finditer(text):
            yield Hit(m.start(), m.end(), "French time format", suggestion=f"{m.group(1)}:{m.group(2)}")
