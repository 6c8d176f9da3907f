"""The garbage collector during the command's start-up: paused, then resumed without the
start-up's objects.

Importing the rules, compiling their regexes and reading the word lists makes tens of thousands
of objects (functions, classes, dicts, tuples) that live as long as the process, and almost no
garbage cycles. The collector, triggered by every 700 new objects, goes over them again and
again and finds nothing (~40 passes, ~5 ms of a one-segment check; on a 10,000-segment batch
its passes over the same objects cost ~10 ms more). So `mtqa` pauses it when the command starts
(`pause`), and when the command starts on its input (`resume`) moves every object alive then
out of its reach (`gc.freeze`, the standard library's tool for this, which also spares worker
processes forked later copying the pages these objects sit in) and collects as usual from there.
When the command ends through the interpreter's ordinary exit, `thaw` first hands the frozen
objects back (and resumes a collector still paused), so that the exit's last collection
finalises them as it would have. Only the command's own process does any of this: `main(argv)`
called in-process (tests, scripts) leaves the caller's collector alone.
"""
from __future__ import annotations

import gc

_paused = False
_frozen = False


def pause() -> None:
    """Stop collecting until `resume` (unless something else already stopped the collector)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect again, leaving out every object alive now; does nothing unless `pause` paused."""
    global _paused, _frozen
    if _paused:
        _paused = False
        gc.freeze()
        _frozen = True
        gc.enable()


def thaw() -> None:
    """The collector as the command found it (before the interpreter's exit): collecting, with
    the objects `resume` froze given back (a command that ended before `resume` never froze any)."""
    global _paused, _frozen
    if _paused:
        _paused = False
        gc.enable()
    if _frozen:
        _frozen = False
        gc.unfreeze()
