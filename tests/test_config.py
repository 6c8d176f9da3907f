"""Configuration files: discovery, precedence of the command line, validation, project data."""
from __future__ import annotations

import pytest

from mtqa.config import settings as config
from tests.test_cli import RECORDS, write_jsonl


def _error(r):
    assert r.code == 2 and r.out == "", r.err
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtqa: error: ") and "Traceback" not in r.err
    return lines[0]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project directory with a batch file; the tests chdir into it."""
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "b.jsonl", RECORDS)
    return tmp_path


def rules_of(report):
    return {f["rule"] for s in report["segments"] for f in s["findings"]}


def test_pyproject_table_is_found_from_a_subdirectory(cli, project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.mtqa]\nselect = ["SP"]\nignore = ["SP002"]\ntgt-lang = "en"\n',
                                            encoding="utf-8")
    sub = project / "deep" / "er"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    report = cli("check", project / "b.jsonl", "--format", "json").json
    assert rules_of(report) == {"SP001"}
    assert report["run"]["config"] == str(project / "pyproject.toml")
    assert report["run"]["languages"]["tgt"] == "en" and "tgt" not in report["run"]["languages"]["detected"]


def test_mtqa_toml_wins_over_pyproject_and_pyproject_without_table_is_skipped(project):
    (project / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n', encoding="utf-8")
    assert config.find(project) is None
    (project / "mtqa.toml").write_text('select = ["QT"]\n', encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.mtqa]\nselect = ["SP"]\n', encoding="utf-8")
    assert config.find(project) == project / "mtqa.toml"
    assert config.load(cwd=str(project)).values["select"] == ["QT"]


def test_command_line_overrides_the_file(cli, project):
    (project / "mtqa.toml").write_text('select = ["SP"]\nfail-on = "never"\nmetrics = ["chrf"]\n', encoding="utf-8")
    from_file = cli("check", "b.jsonl", "--format", "json", "--tgt-lang", "en")
    assert from_file.code == 0 and rules_of(from_file.json) == {"SP001", "SP002"}
    assert set(from_file.json["summary"]["metrics"]) == {"chrf"}
    flags = cli("check", "b.jsonl", "--format", "json", "--tgt-lang", "en", "--select", "QT,OM", "--fail-on", "critical")
    assert flags.code == 1 and rules_of(flags.json) == {"QT001", "OM001"}
    isolated = cli("check", "b.jsonl", "--format", "json", "--tgt-lang", "en", "--isolated")
    assert "config" not in isolated.json["run"] and isolated.code == 1


def test_explicit_config_file(cli, project, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "ci.toml"
    other.write_text('ignore = ["ALL"]\n', encoding="utf-8")
    r = cli("check", "b.jsonl", "--format", "json", "--config", other, "--tgt-lang", "en")
    assert r.code == 0 and r.json["run"]["rules"] == []


def test_severity_overrides(cli, project):
    (project / "mtqa.toml").write_text('[severity]\nSP = "major"\nSP002 = "critical"\nOM001 = "minor"\n',
                                       encoding="utf-8")
    report = cli("check", "b.jsonl", "--format", "json", "--tgt-lang", "en", "--fail-on", "critical").json
    sev = {(s["id"], f["rule"]): f["severity"] for s in report["segments"] for f in s["findings"]}
    assert sev[("b", "SP001")] == "major" and sev[("b", "SP002")] == "critical" and sev[("c", "OM001")] == "minor"
    assert report["run"]["severities"]["SP002"] == "critical" and report["summary"]["verdict"] == "fail"
    by_id = {s["id"]: s for s in report["segments"]}
    assert by_id["c"]["score"] == 1.0, "scores follow the configured severity"


def test_project_data_rules(cli, project):
    (project / "mtqa.toml").write_text(
        '[project]\nboilerplate = ["took place"]\ndo-not-translate = ["Le vote"]\n'
        'glossary = { "parti" = "departed", "hier" = ["yesterday", "the day before"] }\n', encoding="utf-8")
    report = cli("check", "b.jsonl", "--format", "json", "--tgt-lang", "en").json
    found = {(s["id"], f["rule"], f["field"], f["text"]) for s in report["segments"] for f in s["findings"]}
    assert ("b", "PJ001", "hyp", "took place") in found
    assert ("b", "PJ003", "src", "Le vote") in found
    assert ("a", "PJ002", "src", "parti") in found
    assert not any(r == "PJ002" and t == "hier" for _, r, _, t in found), "“yesterday” satisfies “hier”"


@pytest.mark.parametrize("text,expected", [
    ('colour = "red"\n', "mtqa.toml: unknown key 'colour'"),
    ('[project]\nglosary = {}\n', "mtqa.toml: unknown key 'project.glosary'"),
    ('select = ["XX9"]\n', "mtqa.toml: 'select' unknown rule code or prefix 'XX9'"),
    ('fail-on = "sometimes"\n', "mtqa.toml: 'fail-on' must be one of"),
    ('min-chrf = "high"\n', "mtqa.toml: 'min-chrf' must be a number"),
    ('metrics = ["meteor"]\n', "mtqa.toml: 'metrics' unknown metric 'meteor'"),
    ('[severity]\nQT001 = "fatal"\n', "mtqa.toml: 'severity' QT001: unknown severity 'fatal'"),
    ('[project]\nglossary = { "a" = [] }\n', "'project.glossary' 'a': give a target term"),
    ('select = [\n"QT"\n\n= 3\n', "mtqa.toml:4: invalid TOML"),
])
def test_bad_configuration_is_one_line_naming_file_and_key(cli, project, text, expected):
    (project / "mtqa.toml").write_text(text, encoding="utf-8")
    assert expected in _error(cli("check", "b.jsonl", "--format", "json"))


def test_unknown_key_in_pyproject_names_the_full_key(cli, project):
    (project / "pyproject.toml").write_text('[tool.mtqa]\nfail_on = "minor"\n', encoding="utf-8")
    msg = _error(cli("check", "b.jsonl", "--format", "json"))
    assert "pyproject.toml: unknown key 'tool.mtqa.fail_on'" in msg


def test_missing_explicit_config(cli, project):
    assert "nope.toml: no such configuration file" in _error(cli("check", "b.jsonl", "--config", "nope.toml"))


def test_readme_configuration_example_is_valid(tmp_path):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    cfg = config.read(tmp_path / "pyproject.toml")
    assert cfg.values["min-chrf"] == 50 and cfg.values["severity"]["QT002"].label == "minor"
    assert cfg.project.do_not_translate == ("Le Monde", "Shahed") and len(cfg.project.glossary) == 1
