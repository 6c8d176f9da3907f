"""OM: omission checks, must-fire and must-not-fire."""
from tests.checks.cases import Fire, Quiet, family_tests

MINISTER_REF = ("Minister resigns after protests\n\n"
                "The minister resigned on Tuesday after a week of protests over the fuel tax. "
                "She had defended the tax in parliament only two days earlier.\n\n"
                "Her deputy will take over until a successor is appointed, the prime minister's office said.\n\n"
                "Opposition parties called for early elections.")
MINISTER_HYP = ("Home Politics Minister resigns after protests\n\n"
                "Minister resigns after protests\n\n"
                "by editor\n\n"
                "The minister resigned Tuesday after one week of protests against the fuel tax. "
                "She had defended the tax before parliament just two days before.\n\n"
                "Her deputy will take over until a successor is named, said the office of the prime minister.\n\n"
                "Opposition parties called for early elections.\n\n"
                "Read also")

FIRE = [
    Fire(".", (("OM001", "."),), src="Le gouvernement a démissionné.", src_lang="fr"),
    Fire("", (("OM001", ""),)),
    Fire("   ", (("OM001", "   "),)),
    Fire("The minister resigned.", (("OM004", "The minister resigned."),),
         src="Le ministre a démissionné hier soir après trois jours de polémique sur ses frais de campagne électorale.",
         src_lang="fr"),
    Fire("The man coming from the direction of, who had the right of way.", (("OM006", "of"),)),
    Fire("Officials expected a slowdown as “” moved inland.", (("OM006", "“”"),)),
    Fire(MINISTER_HYP, (("OM002", "Home Politics Minister resigns after protests"), ("OM002", "by editor"),
                        ("OM002", "Read also")), ref=MINISTER_REF, doc=True),
    Fire(MINISTER_HYP.replace("Her deputy will take over until a successor is named, said the office of the "
                              "prime minister.\n\n", ""),
         (("OM003", "Her deputy will take over until a successor is appointed, the prime minister's office said."),),
         ref=MINISTER_REF, doc=True),
]

QUIET = [
    Quiet("A falling object would pass by, let's say, the Sun and be deflected.", ("OM006",),
          why="a parenthetical between the preposition and its object"),
    Quiet("You decode what you want to fold it into, into a sequence of angles.", ("OM006",),
          why="a stranded preposition: its object is the fronted `what`"),
    Quiet("The government resigned.", ("OM001",), src="Le gouvernement a démissionné.", src_lang="fr"),
    Quiet("—", ("OM001",), src="—", why="the source is empty of words too"),
    Quiet("42", ("OM001",), why="a number is content"),
    Quiet("The minister resigned last night after three days of controversy over his campaign expenses.",
          ("OM004",), src="Le ministre a démissionné hier soir après trois jours de polémique sur ses frais de campagne.",
          src_lang="fr"),
    Quiet("Yes, sure.", ("OM004",), src="Oui.", src_lang="fr", why="too short to judge"),
    Quiet("Franco A. bought a gun; the man I spoke to, and the one you know of.", ("OM006",)),
    Quiet(MINISTER_REF, ("OM002", "OM003"), ref=MINISTER_REF, doc=True, why="a document against itself"),
    Quiet("\n\n".join(MINISTER_HYP.split("\n\n")[1:2] + MINISTER_HYP.split("\n\n")[3:-1]), ("OM002", "OM003"),
          ref=MINISTER_REF, doc=True, why="a reworded translation without the debris"),
    Quiet("Minister resigns after protests\n\nThe minister resigned on Tuesday after a week of protests over the "
          "fuel tax.She had defended the tax in parliament only two days earlier.\n\nHer deputy will take over "
          "until a successor is appointed, the prime minister's office said.\n\nOpposition parties called for "
          "early elections.", ("OM002", "OM003"), ref=MINISTER_REF, doc=True,
          why="two sentences glued into one are merged, not omitted"),
    Quiet("The central bank raised rates.\n\nMarkets fell.", ("OM002", "OM003"), ref=MINISTER_REF, doc=True,
          why="a reference that is not a translation of the document: nothing matches, nothing is flagged"),
    Quiet("Related News\n\nMinister resigns", ("OM002", "OM003"), ref="Minister resigns\n\nMore text here.",
          why="segments are not documents: paragraph alignment is for --doc"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_a_length_outlier_is_strong_evidence_only_far_from_the_typical_ratio():
    from mtqa import check
    from mtqa.model import Confidence

    src = "Le ministre a démissionné hier soir après trois jours de polémique sur ses frais de campagne."
    [far] = [f for f in check("The minister resigned.", src=src, src_lang="fr", tgt_lang="en").findings
             if f.rule == "OM004"]
    assert far.confidence == Confidence.HIGH
    near = [f for f in check("The minister resigned last night after three days.", src=src, src_lang="fr",
                             tgt_lang="en").findings if f.rule == "OM004"]
    assert all(f.confidence == Confidence.LOW for f in near)


def test_dangling_regex_matches_as_the_plain_alternation():
    # _DANGLING_RE spells the alternation below one first character at a time, each opening on a
    # literal, so that `re` scans for those characters before it tries a match; every text must
    # give the same matches as the plain alternation, and OM006 the same word (the word group,
    # read as the match less its trailing \s: rstrip must strip exactly \s).
    import json
    import re
    import sys
    from pathlib import Path

    from mtqa.checks.omission import _DANGLING_PREPOSITIONS, _DANGLING_RE

    plain = re.compile(r"\b(the|an|his|their|its|our|my|your|a)\s*(?=[,.;:!?)]|$)"
                       r"|\b(of|by|between|than|into)\s*(?=[,;:)])|[\"“]\s*[\"”]|\(\s*\)")
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, sys.maxunicode + 1)))
    assert re.findall(r"\s", every) == list(filter(str.isspace, every))
    texts = ["the cathedral of, the", "“”", "( )", "He met the.", "A b. my\n", "thé, the", "by, say, the Sun",
             "Franco A. went", "a\u00a0,", "into)", "ofthe, ", "\"  \"", "its;their:our!your?an)", "an,a,the, their.",
             "_the,", "théir.", "1the,", "The,", "the\u2003\n", "the \n", "(the)", "“the”", "\" \u3000”", "thean,"]
    corpus = Path(__file__).resolve().parents[2] / "corpora" / "demetr-sample.jsonl"
    for line in corpus.read_text("utf-8").splitlines():
        row = json.loads(line)
        texts += [row["eng_sent"], row["mt_sent"], row["pert_sent"]]
    for text in texts:
        got = [m.span() for m in _DANGLING_RE.finditer(text)]
        want = list(plain.finditer(text))
        assert got == [m.span() for m in want], text
        for m in want:
            word = m.group(1) or m.group(2)
            assert (word and m.group().rstrip()) == word, text
            assert (word in _DANGLING_PREPOSITIONS) == bool(m.group(2))
    assert any(_DANGLING_RE.search(t) for t in texts)
