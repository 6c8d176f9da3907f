"""BP: web boilerplate checks, must-fire and must-not-fire, and the template lexicons."""
from mtqa.checks import kinds
from mtqa.text.templates import TemplateMatcher, expand
from tests.checks.cases import Fire, Quiet, family_tests

ARTICLE = ("Ministers met in Brussels on Monday to discuss the budget.\n\n"
           "The talks lasted six hours and ended without an agreement on farm subsidies.\n\n")

FIRE = [
    # BP007 debris recognised by its shape and vocabulary, in wordings no list holds
    Fire("The talks resumed on Monday.\n\nRest of the text under the advertising insert\n\n" + ARTICLE,
         (("BP007", "Rest of the text under the advertising insert"),), doc=True),
    Fire("The talks resumed on Monday.\n\nBy our editorial staff\n\n" + ARTICLE,
         (("BP007", "By our editorial staff"),), doc=True),
    Fire("The talks resumed on Monday.\n\nShare this article on Facebook\n\n" + ARTICLE,
         (("BP007", "Share this article on Facebook"),), doc=True),
    # BP001 breadcrumbs
    Fire("Home News The White House warns that Russia will produce drones\n\nThe White House warns.",
         (("BP001", "Home News "),), suggestion="", doc=True),
    Fire("Accueil > Monde > Europe\n\n" + ARTICLE, (("BP001", "Accueil > Monde > Europe"),), doc=True),
    Fire("Welcome Current events Ministers fail to agree on the farm budget\n\n" + ARTICLE,
         (("BP001", "Welcome Current events "),), doc=True),
    Fire("Startseite » Politik » Ausland » EU-Gipfel ohne Einigung\n\n" + ARTICLE,
         (("BP001", "Startseite » Politik » Ausland » "),), doc=True),
    # BP002 placeholder bylines
    Fire("Drones over the Baltic\n\nby admin\n\n" + ARTICLE, (("BP002", "by admin"),), suggestion="",
         doc=True),
    Fire("Posted by webmaster | June 9, 2023\n\n" + ARTICLE, (("BP002", "Posted by webmaster | June 9, 2023"),),
         doc=True),
    Fire(ARTICLE + "By the drafting\n", (("BP002", "By the drafting"),), doc=True),
    Fire("par la rédaction\n\n" + ARTICLE, (("BP002", "par la rédaction"),), doc=True),
    # BP003 widgets, English, originals and renderings
    Fire(ARTICLE + "Related News\n\nLeave a Comment\n", (("BP003", "Related News"), ("BP003", "Leave a Comment")),
         doc=True),
    Fire(ARTICLE + "To share:\n\nSimilar articles\n\nYou will also like\n",
         (("BP003", "To share:"), ("BP003", "Similar articles"), ("BP003", "You will also like")), doc=True),
    Fire(ARTICLE + "Laisser un commentaire\n\nSchreibe einen Kommentar\n\nDeja un comentario\n",
         (("BP003", "Laisser un commentaire"), ("BP003", "Schreibe einen Kommentar"),
          ("BP003", "Deja un comentario")), doc=True),
    Fire(ARTICLE + "Subscribe to our newsletter\n\n3 Comments\n\nFollow us on Google News\n",
         (("BP003", "Subscribe to our newsletter"), ("BP003", "3 Comments"),
          ("BP003", "Follow us on Google News")), doc=True),
    Fire(ARTICLE + "Leave a Reply Cancel reply\n\nYour email address will not be published. Required fields are marked *\n",
         (("BP003", "Leave a Reply Cancel reply"),
          ("BP003", "Your email address will not be published. Required fields are marked *")), doc=True),
    # BP004 related-article lines
    Fire(ARTICLE + "Read also: Russia fires missiles at Kyiv overnight\n\nThe vote is due in May.",
         (("BP004", "Read also: Russia fires missiles at Kyiv overnight"),), suggestion="", doc=True),
    Fire(ARTICLE + "To read also | Farmers block roads in Paris\n",
         (("BP004", "To read also | Farmers block roads in Paris"),), doc=True),
    Fire(ARTICLE + "LIRE AUSSI : Les agriculteurs bloquent Paris\n\nLeggi anche: Il vertice fallisce\n",
         (("BP004", "LIRE AUSSI : Les agriculteurs bloquent Paris"), ("BP004", "Leggi anche: Il vertice fallisce")),
         doc=True),
    Fire(ARTICLE + "On the same subject: Farmers block roads\n",
         (("BP004", "On the same subject: Farmers block roads"),), doc=True),
    Fire(ARTICLE + "Read also\n", (("BP004", "Read also"),), doc=True),
    # BP005 ad placeholders: originals and literal renderings
    Fire(ARTICLE + "sequel after announcement\n\nThe vote is due in May.", (("BP005", "sequel after announcement"),),
         suggestion="", doc=True),
    Fire(ARTICLE + "The rest after this ad\n\nContinuation after the advertisement\n",
         (("BP005", "The rest after this ad"), ("BP005", "Continuation after the advertisement")), doc=True),
    Fire(ARTICLE + "La suite après cette annonce\n\nAnzeige\n\nPublicidad\n\nPubblicità\n\nPublicidade\n",
         (("BP005", "La suite après cette annonce"), ("BP005", "Anzeige"), ("BP005", "Publicidad"),
          ("BP005", "Pubblicità"), ("BP005", "Publicidade")), doc=True),
    Fire(ARTICLE + "Article will be continued below the display\n\n— Advertisement —\n\n"
         "Continue after the publicity\n\nThe matter continues after the advertising\n",
         (("BP005", "Article will be continued below the display"), ("BP005", "— Advertisement —"),
          ("BP005", "Continue after the publicity"), ("BP005", "The matter continues after the advertising")),
         doc=True),
    Fire(ARTICLE + "The rest of the article after this ad\n", (("BP005", "The rest of the article after this ad"),),
         doc=True),
    # BP006 stray headlines
    Fire(ARTICLE + "Rearmament: French Industrialists’ Deals\n\nThe ministers will meet again in June.",
         (("BP006", "Rearmament: French Industrialists’ Deals"),), suggestion="", doc=True),
    Fire(ARTICLE + "Related News\n\nFarmers Block Roads Around Paris\n\nStrikes spread to the ports\n",
         (("BP006", "Farmers Block Roads Around Paris"), ("BP006", "Strikes spread to the ports")), doc=True),
]

