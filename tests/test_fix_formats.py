"""`mtqa fix` on XLIFF, TMX and PO: only the translation's changed characters are edited in the
original text (inline codes, entities, CDATA, other entries and wrapping kept), and the fixed
file reads back with the fixes applied."""
from __future__ import annotations

from mtqa.fix.formats import text_edits
from mtqa.fix.markup import write_po, write_tmx, write_xliff
from tests.test_interchange import PO, TMX, XLIFF_2, XLIFF_12


def fix_file(cli, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    r = cli("fix", path, "--write", "--fail-on", "never")
    assert r.code == 0, r.err
    return path.read_text(encoding="utf-8"), r.err


def only_changes(before: str, after: str) -> list[tuple[str, str]]:
    return [(before[a:b], rep) for a, b, rep in text_edits(before, after)]


def test_xliff_12_targets_are_edited_in_place(cli, tmp_path):
    after, _ = fix_file(cli, tmp_path, "w.xlf", XLIFF_12)
    assert '<target>He said <g id="1">“not on purpose”</g>.</target>' in after
    assert "<target>Hello<x id=\"2\"/> all. The end.</target>" in after
    assert after.replace("“not on purpose”", "” not on purpose “").replace("all. The", "all.The") == XLIFF_12
    assert cli("fix", tmp_path / "w.xlf", "--diff").out == ""       # idempotent


def test_xliff_2_and_tmx_keep_their_inline_codes(cli, tmp_path):
    after, _ = fix_file(cli, tmp_path, "w.xliff", XLIFF_2)
    assert "<target>It “goes” on<ph id=\"3\"/>.</target>" in after
    assert "<target>A <pc id=\"1\">test</pc>. The end.</target>" in after
    after, _ = fix_file(cli, tmp_path, "m.tmx", TMX)
    assert only_changes(TMX, after) == [(" ", "")]
    assert "left<ept i=\"1\">&lt;/b&gt;</ept>.</seg>" in after


def test_po_edits_the_msgstr_only(cli, tmp_path):
    after, _ = fix_file(cli, tmp_path, "m.po", PO)
    assert only_changes(PO, after) == [(" ", "")]
    assert 'msgid "Bonjour  le monde."\nmsgstr "Hello world."' in after
    assert '#~ msgstr "old  one"' in after                            # obsolete: not read, not fixed


def test_entities_and_cdata_survive():
    raw = '<xliff version="1.2"><file><body><trans-unit id="1"><target>Tom &amp; Jerry  ran<![CDATA[ away ]]>.</target></trans-unit></file></body></xliff>'
    out = write_xliff(raw, [("Tom & Jerry  ran away .", "Tom & Jerry ran away.")])
    assert out == raw.replace("Jerry  ran", "Jerry ran").replace("<![CDATA[ away ]]>.", "<![CDATA[ away]]>.")


def test_an_edit_across_inline_markup_is_left_and_noted():
    raw = ('<tmx><body><tu><tuv xml:lang="fr"><seg>a</seg></tuv><tuv xml:lang="en">'
           '<seg>Go a<ph>&lt;br/&gt;</ph>b and then  now</seg></tuv></tu></body></tmx>')
    notes: list[str] = []
    # "ab" -> "xy" would have to replace text on both sides of <ph>: left alone, and noted;
    # the doubled space in the same segment is still mended.
    out = write_tmx(raw, [("Go ab and then  now", "Go xy and then now")], notes)
    assert out == raw.replace("then  now", "then now")
    assert len(notes) == 1 and "inline markup" in notes[0]


def test_wrapped_po_msgstr_keeps_its_layout():
    raw = 'msgid "a"\nmsgstr ""\n"Line one  here.\\n"\n"Line two."\n'
    out = write_po(raw, [("Line one  here.\nLine two.", "Line one here.\nLine two.")])
    assert out == 'msgid "a"\nmsgstr ""\n"Line one here.\\n"\n"Line two."\n'


def test_a_file_in_another_encoding_is_refused_cleanly(cli, tmp_path):
    path = tmp_path / "l1.xlf"
    path.write_bytes(XLIFF_12.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
                     .replace("« pas exprès »", "pas expres").encode("utf-8").replace(b"\xc3\xa0", b"\xe0"))
    r = cli("fix", path, "--write")
    assert r.code == 2 and "UTF-8 files only" in r.err
