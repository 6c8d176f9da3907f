"""`mtqa fix` end to end: output modes, in-place rewriting, formats kept byte for byte outside the
translation, --select/--ignore, exit codes, and `check` after `fix`."""
from __future__ import annotations

import json
import os
import stat

import pytest

from tests.conftest import ROOT

SAMPLE = ROOT / "mtqa" / "data" / "samples" / "drones-alabuga.en.txt"
FIXED_RULES = {"BP001", "BP002", "BP003", "BP005", "BP006", "QT001", "QT004", "RP001", "SP001"}


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.en.txt"
    path.write_bytes(SAMPLE.read_bytes())
    return path


def test_fix_prints_the_fixed_article(cli, article):
    r = cli("fix", "--doc", article, "--fail-on", "never")
    assert r.code == 0
    assert "Home News" not in r.out and "sequel after announcement" not in r.out
    assert "next year. The White House spokesman" in r.out
    assert article.read_bytes() == SAMPLE.read_bytes()          # printing never writes
    assert "fixes applied" in r.err


def test_check_after_fix_reports_none_of_the_fixed_rules_and_fix_is_idempotent(cli, article, tmp_path):
    before = {f["rule"] for f in cli("check", "--doc", article, "-f", "json").json["segments"][0]["findings"]}
    assert FIXED_RULES <= before
    assert cli("fix", "--doc", article, "--write").code == 1    # a major finding (CO001) is left
    after = {f["rule"] for f in cli("check", "--doc", article, "-f", "json").json["segments"][0]["findings"]}
    assert not after & FIXED_RULES
    once = article.read_bytes()
    cli("fix", "--doc", article, "--write")
    assert article.read_bytes() == once


def test_diff_is_a_unified_diff(cli, article):
    r = cli("fix", "--doc", article, "--diff")
    assert r.out.startswith("--- a/")
    assert "\n-by admin\n" in r.out and "\n+The military partnership between Russia and Iran appears to be deepening. John" in r.out


def test_write_keeps_the_permissions(cli, article):
    os.chmod(article, 0o640)
    cli("fix", "--doc", article, "--write")
    assert stat.S_IMODE(os.stat(article).st_mode) == 0o640
    assert "by admin" not in article.read_text(encoding="utf-8")
    assert not [p for p in article.parent.iterdir() if p.name.startswith(".mtqa")]


def test_write_through_a_symbolic_link_keeps_the_link(cli, article, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    cli("fix", "--doc", link, "--write")
    assert link.is_symlink() and "by admin" not in article.read_text(encoding="utf-8")


def test_select_and_ignore_choose_the_fixes(cli, article):
    only_spacing = cli("fix", "--doc", article, "--select", "SP").out
    assert "year. The" in only_spacing and "by admin" in only_spacing
    no_spacing = cli("fix", "--doc", article, "--ignore", "SP001").out
    assert "year.The" in no_spacing and "by admin" not in no_spacing


def test_crlf_article_keeps_its_line_endings(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title here\r\n\r\nby admin\r\n\r\nIt opened last year.The plant works.\r\n")
    cli("fix", "--doc", path, "--write")
    assert path.read_bytes() == b"Title here\r\n\r\nIt opened last year. The plant works.\r\n"


def test_jsonl_changes_only_the_translation(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    lines = ['{"id": "a",  "src": "x", "hyp": "He ate the the food .", "extra": [1, 2]}',
             "",
             '{"hyp":"Caf\\u00e9  opened today.","id":"b"}',
             '{"id": "c", "hyp": "Nothing to fix here."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli("fix", path, "--write")
    out = path.read_text(encoding="utf-8").split("\n")
    assert out[0] == '{"id": "a",  "src": "x", "hyp": "He ate the food.", "extra": [1, 2]}'
    assert out[1] == ""
    assert out[2] == '{"hyp":"Caf\\u00e9 opened today.","id":"b"}'
    assert out[3] == lines[3]
    assert json.loads(out[2])["hyp"] == "Café opened today."


def test_csv_and_tsv_keep_their_quoting(cli, tmp_path):
    csv_path = tmp_path / "c.csv"
    csv_path.write_bytes(b'\xef\xbb\xbfid,target,ref\r\na,"He said \xe2\x80\x9d no way \xe2\x80\x9c, ok",n\r\nb,plain  text,"x, y"\r\n')
    cli("fix", csv_path, "--write")
    assert csv_path.read_bytes() == (b'\xef\xbb\xbfid,target,ref\r\na,"He said \xe2\x80\x9cno way\xe2\x80\x9d, ok",n\r\n'
                                     b'b,plain text,"x, y"\r\n')
    tsv_path = tmp_path / "t.tsv"
    tsv_path.write_text("src\thyp\nPourquoi ?\tWhy now ?\nOui\tYes.\n", encoding="utf-8")
    cli("fix", tsv_path, "--write")
    assert tsv_path.read_text(encoding="utf-8") == "src\thyp\nPourquoi ?\tWhy now?\nOui\tYes.\n"


def test_line_aligned_hyp_file(cli, tmp_path):
    path = tmp_path / "hyp.txt"
    path.write_bytes(b"Why now ?\r\nfine.\r\nsequel after announcement\r\n")
    r = cli("fix", "--hyp", path)
    assert r.out.encode() == b"Why now?\r\nfine.\r\n\r\n"


def test_bad_input_exits_2_and_writes_nothing(cli, tmp_path):
    path = tmp_path / "bad.jsonl"
    original = '{"id": "a", "hyp": "the the cat"}\n{not json\n'
    path.write_text(original, encoding="utf-8")
    r = cli("fix", path, "--write")
    assert r.code == 2 and "malformed JSON" in r.err and "Traceback" not in r.err
    assert path.read_text(encoding="utf-8") == original
    assert cli("fix").code == 2
    assert cli("fix", tmp_path / "missing.jsonl").code == 2
    with pytest.raises(SystemExit) as e:  # argparse's own usage error, one line
        cli("fix", "--doc", path, "--diff", "--write")
    assert e.value.code == 2


def test_exit_code_follows_fail_on(cli, tmp_path):
    path = tmp_path / "ok.jsonl"
    path.write_text('{"id": "a", "hyp": "He ate the the food ."}\n', encoding="utf-8")
    assert cli("fix", path, "--fail-on", "minor").code == 0      # everything was fixed
    path.write_text('{"id": "a", "hyp": "It cost 2017 2017 dollars."}\n', encoding="utf-8")
    assert cli("fix", path, "--fail-on", "minor").code == 1      # the doubled number is left
