"""InputError: bad input, always reported as one line naming the file (and line)."""
from __future__ import annotations


class InputError(Exception):
    """A problem with the user's input; the CLI prints it as `mtqa: error: FILE:LINE: message`."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"
