"""QT: quotation-mark checks, must-fire and must-not-fire."""
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("He said it was totally unacceptable in every way.",
         (("QT008", "« tout à fait inacceptable à tous égards »"),),
         src="Il a déclaré que c'était « tout à fait inacceptable à tous égards ».", src_lang="fr"),
    Fire("The minister said “we will not give in to this pressure”.",
         (("QT008", "“we will not give in to this pressure”"),),
         src="Der Minister sagte, man werde diesem Druck nicht nachgeben.", src_lang="de"),
    Fire("prevent them from contributing to it ” not on purpose “.",
         (("QT001", "” not on purpose “"),), suggestion="“not on purpose”"),
    Fire("Tehran has repeatedly ruled ” Incorrect “ US accusations.", (("QT001", "” Incorrect “"),)),
    Fire("He called the plan “a disaster and left.", (("QT002", "“"),)),
    Fire("He called the plan a disaster” and left.", (("QT002", "”"),)),
    Fire('She said "no and left.', (("QT002", '"'),)),
    # QT003: a quotation opening mid-sentence on a capital (sample wire, then other wording).
    Fire("Russia “Receives materials from Iran to build a drone factory” on its soil.",
         (("QT003", "“Receives"),), suggestion="“receives"),
    Fire("and accused it of using them recently “The attack on Kiev and terrorizing the people”.",
         (("QT003", "“The"),)),
    Fire("the administration was “Ready to do more” to denounce this cooperation.", (("QT003", "“Ready"),)),
    Fire("The minister said the reform “Would not be postponed” despite the strikes.",
         (("QT003", "“Would"),)),
    Fire("Officials described the talks as “Constructive but difficult” on Monday.",
         (("QT003", "“Constructive"),)),
    # QT004: a capital right after a closing mark, mid-sentence.
    Fire("to build a drone factory” On its soil and the site could open next year.",
         (("QT004", "” On"),), suggestion="” on"),
    Fire("was ready to “denounce and disturb” This cooperation in unmanned aircraft.",
         (("QT004", "” This"),)),
    Fire("The union called the offer “an insult” Because wages have not risen in years.",
         (("QT004", "” Because"),)),
    # QT005: punctuation doubled around a closing mark.
    Fire("which “It goes both ways.”, mentioned the speaker.", (("QT005", ".”,"),), suggestion=",”"),
    Fire("He called it “a disgrace,”. Then he left.", (("QT005", ",”."),), suggestion=",”"),
    Fire("“Why now?”, the mayor asked.", (("QT005", "?”,"),), suggestion="?”"),
    # QT006: a mark glued to a word.
    Fire("terrorizing the Ukrainian people”John Kirby said.", (("QT006", "”John"),), suggestion="” John"),
    Fire("The minister said“We will not give in” on Monday.", (("QT006", "said“"),), suggestion="said “"),
    # QT007: guillemets, low marks and straight quotes in curly-quoted English.
    Fire("to avoid contributing to it « unintentionally ».", (("QT007", "« "), ("QT007", " »")),
         suggestion="“"),
    Fire("He called the plan „a disaster” on Monday.", (("QT007", "„"),)),
    Fire('He said “yes” and then "no" to the offer.', (("QT007", '"'),), suggestion="“"),
]

QUIET = [
    Quiet("He called the plan “a disaster” and left.", ("QT001", "QT002")),
    Quiet("“Hundreds” of drones have been received", ("QT001", "QT002")),
    Quiet("“The first paragraph of a long quotation\n\n“continues here,” she said.", ("QT002",),
          why="a quotation continued into the next paragraph"),
    Quiet('She said "no" and "yes" in one breath.', ("QT001", "QT002")),
    Quiet("The industrialists’ deals and the drones’ route.", ("QT002",), why="apostrophes are not quotes"),
    Quiet("Il a dit « non » hier.", ("QT001", "QT002", "QT007"), tgt_lang="fr", why="rule is for English"),
    # QT003
    Quiet("John Kirby said, “We will continue to impose sanctions.”", ("QT003",), why="after a comma"),
    Quiet("The spokesman warned: “The risks are real.”", ("QT003",), why="after a colon"),
    Quiet("“Hundreds” of drones have been received", ("QT003", "QT004"), why="heading start"),
    Quiet("She writes for the daily “Le Monde” and the weekly “Der Spiegel” in Paris.", ("QT003", "QT004"),
          why="quoted names"),
    Quiet("The report “Understanding the Risks of Drones” came out on Friday.", ("QT003",),
          why="a title in title case"),
    Quiet("The United States estimates that Russia received “several hundred” Iranian drones.",
          ("QT003", "QT004"), why="lower-case fragment"),
    Quiet("He called it the “Moscow-Tehran axis” in his speech.", ("QT003",), why="a name opens the quote"),
    Quiet("Voters backed the “Yes” campaign by a wide margin.", ("QT003",), why="one-word quotation"),
    # QT004
    Quiet("“It goes both ways.” The spokesman said so on Friday.", ("QT004",), why="the quote ended a sentence"),
    Quiet("“We will go,” Police said on Friday.", ("QT004",), why="quote ended with a comma"),
    Quiet("The operation “Spring Storm” Kirby mentioned began in May.", ("QT004",), why="a name follows"),
    Quiet("He read “War and Peace” in one summer.", ("QT004",)),
    # QT005
    Quiet("“It goes both ways,” the spokesman said. “Really.”", ("QT005",)),
    Quiet("He said “and so on...”. Then he left.", ("QT005",), why="an ellipsis"),
    Quiet('She said "no." Then "yes," and left.', ("QT005",)),
    # QT006
    Quiet("“It goes both ways”, John Kirby said. The “Hundreds” line.", ("QT006",)),
    Quiet('The screen measures 6.1" and the cable 12" in length.', ("QT006", "QT007"), why="inch marks"),
    # QT007
    Quiet('He said "yes" and then "no" to the offer.', ("QT007",), why="straight quotes only, consistently"),
    Quiet("He said “yes” and then “no” to the offer, 5\" long.", ("QT007",)),
    Quiet("Home » Economy » Gas prices: Berlin extends the price brake", ("QT007",), why="breadcrumb separators"),
    Quiet("Accueil › Monde › Europe", ("QT007",), why="breadcrumb separators"),
    # QT008
    Quiet("He said it was “totally unacceptable in every way”.", ("QT008",),
          src="Il a déclaré que c'était « tout à fait inacceptable à tous égards ».", src_lang="fr"),
    Quiet("Parly said France “soon” would have satellites.", ("QT008",), src="帕利说，法国“很快”将拥有卫星。",
          src_lang="zh", why="a one-word quotation is matched even though it is too short to be flagged"),
    Quiet("We are working on it with epidemiologists and statisticians,” he said.", ("QT008",),
          src="Děláme na tom s epidemiology a statistiky,\" řekl.", src_lang="cs", why="the source's marks do not pair"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)
