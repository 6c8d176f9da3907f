"""Interchange inputs (XLIFF 1.2 and 2.x, TMX, PO, CSV), and safe XML parsing."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="wire.txt" source-language="fr-FR" target-language="en-US" datatype="plaintext">
  <body>
   <group id="g1">
    <trans-unit id="u1"><source>Il a dit <g id="1">« pas exprès »</g>.</source>
     <target>He said <g id="1">” not on purpose “</g>.</target></trans-unit>
   </group>
   <trans-unit id="u2"><source>Bonjour<x id="2"/> à tous.</source><target>Hello<x id="2"/> all.The end.</target></trans-unit>
   <trans-unit id="u3"><source>Rien.</source></trans-unit>
   <trans-unit id="u4" translate="no"><source>ACME</source><target>ACME</target></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF_2 = """<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="en">
 <file id="f1">
  <unit id="1"><segment><source>Un <pc id="1">test</pc>.</source><target>A <pc id="1">test</pc>.The end.</target></segment></unit>
  <unit id="2"><segment id="s1"><source>A.</source><target>Fine.</target></segment><ignorable><source> </source></ignorable>
   <segment id="s2"><source>B<ph id="3"/>.</source><target>It ” goes “ on<ph id="3"/>.</target></segment></unit>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu tuid="t1"><tuv xml:lang="fr"><seg>Il <bpt i="1">&lt;b&gt;</bpt>part<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>He <bpt i="1">&lt;b&gt;</bpt>left<ept i="1">&lt;/b&gt;</ept> .</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Oui.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
</body></tmx>
"""

PO = r'''msgid ""
msgstr ""
"Language: en_GB\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: wire.c:1
msgid "Bonjour  le monde."
msgstr "Hello  world."

msgctxt "menu"
msgid "Fichier"
msgstr "File"

msgid "un fichier"
msgid_plural "des fichiers"
msgstr[0] "a file"
msgstr[1] ""

#~ msgid "vieux"
#~ msgstr "old  one"
'''


def _error(r):
    assert r.code == 2 and r.out == "", (r.code, r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtqa: error: ") and "Traceback" not in r.err
    return lines[0]


def check(cli, path, *args):
    r = cli("check", path, "--format", "json", "--isolated", "--fail-on", "never", *args)
    assert r.code == 0, r.err
    return r.json


def findings(report):
    return [(s["id"], f["rule"], f["text"]) for s in report["segments"] for f in s["findings"]]


def test_xliff_12(cli, tmp_path, report_validator):
    path = tmp_path / "wire.xlf"
    path.write_text(XLIFF_12, encoding="utf-8")
    report = check(cli, path)
    report_validator.validate(report)
    assert [s["id"] for s in report["segments"]] == ["u1", "u2", "u3"], "translate=no units are skipped"
    assert report["run"]["languages"]["src"] == "fr" and report["run"]["languages"]["tgt"] == "en"
    assert report["run"]["languages"]["detected"] == {}, "languages come from the file"
    assert ("u1", "QT001", "” not on purpose “") in findings(report), "text inside <g> is read"
    assert ("u2", "SP001", "all.The") in findings(report), "<x/> codes contribute no text"
    assert ("u3", "OM001", "") in findings(report), "a unit without a target is an empty translation"


def test_xliff_2(cli, tmp_path):
    path = tmp_path / "wire.xliff"
    path.write_text(XLIFF_2, encoding="utf-8")
    report = check(cli, path)
    assert [s["id"] for s in report["segments"]] == ["1", "2/s1", "2/s2"]
    assert ("1", "SP001", "test.The") in findings(report)
    assert ("2/s2", "QT001", "” goes “") in findings(report)


def test_tmx(cli, tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, encoding="utf-8")
    report = check(cli, path)
    assert [s["id"] for s in report["segments"]] == ["t1", "2"]
    assert findings(report) == [("t1", "SP004", " .")], "inline codes are not text"
    assert report["run"]["languages"]["tgt"] == "en"


def test_tmx_with_several_target_languages_needs_tgt_lang(cli, tmp_path):
    path = tmp_path / "m.tmx"
    path.write_text(TMX.replace('<tuv xml:lang="en"><seg>Yes.</seg></tuv>',
                                '<tuv xml:lang="en"><seg>Yes.</seg></tuv><tuv xml:lang="de"><seg>Ja .</seg></tuv>'),
                    encoding="utf-8")
    assert "m.tmx: unit '2' has translations in several languages (de, en)" in _error(
        cli("check", path, "--isolated", "--format", "json"))
    report = check(cli, path, "--tgt-lang", "en")
    assert [s["id"] for s in report["segments"]] == ["t1", "2"]


def test_po(cli, tmp_path):
    path = tmp_path / "messages.po"
    path.write_text(PO, encoding="utf-8")
    report = check(cli, path)
    assert [s["id"] for s in report["segments"]] == ["Bonjour  le monde.", "menu|Fichier", "un fichier[0]",
                                                      "un fichier[1]"]
    assert report["run"]["languages"]["tgt"] == "en"
    assert ("Bonjour  le monde.", "SP002", "  ") in findings(report)
    assert ("un fichier[1]", "OM001", "") in findings(report)
    assert not any("old" in s["id"] for s in report["segments"]), "obsolete entries are skipped"
    gh = cli("check", path, "--format", "github", "--isolated", "--fail-on", "never")
    assert "file=" in gh.out and ",line=6," in gh.out, "annotations point at the entry's line"


def test_csv_with_named_columns(cli, tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text('\ufeffid,source,target,reference\nx1,"Il a dit, « oui ».","He said, ""yes""\nand left.",x\n'
                    'x2,Salut.,Hi .,Hi.\n', encoding="utf-8")
    report = check(cli, path, "--tgt-lang", "en")
    assert [s["id"] for s in report["segments"]] == ["x1", "x2"]
    assert findings(report) == [("x2", "SP004", " .")]
    assert report["summary"]["metrics"], "the reference column is read"


@pytest.mark.parametrize("name,text,expected", [
    ("bad.xlf", '<?xml version="1.0"?>\n<xliff version="1.2"><file>\n<trans-unit id="1"><target>y</targt>'
                '</trans-unit></file></xliff>\n', "bad.xlf:3: malformed XML (mismatched tag"),
    ("bad.tmx", "<tmx><body><tu>\n", "bad.tmx:2: malformed XML"),
    ("notx.xlf", "<html><body/></html>\n", "notx.xlf:1: is not XLIFF"),
    ("bad.po", 'msgid "a"\nmsgstr "b"\nthis is not po\n', "bad.po:3: malformed PO file"),
    ("bad.csv", "id,hyp\n1,ok\n2,too,many\n", "bad.csv:3: expected 2 comma-separated columns, found 3"),
    ("nohyp.csv", "id,src\n1,a\n", "nohyp.csv:1: the CSV header has no translation column"),
])
def test_malformed_files_are_one_line_errors(cli, tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert expected in _error(cli("check", path, "--isolated", "--format", "json"))


def test_input_format_overrides_the_extension(cli, tmp_path):
    path = tmp_path / "export.data"
    path.write_text(XLIFF_2, encoding="utf-8")
    assert check(cli, path, "--input-format", "xliff")["segments"][0]["id"] == "1"


def test_several_files_make_one_batch(cli, tmp_path):
    (tmp_path / "a.xlf").write_text(XLIFF_12, encoding="utf-8")
    (tmp_path / "b.po").write_text(PO, encoding="utf-8")
    r = cli("check", "--format", "json", "--isolated", "--fail-on", "never", tmp_path / "a.xlf", tmp_path / "b.po")
    assert r.code == 0, r.err
    report = r.json
    ids = [s["id"] for s in report["segments"]]
    assert ids[0] == f"{tmp_path / 'a.xlf'}:u1" and ids[3] == f"{tmp_path / 'b.po'}:Bonjour  le monde."
    assert [s["index"] for s in report["segments"]] == list(range(len(ids)))


# ----------------------------------------------------------------------------- unsafe XML

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff version="1.2"><file source-language="fr" target-language="en"><body>
<trans-unit id="1"><source>x</source><target>&lol9;</target></trans-unit></body></file></xliff>
"""


