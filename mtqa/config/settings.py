"""Configuration: `[tool.mtqa]` in pyproject.toml or an `mtqa.toml`, merged with the command line.

The file is found from the current directory upwards (in each directory `mtqa.toml` first, then
a `pyproject.toml` that has a `[tool.mtqa]` table), or given with `--config FILE`; `--isolated`
ignores configuration files. Command-line flags override the file key by key. The file is
validated in full: an unknown key, a value of the wrong type, an unknown rule code or metric is
an InputError naming the file and the key (exit 2), never silently ignored.

    [tool.mtqa]
    select = ["ALL"]
    ignore = ["SP003"]
    fail-on = "major"
    src-lang = "fr"
    tgt-lang = "en"
    metrics = ["bleu", "chrf"]
    min-chrf = 50
    baseline = "mtqa-baseline.json"      # relative to this file

    [tool.mtqa.severity]
    QT = "major"                         # a family, a prefix or a code; the most specific wins

    [tool.mtqa.project]
    boilerplate = ["Subscribe to our Telegram channel"]
    do-not-translate = ["Le Monde"]
    glossary = { "ministère des Armées" = ["Ministry of the Armed Forces", "Armed Forces Ministry"] }
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mtqa import config as config_package
from mtqa import rules as rules_mod
from mtqa import scoring
from mtqa.config.project import ProjectData
from mtqa.io.errors import InputError
from mtqa.io.limits import (
    MAX_DOCUMENT_BYTES,
    MAX_LINE_BYTES,
    MAX_NUMBER_DIGITS,
    LimitError,
    check_line_lengths,
    check_value,
    line_too_long,
    nesting_error,
)
from mtqa.metrics.names import DEFAULT_METRICS, METRIC_NAMES
from mtqa.model import Confidence, Severity

CONFIG_FILE = "mtqa.toml"
PYPROJECT = "pyproject.toml"
#: --min-chrf / --max-ter ... : (config key, metric, is a minimum)
GATE_OPTIONS = (("min-chrf", "chrf", True), ("min-bleu", "bleu", True), ("max-ter", "ter", False))
_LINE_RE = re.compile(r"at line (\d+)")


class _Invalid(Exception):
    """A bad value; the loader turns it into an InputError naming file and key."""


# ----------------------------------------------------------------------------- value checks

def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise _Invalid("must be a list of strings")


def _selectors(value: Any) -> list[str]:
    try:
        return rules_mod.validate_selectors(_strings(value))
    except ValueError as e:
        raise _Invalid(str(e)) from None


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid("must be true or false")
    return value


def _language(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}", value.strip()):
        raise _Invalid("must be an ISO 639-1 language code such as \"fr\"")
    return value.strip().lower()


def _fail_on(value: Any) -> str:
    if value not in scoring.FAIL_ON_CHOICES:
        raise _Invalid(f"must be one of {', '.join(scoring.FAIL_ON_CHOICES)}")
    return value


def _confidence(value: Any) -> str:
    if value not in CONFIDENCE_CHOICES:
        raise _Invalid(f"must be one of {', '.join(CONFIDENCE_CHOICES)}")
    return value


def _metrics(value: Any) -> list[str]:
    names = _strings(value)
    for n in names:
        if n not in METRIC_NAMES:
            raise _Invalid(f"unknown metric {n!r} (choose from {', '.join(METRIC_NAMES)})")
    return names


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Invalid("must be a number")
    return float(value)


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("must be a file path")
    return value


def _severity_table(value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise _Invalid("must be a table of rule selector = severity")
    out = {}
    for sel, sev in value.items():
        try:
            (norm,) = rules_mod.validate_selectors([sel])
            if not isinstance(sev, str):
                raise ValueError("the severity must be minor, major or critical")
            out[norm] = Severity.parse(sev)
        except ValueError as e:
            raise _Invalid(f"{sel}: {e}") from None
    return out


def _glossary(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise _Invalid('must be a table of "source term" = "target term" or a list of target terms')
    merged: dict[str, list[str]] = {}
    for term, targets in value.items():
        wanted = [targets] if isinstance(targets, str) else targets
        if not term.strip() or not isinstance(wanted, list) or not wanted or \
                not all(isinstance(t, str) and t.strip() for t in wanted):
            raise _Invalid(f"{term!r}: give a target term or a list of target terms")
        merged.setdefault(" ".join(term.split()).casefold(), [term]).extend(wanted)
    return tuple((v[0], tuple(v[1:])) for v in merged.values())


_PROJECT_KEYS: dict[str, Callable[[Any], Any]] = {
    "boilerplate": lambda v: tuple(_strings_strict(v)),
    "glossary": _glossary,
    "do-not-translate": lambda v: tuple(_strings_strict(v)),
}


def _strings_strict(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Invalid("must be a list of non-empty strings")
    return value


CONFIDENCE_CHOICES = ("low", "medium", "high")
#: Findings below this confidence are left out of the report and the gate unless asked for: the
#: level at which major and critical findings are right most of the time on unseen text
#: (README: "Precision"; benchmarks/precision_table.py measures it).
DEFAULT_MIN_CONFIDENCE = "medium"

KEYS: dict[str, Callable[[Any], Any]] = {
    "select": _selectors,
    "ignore": _selectors,
    "preview": _bool,
    "fail-on": _fail_on,
    "min-confidence": _confidence,
    "src-lang": _language,
    "tgt-lang": _language,
    "metrics": _metrics,
    "min-chrf": _number,
    "min-bleu": _number,
    "max-ter": _number,
    "baseline": _path,
    "severity": _severity_table,
    "project": None,  # a table of its own, checked key by key below
}


# ----------------------------------------------------------------------------- files

@dataclass(frozen=True)
class FileConfig:
    path: str
    values: dict[str, Any] = field(default_factory=dict)   # kebab-case key -> checked value
    project: ProjectData = field(default_factory=ProjectData)


def _parse(path: Path) -> dict:
    """The parsed file, within the limits every input is held to (`mtqa.io.limits`)."""
    tomllib = config_package.tomllib()
    try:
        if path.is_dir():
            raise InputError(str(path), "is a directory, not a configuration file")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_DOCUMENT_BYTES + 1)
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise InputError(str(path), f"is larger than {MAX_DOCUMENT_BYTES:,} bytes")
        line = check_line_lengths(raw, MAX_LINE_BYTES)
        if line is not None:
            raise InputError(str(path), line_too_long(MAX_LINE_BYTES), line)
        data = tomllib.loads(raw.decode("utf-8"))
        check_value(data)
        return data
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise InputError(str(path), nesting_error().args[0]) from None
    except LimitError as e:
        raise InputError(str(path), str(e)) from None
    except FileNotFoundError:
        raise InputError(str(path), "no such configuration file") from None
    except OSError as e:
        raise InputError(str(path), f"cannot be read ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not valid UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        m = _LINE_RE.search(str(e))
        raise InputError(str(path), f"invalid TOML ({str(e).split(' (at line')[0]})",
                         int(m.group(1)) if m else None) from None
    except ValueError:  # Python's own limit on reading long integers
        raise InputError(str(path), f"has a number with more than {MAX_NUMBER_DIGITS} digits") from None


def _table(path: Path, data: dict) -> tuple[dict, str] | None:
    """The mtqa table of a parsed file and the prefix its keys are named with, or None."""
    if path.name == PYPROJECT:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "mtqa" not in tool:
            return None
        if not isinstance(tool["mtqa"], dict):
            raise InputError(str(path), "tool.mtqa must be a table")
        return tool["mtqa"], "tool.mtqa."
    return data, ""


def read(path: str | Path) -> FileConfig:
    """Parse and check one configuration file."""
    path = Path(path)
    found = _table(path, _parse(path))
    if found is None:
        raise InputError(str(path), "has no [tool.mtqa] table")
    table, prefix = found
    values: dict[str, Any] = {}
    project = ProjectData()
    for key, value in table.items():
        if key not in KEYS:
            raise InputError(str(path), f"unknown key '{prefix}{key}' (known: {', '.join(KEYS)})")
        if key == "project":
            project = _project(path, prefix, value)
            continue
        try:
            values[key] = KEYS[key](value)
        except _Invalid as e:
            raise InputError(str(path), f"'{prefix}{key}' {e}") from None
    if "baseline" in values:
        values["baseline"] = str((path.parent / values["baseline"]))
    return FileConfig(str(path), values, project)


def _project(path: Path, prefix: str, value: Any) -> ProjectData:
    if not isinstance(value, dict):
        raise InputError(str(path), f"'{prefix}project' must be a table")
    fields = {}
    for key, item in value.items():
        if key not in _PROJECT_KEYS:
            raise InputError(str(path), f"unknown key '{prefix}project.{key}' "
                                        f"(known: {', '.join(_PROJECT_KEYS)})")
        try:
            fields[key.replace("-", "_")] = _PROJECT_KEYS[key](item)
        except _Invalid as e:
            raise InputError(str(path), f"'{prefix}project.{key}' {e}") from None
    return ProjectData(**fields)


def find(start: str | Path) -> Path | None:
    """The nearest configuration file from `start` upwards."""
    here = Path(start).resolve()
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _table(candidate, _parse(candidate)) is not None:
            return candidate
    return None


def load(explicit: str | None = None, isolated: bool = False, cwd: str | None = None) -> FileConfig | None:
    if explicit:
        return read(explicit)
    if isolated:
        return None
    path = find(cwd or os.getcwd())
    return read(path) if path else None


# ----------------------------------------------------------------------------- merge

@dataclass(frozen=True)
class Settings:
    """Everything a check run is configured with, after the command line overrode the file."""

    select: list[str] | None
    ignore: list[str]
    preview: bool
    fail_on: str
    min_confidence: Confidence
    src_lang: str | None
    tgt_lang: str | None
    metrics: tuple[str, ...]
    gates: tuple[scoring.MetricGate, ...]
    severity_selectors: dict[str, Severity]
    project: ProjectData
    baseline: str | None
    config: str | None

    def severities(self, codes) -> dict[str, Severity]:
        """Rule code -> configured severity, for the given codes (the most specific selector wins)."""
        out = {}
        for code in codes:
            best = max((s for s in self.severity_selectors if s == "ALL" or code.startswith(s)),
                       key=lambda s: 0 if s == "ALL" else len(s), default=None)
            if best is not None:
                out[code] = self.severity_selectors[best]
        return out


def resolve(args, cfg: FileConfig | None) -> Settings:
    """Merge parsed command-line arguments (None = not given) over the file's values."""
    file = cfg.values if cfg else {}

    def pick(arg_name: str, key: str, default):
        value = getattr(args, arg_name, None)
        if value is not None:
            return value
        return file.get(key, default)

    metrics = list(pick("metrics", "metrics", list(DEFAULT_METRICS)))
    gates = []
    for key, metric, minimum in GATE_OPTIONS:
        threshold = pick(key.replace("-", "_"), key, None)
        if threshold is not None:
            gates.append(scoring.MetricGate(metric, float(threshold), minimum))
            if metric not in metrics:  # a gate on a metric turns that metric on
                metrics.append(metric)
    return Settings(
        select=pick("select", "select", None),
        ignore=pick("ignore", "ignore", []),
        preview=bool(pick("preview", "preview", False)),
        fail_on=pick("fail_on", "fail-on", "major"),
        min_confidence=Confidence.parse(pick("min_confidence", "min-confidence", DEFAULT_MIN_CONFIDENCE)),
        src_lang=pick("src_lang", "src-lang", None),
        tgt_lang=pick("tgt_lang", "tgt-lang", None),
        metrics=tuple(metrics),
        gates=tuple(gates),
        severity_selectors=dict(file.get("severity", {})),
        project=cfg.project if cfg else ProjectData(),
        baseline=pick("baseline", "baseline", None),
        config=cfg.path if cfg else None,
    )
