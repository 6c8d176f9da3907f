"""Regenerate the sample reports in this folder (the goldens the reporter tests compare with).

    .venv/bin/python reports/regenerate.py          # rewrite the files
    .venv/bin/python reports/regenerate.py --check  # exit 1 if any file is out of date

Each report is what `mtqa check` prints for the bundled sample article (no input given),
rendered in-process so the output is byte-for-byte what the CLI writes. The rules are a fixed
selection, the codes that fire on the sample: the reports list the selected rules (JSON run
header, SARIF descriptors, HTML legend), so with `ALL` every new rule would rewrite every golden.
"""
from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: The rules the sample reports are rendered with: exactly the codes that fire on the sample at
#: the default confidence, on their own or as evidence folded into another finding
#: (tests/reporters/test_goldens.py checks each one still does). Extend it by hand, on purpose.
RULES = ("QT001", "QT003", "QT004", "QT005", "QT006", "SP001", "CA001", "BP001", "BP002", "BP003",
         "BP005", "BP006", "RP001", "CO001", "OM002", "RF001", "RF005")

_BASE = ["check", "--isolated", "--select", ",".join(RULES)]

#: file name -> mtqa arguments
REPORTS = {
    "sample.json": [*_BASE, "--format", "json"],
    "sample.txt": [*_BASE, "--no-color", "--width", "80"],
    "sample.jsonl": [*_BASE, "--format", "jsonl"],
    "sample.sarif": [*_BASE, "--format", "sarif"],
    "sample.junit.xml": [*_BASE, "--format", "junit"],
    "sample.github.txt": [*_BASE, "--format", "github"],
    "sample.md": [*_BASE, "--format", "markdown"],
    "sample.html": [*_BASE, "--format", "html"],
}


def render(args: list[str]) -> str:
    from mtqa.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    if code not in (0, 1):
        raise SystemExit(f"mtqa {' '.join(args)} failed ({code}): {err.getvalue()}")
    return out.getvalue()


def render_all() -> dict[str, str]:
    return {name: render(args) for name, args in REPORTS.items()}


def main(argv: list[str]) -> int:
    stale = []
    for name, text in render_all().items():
        path = HERE / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote reports/{name}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run reports/regenerate.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