def _run_cli(*args, timeout=60):
    """The run's result. A run that never ends (a blocking read, an exponential expansion) fails
    the test through the timeout, set far above a run's few seconds so that a loaded machine
    does not fail it: speed is not what these tests assert."""
    return subprocess.run([sys.executable, "-m", "mtqa", "check", *map(str, args), "--isolated", "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout)


@pytest.mark.parametrize("suffix", [".xlf", ".tmx"])
def test_entity_expansion_is_refused_quickly(tmp_path, suffix):
    path = tmp_path / f"bomb{suffix}"
    text = BILLION_LAUGHS if suffix == ".xlf" else BILLION_LAUGHS.replace(
        '<xliff version="1.2"><file source-language="fr" target-language="en"><body>\n'
        '<trans-unit id="1"><source>x</source><target>&lol9;</target></trans-unit></body></file></xliff>',
        '<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>&lol9;</seg></tuv>'
        '</tu></body></tmx>')
    path.write_text(text, encoding="utf-8")
    proc = _run_cli(path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "declares the XML entity 'lol'" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE x [ <!ENTITY e SYSTEM "{uri}"> ]>',        # external general entity
    '<!DOCTYPE x [ <!ENTITY % p SYSTEM "{uri}"> %p; ]>',  # external parameter entity
    '<!DOCTYPE x SYSTEM "{uri}">',                        # external DTD
])
def test_external_references_are_never_read(tmp_path, doctype):
    """The referenced file is a named pipe with no writer: opening it for reading would block,
    so a run that ends (quickly) proves nothing outside the input was read."""
    secret = tmp_path / "secret"
    os.mkfifo(secret)
    body = ('<xliff version="1.2"><file source-language="fr" target-language="en"><body>'
            '<trans-unit id="1"><source>x</source><target>{target}</target></trans-unit></body></file></xliff>\n')
    path = tmp_path / "ext.xlf"
    target = "&e;" if "ENTITY e" in doctype else "safe"
    path.write_text('<?xml version="1.0"?>\n' + doctype.format(uri=secret.as_uri()) + "\n" +
                    body.format(target=target), encoding="utf-8")
    proc = _run_cli(path)
    if "ENTITY" in doctype:
        assert proc.returncode == 2 and "mtqa refuses entity declarations" in proc.stderr
    else:  # an external DTD is simply not loaded: the file is checked as it is
        assert proc.returncode in (0, 1), proc.stderr
        assert '"id": "1"' in proc.stdout
