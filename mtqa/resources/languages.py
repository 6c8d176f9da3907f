"""English names of languages ("fr" -> "French") for messages, from babel's CLDR data
(`babel.Locale("en").languages`), so every language langdetect or a user may name has one."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    # Loaded on first use: most runs never print a language name.
    from babel import Locale

    return dict(Locale("en").languages)


def language_name(code: str) -> str:
    """The English name of a language code; an unknown code is returned as given."""
    return _names().get(code, code)
