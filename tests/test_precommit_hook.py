"""The shipped .pre-commit-hooks.yaml runs the CLI the way pre-commit does: entry, args, then
the matching staged files as arguments, one batch."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys

from tests.conftest import ROOT
from tests.test_interchange import PO, XLIFF_12


def hooks() -> list[dict]:
    """The hook list; a small reader for the flat YAML subset the file uses (no PyYAML needed)."""
    out: list[dict] = []
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^(- |  )(\w+): (.*)$", line)
        assert m, f"unexpected line {line!r}"
        if m[1] == "- ":
            out.append({})
        value = m[3]
        if value.startswith("["):
            value = [v.strip() for v in value.strip("[]").split(",") if v.strip()]
        out[-1][m[2]] = value
    return out


def test_hook_definition():
    (hook,) = hooks()
    assert hook["id"] == "mtqa" and hook["language"] == "python"
    assert hook["entry"] == "mtqa check"
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.xlf", "b/c.xliff", "m.tmx", "fr/messages.po"))
    assert not any(files.search(n) for n in ("setup.py", "data.csv", "notes.txt"))


def _run_hook(tmp_path, *files):
    (hook,) = hooks()
    program, *entry_args = shlex.split(hook["entry"])
    assert program == "mtqa"  # the console script; run here as `python -m mtqa`, its equivalent
    cmd = [sys.executable, "-m", "mtqa", *entry_args, *hook.get("args", []), *map(str, files)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)


def test_hook_fails_a_commit_with_findings_and_passes_a_clean_one(tmp_path):
    (tmp_path / "wire.xlf").write_text(XLIFF_12, encoding="utf-8")
    (tmp_path / "messages.po").write_text(PO, encoding="utf-8")
    bad = _run_hook(tmp_path, "wire.xlf", "messages.po")
    assert bad.returncode == 1, bad.stderr
    assert "wire.xlf:u3" in bad.stdout and "OM001" in bad.stdout, "findings name file and unit"
    assert "\x1b[" not in bad.stdout
    (tmp_path / "clean.po").write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Oui."\nmsgstr "Yes."\n',
                                       encoding="utf-8")
    good = _run_hook(tmp_path, "clean.po")
    assert good.returncode == 0, good.stdout + good.stderr
