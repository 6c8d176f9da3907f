"""Work a run no longer does at start-up, and why each answer stays the same (one test or more
for each shortcut: the list reader, the imports left to the runs that need them, the matchers and
regexes built only for a text that can match them)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from mtqa.checks import boilerplate, kinds
from mtqa.resources import lexicons


def _kept(lines):
    return [line.rstrip("\r\n") for line in lines if line.strip() and not line.strip().startswith("#")]


@pytest.mark.parametrize("path", sorted(p for p in lexicons._DATA.glob("*/*") if p.suffix in (".txt", ".tsv")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_list_reads_the_same_lines_as_the_whole_decoded_text(path, monkeypatch):
    expected = tuple(_kept(path.read_text(encoding="utf-8").splitlines()))
    monkeypatch.setattr(lexicons, "_LONG_LINES", 0)  # every file by line
    assert lexicons._lines(path.name, path.parent.name) == expected


def test_decoding_by_line_keeps_the_breaks_only_text_knows(tmp_path, monkeypatch):
    # U+2028, U+0085 and \x0c break a str's lines, not a bytes' ones; a flag emoji widens a str.
    text = "# a comment\nalpha\u2028beta\r\ngamma\x85delta\x0cepsilon\n\n  \n🇵🇱 zeta\rlast"
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "odd.txt").write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(lexicons, "_DATA", tmp_path)
    monkeypatch.setattr(lexicons, "_LONG_LINES", 0)
    assert lexicons._lines("odd.txt", "xx") == tuple(_kept(text.splitlines()))


def test_the_first_crumb_regex_is_the_start_of_the_breadcrumb_regex():
    # Every match of the whole regex starts with a match of its first group, the first crumb.
    home, whole = boilerplate._home_regex(), boilerplate._breadcrumb_regex()
    assert whole.pattern.startswith(home.pattern) and whole.flags == home.flags
    assert home.match("Home News World The White House warns") and not home.match("The White House")


def test_a_text_without_a_phrase_opening_a_paragraph_builds_no_matcher():
    kinds.matcher.cache_clear()
    try:
        assert list(kinds.find("boilerplate_ads.txt", "The talks were over.\nNothing more.", kinds.LINE)) == []
        assert kinds.matcher.cache_info().currsize == 0
        assert [m.template for *_, m in kinds.find("boilerplate_ads.txt", "Talks.\nAdvertisement", kinds.LINE)]
    finally:
        kinds.matcher.cache_clear()


def test_checking_a_target_only_segment_loads_neither_the_aligner_nor_openssl(tmp_path):
    batch = tmp_path / "one.jsonl"
    batch.write_text('{"id": "1", "hyp": "The roads closed.", "tgt_lang": "en"}\n', encoding="utf-8")
    code = ("import sys; from mtqa.cli.main import _dispatch; "
            f"_dispatch(['check', {str(batch)!r}, '--format', 'json', '-o', {str(tmp_path / 'out.json')!r}]); "
            "print(' '.join(m for m in ('mtqa.align.document', '_hashlib', 'importlib.resources') "
            "if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


# The command pauses the collector for its start-up and resumes it, with the start-up's objects
# frozen out of it, before it reads its first segment (mtqa.cli.startup).
_GC_PROBE = """
import gc, sys
import mtqa.cli.check as check
def write_report(report, args, render):
    print(gc.isenabled(), gc.get_freeze_count() > 0, flush=True)
check.write_report = write_report
from mtqa.cli.main import main
sys.argv = ["mtqa", "check", sys.argv[1], "--format", "json", "--jobs", "1"]
sys.exit(main())
"""


def test_the_command_collects_again_before_its_first_segment(tmp_path):
    batch = tmp_path / "one.jsonl"
    batch.write_text('{"id": "1", "hyp": "The roads closed.", "tgt_lang": "en"}\n', encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", _GC_PROBE, str(batch)], capture_output=True, text=True)
    assert r.stdout.split() == ["True", "True"], r.stderr


def test_main_called_in_process_leaves_the_collector_alone(tmp_path):
    import gc

    from mtqa.cli import main

    batch = tmp_path / "one.jsonl"
    batch.write_text('{"id": "1", "hyp": "The roads closed.", "tgt_lang": "en"}\n', encoding="utf-8")
    frozen = gc.get_freeze_count()
    assert main.main(["check", str(batch), "--format", "json", "-o", str(tmp_path / "out.json")]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_parser_reads_no_toml_and_a_config_file_still_does(tmp_path):
    code = ("import sys; from mtqa.cli.main import build_parser; build_parser().format_help(); "
            "print('tomllib' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.split() == ["False"]
    from mtqa.config import settings

    (tmp_path / "mtqa.toml").write_text('ignore = ["QT001"]\n', encoding="utf-8")
    assert settings._parse(tmp_path / "mtqa.toml") == {"ignore": ["QT001"]}
    (tmp_path / "bad.toml").write_text("ignore = [\n", encoding="utf-8")
    with pytest.raises(settings.InputError, match="invalid TOML"):
        settings._parse(tmp_path / "bad.toml")


def test_a_command_that_ends_before_its_input_leaves_the_collector_as_it_found_it():
    import gc

    from mtqa.cli import startup

    frozen = gc.get_freeze_count()
    startup.pause()
    assert not gc.isenabled()
    startup.thaw()  # `mtqa` with no command: no resume, then the ordinary exit
    assert gc.isenabled() and gc.get_freeze_count() == frozen
