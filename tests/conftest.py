"""Shared fixtures: paths to the bundled corpora, the report schema, and an in-process CLI runner."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WIRES = ROOT / "corpora" / "wires"
SAMPLE_HYP = WIRES / "drones-alabuga.en.txt"
SAMPLE_REF = WIRES / "drones-alabuga.ref.en.txt"
SCHEMA_PATH = ROOT / "mtqa" / "schema" / "mtqa-report-1.schema.json"


@pytest.fixture(scope="session")
def report_validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run `mtqa ARGS` in-process; returns exit code, stdout and stderr."""
    from mtqa.cli.main import main

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        if stdin is not None:
            import io
            import sys

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
