"""A quantity found in text, and when two quantities agree: the same value under some reading,
vague quantities of neighbouring orders, a unit converted between imperial and metric, a
century and its years written as a century."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    values: frozenset[float]
    kind: str                 # digits | time | words | ordinal | roman | approx
    approx: float | None = None  # order of a vague quantity: 10, 100, 1000...
    strict: bool = True       # demand a counterpart on the other side
    alt: frozenset[float] = frozenset()  # other spellings of the same value: 90 for 1990
    #: found by a parse that often misreads (a numeral in a compound, a CJK time in words, a
    #: homograph): enough to support the other side, too weak to ground a confident finding
    fragile: bool = False
    #: the unit after the number converts: > 0 an imperial unit (value x convert = metric value),
    #: < 0 a metric one; MT into or out of English converts feet to metres, miles to km
    convert: float | None = None
    #: followed by a word for century (XVe siècle, 19. Jahrhundert, 15th century): the years of
    #: that century agree with it (1850s for the 19th)
    century: bool = False

    def agrees_with(self, other: "Quantity") -> bool:
        if (self.values | self.alt) & (other.values | other.alt):
            return True
        for a, b in ((self, other), (other, self)):
            # A century supports its years written as a century (the 1400s), not a decade or a
            # year of it: "the 1940s" is not supported by "XX wieku" (see `within_century`).
            if a.century and any(v == (n - 1) * 100 for n in a.values for v in b.values):
                return True
            if a.convert and a.convert > 0 and (b.convert or 0) < 0:
                # 120 feet ~ 40 metres, an eight-foot robot ~ 2.5 m: converted and rounded.
                if any(abs(v * a.convert - w) <= 0.2 * w for v in a.values for w in b.values if w > 0):
                    return True
            if a.approx is not None:
                # Vague quantities agree within one order: "lakhs" are rendered as "millions".
                if b.approx is not None and a.approx / 10 <= b.approx <= a.approx * 10:
                    return True
                if any(a.approx <= v < a.approx * 10 for v in b.values):
                    return True
        return False


# Quantity(...) calls the frozen dataclass's __init__, which sets each of the 11 fields with a
# call of object.__setattr__ (4 us a quantity). `new_quantity` fills the same slots through
# their descriptors, in a quarter of the time; the object is the same (equal, same hash and repr).
_NEW = object.__new__
_NO_VALUES: frozenset[float] = frozenset()
# In the order of the dataclass's fields (unpacking fails at import if one is added or removed).
(_set_start, _set_end, _set_text, _set_values, _set_kind, _set_approx, _set_strict, _set_alt, _set_fragile,
 _set_convert, _set_century) = (Quantity.__dict__[f.name].__set__ for f in fields(Quantity))


def new_quantity(start: int, end: int, text: str, values: frozenset[float], kind: str, approx: float | None = None,
                 strict: bool = True, alt: frozenset[float] = _NO_VALUES, fragile: bool = False,
                 convert: float | None = None, century: bool = False) -> Quantity:
    """Quantity(start, end, ...), with the same arguments and defaults, made faster."""
    q = _NEW(Quantity)
    _set_start(q, start)
    _set_end(q, end)
    _set_text(q, text)
    _set_values(q, values)
    _set_kind(q, kind)
    _set_approx(q, approx)
    _set_strict(q, strict)
    _set_alt(q, alt)
    _set_fragile(q, fragile)
    _set_convert(q, convert)
    _set_century(q, century)
    return q


# A word for century after an ordinal (digits, Roman numeral or word) in the supported languages.
_CENTURY_RE = re.compile(r"[a-zèé.]{0,3}\s*(?:siècles?|jahrhunderts?|century|centuries|secolo|siglo|século|"
                         r"wiek[a-zu]*|stolet[íi]\w*|stol\.|век\w*|世纪|世紀|सदी|शताब्दी)", re.I)


def mark_centuries(text: str, found: list["Quantity"]) -> list["Quantity"]:
    return [replace(q, century=True) if q.kind in ("digits", "roman", "ordinal") and _CENTURY_RE.match(text, q.end)
            else q for q in found]


def within_century(century: Quantity, other: Quantity) -> bool:
    """Whether `other` is a year of the century `century` (1850 for the 19. Jahrhundert): the
    century is rendered by it, though the year needs more than the century to be supported."""
    return century.century and any((n - 1) * 100 <= v < n * 100 for n in century.values for v in other.values)


def _key(v: float) -> float:
    return round(float(v), 6)
