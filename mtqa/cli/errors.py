"""The errors a command reports as one line and exit 2, and the one-line rule itself.

Kept apart from `common` (which imports the readers) so that the entry point can name them
without loading anything heavy before its signal handlers are in place.
"""
from __future__ import annotations

import re


class UsageError(Exception):
    """Wrong or conflicting options: exit 2 with one line."""


# Line breaks of every kind and other control characters: a message quotes file names, ids and
# text from the input, and must still be one line a log reader or CI annotation can take.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    """`message` as a single printable line: controls escaped, lone surrogates escaped."""
    message = _CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)
    return message.encode("utf-8", "backslashreplace").decode("utf-8")
