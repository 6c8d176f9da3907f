"""Writing a report or baseline file: all of it or nothing, with the mode a plain write gives.

The text goes to a temporary file next to the target, renamed over it when complete, so a
reader (or a failure, or Ctrl-C) never sees half a report and an existing file is left as it
was until the new one is whole. The temporary file is made with the mode a plain `open(path,
"w")` would give: the target's own mode when it exists, else 0666 less the umask (tempfile's
0600 would keep a CI artifact uploader or a web server running as another user out).

A target that is not a regular file (/dev/stdout, /dev/null, a named pipe) is written in
place: renaming over it would replace the device or pipe itself. A symbolic link is followed,
as a plain write would. Every failure is an InputError naming the file.
"""
from __future__ import annotations

import os
import stat
import tempfile
from typing import Callable, TextIO

from mtqa.io.errors import InputError
from mtqa.run import signals


def _umask() -> int:
    try:  # Linux states it without changing it
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it back at once
    os.umask(mask)
    return mask


def check_target(path: str, what: str = "report") -> None:
    """Refuse, before any work is done, a path the file cannot be written to."""
    target = os.path.realpath(path)
    if os.path.isdir(target):
        raise InputError(path, f"is a directory; give a file name for the {what} (e.g. {os.path.join(path, 'mtqa.json')})")
    parent = os.path.dirname(target) or "."
    if not os.path.isdir(parent):
        raise InputError(path, f"cannot write the {what}: the folder {os.path.dirname(path) or '.'} "
                               "does not exist; create it first")
    exists = os.path.exists(target)
    if exists and not os.access(target, os.W_OK):
        raise InputError(path, f"cannot write the {what}: the file is read-only")
    if not exists and not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(path, f"cannot write the {what}: the folder {os.path.dirname(path) or '.'} "
                               "is not writable")


def atomic_write(path: str, write: Callable[[TextIO], None], what: str = "report") -> None:
    """Call `write(fh)` on a UTF-8 text stream that replaces `path` only once it is complete."""
    check_target(path, what)
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise InputError(path, f"cannot write the {what} ({e.strerror or e})") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            with open(target, "w", encoding="utf-8", errors="replace", newline="\n") as fh:
                write(fh)
        except OSError as e:
            raise InputError(path, f"cannot write the {what} ({e.strerror or e})") from None
        return
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    tmp = None
    try:
        # Made and remembered in one step: an interrupt in between would leave it behind.
        with signals.deferred():
            fd, tmp = tempfile.mkstemp(prefix=".mtqa-", suffix=".tmp", dir=os.path.dirname(target))
        # errors="replace", as on stdout: a file name that is not UTF-8 (a lone surrogate once
        # decoded) can be quoted in the report, and must not make the report unwritable.
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="\n") as fh:
            os.fchmod(fd, mode)
            write(fh)
        with signals.deferred():
            os.replace(tmp, target)
            tmp = None
    except OSError as e:
        raise InputError(path, f"cannot write the {what} ({e.strerror or e})") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