QUIET = [
    Quiet("The talks resumed on Monday.\n\nLatest news from Kyiv\n\n" + ARTICLE, ("BP007",), doc=True,
          why="a subheading with a name: not made of web furniture"),
    Quiet("The talks resumed on Monday.\n\nThe ministry posted the advertisement on its site.\n\n" + ARTICLE,
          ("BP007",), doc=True, why="a sentence about an advertisement, not a placeholder"),
    Quiet("The talks resumed on Monday.\n\nEditorial staff cuts\n\n" + ARTICLE, ("BP007",), doc=True,
          why="a subheading with a word outside the web vocabulary"),
    Quiet("Home Office officials said the new rules would apply from May.", ("BP001",), why="a sentence"),
    Quiet("Home News Today\n\nHome news reached the soldiers late.", ("BP001",)),
    Quiet("Home Secretary warns of strikes\n\n" + ARTICLE, ("BP001",)),
    Quiet("By John Smith\n\n" + ARTICLE, ("BP002",), why="a real byline"),
    Quiet("The decree was signed by admin staff of the ministry.", ("BP002",), why="inside a sentence"),
    Quiet("Learning by writing\n\n" + ARTICLE, ("BP002",)),
    Quiet("He declined to leave a comment. Readers can share this article.", ("BP003",), why="in a sentence"),
    Quiet("Related news emerged on Tuesday, when the minister resigned.", ("BP003",)),
    Quiet("Read also the full report, the minister said.", ("BP004",), why="a sentence, no separator"),
    Quiet("See also page 4 for the figures.", ("BP004",)),
    Quiet(ARTICLE + "On the same subject\n", ("BP004",), why="a whole widget line is BP003's"),
    Quiet("Following this announcement, markets fell sharply.", ("BP005",), why="a sentence"),
    Quiet("The rest after the announcement was chaos, witnesses said.", ("BP005",)),
    Quiet("The advertisement was banned by the regulator.", ("BP005",)),
    Quiet(ARTICLE + "Global rearmament and escalation\n\nThe ministers will meet again.", ("BP006",),
          why="a sentence-case subheading"),
    Quiet(ARTICLE + "Budget Talks In Brussels\n\nThe ministers will meet again.", ("BP006",),
          why="a Title Case subheading that shares its words with the article"),
    Quiet("Ministers Fail To Agree On Farm Subsidies\n\n" + ARTICLE, ("BP006",), why="the article's own title"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_templates_expand_every_combination():
    assert expand("{the |}{rest|sequel} after {this |}ad") == [
        "the rest after this ad", "the rest after ad", "the sequel after this ad", "the sequel after ad",
        "rest after this ad", "rest after ad", "sequel after this ad", "sequel after ad"]


def test_longest_template_wins_and_notes_come_back():
    m = TemplateMatcher(["sequel after\tshort", "sequel after {this |}announcement\tlong"])
    text = "x sequel  after this announcement y"
    (hit,) = list(m.finditer(text))
    assert text[hit.start:hit.end] == "sequel  after this announcement" and hit.note == "long"


def test_ad_lexicon_covers_the_french_placeholder_family():
    phrases = set(kinds.matcher("boilerplate_ads.txt").phrases())
    for rendering in ("sequel after announcement", "the rest after this ad", "the continuation after the advertisement",
                      "following after this advertising", "the suite after this announcement"):
        assert rendering in phrases
    assert len(phrases) > 5000, "the renderings are combined word by word"


def test_matcher_shortcuts_answer_as_each_template_does():
    # fullmatch/match first ask one combined regex (and a length bound): they must answer exactly
    # as trying every template's own regex in turn.
    import re

    from mtqa.text.templates import to_regex

    m = TemplateMatcher(["{the |}{rest|sequel} after {this |}{ad|announcement}", "Advert\u00a0isement",
                         "read {also|more}:", "Leave a {Comment|Reply}"])
    each = [re.compile(rf"(?:{to_regex(t)})(?!\w)", re.IGNORECASE) for t, _ in m._entries]
    texts = ["the rest after this ad", "SEQUEL  after\nannouncement", "rest after ad now", "Advert\u00a0isement",
             "advert isement", "Read more: the budget", "leave a reply", "leave a replyx", "x" * 200,
             "Leave   a     Comment", "rest after adx", ""]
    for text in texts:
        for start, end in ((0, len(text)), (0, max(0, len(text) - 3)), (min(2, len(text)), len(text))):
            full = next((t for (t, _), r in zip(m._entries, each) if r.fullmatch(text, start, end)), None)
            assert (m.fullmatch(text, start, end) or (None, None, None))[2] == full, (text, start, end)
            at = [(r.match(text, start, end), t) for (t, _), r in zip(m._entries, each)]
            best = max((mm.end() for mm, _ in at if mm), default=None)
            got = m.match(text, start, end)
            assert (got.end if got else None) == best, (text, start, end)
