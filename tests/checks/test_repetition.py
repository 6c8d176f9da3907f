"""RP: repetition checks, must-fire and must-not-fire."""
from tests.checks.cases import Fire, Quiet, family_tests

TITLE = "Floods force thousands to leave their homes in northern Italy"
BODY = "Rivers burst their banks after a week of heavy rain, officials said on Tuesday."

FIRE = [
    Fire(f"Home News {TITLE}\n\n{TITLE}\n\n{BODY}", (("RP001", TITLE),), suggestion="", doc=True),
    Fire(f"{TITLE}\n\n{BODY}\n\n{BODY}", (("RP001", BODY),), doc=True),
    Fire("The ministers met on Monday. The ministers met on Monday. Nothing was decided.",
         (("RP001", "The ministers met on Monday."),)),
    Fire("after eating contaminated pet food food.", (("RP002", "food food"),), suggestion="food"),
    Fire("The the talks ended without a deal.", (("RP002", "The the"),), suggestion="The"),
    Fire("officials said that the the vote would be delayed.", (("RP002", "the the"),)),
    Fire("according to data provided by Johns Hopkins University University.", (("RP002", "University University"),)),
    Fire("Florida's daily death toll has surpassed 100 100.", (("RP002", "100 100"),)),
    Fire("after eating contaminated pet food food food food.", (("RP003", "food food food food"),),
         suggestion="food"),
    Fire("Russia received the drones, the drones, the drones, the drones from Iran.",
         (("RP003", "the drones, the drones, the drones, the drones"),), suggestion="the drones"),
    Fire("The army said that it was it was it was ready to withdraw.", (("RP003", "it was it was it was"),)),
]

QUIET = [
    Quiet("It sounds a bit like ding, ding, ding.", ("RP003",), src="Es klingt ein bisschen wie ding, ding, ding.",
          src_lang="de", why="the source repeats it too: the author's figure, not a loop"),
    Quiet("It was very, very, very hard.", ("RP003",), ref="It was very, very, very hard to do.",
          why="the reference repeats it too"),
    Quiet(f"{TITLE}\n\n{BODY}\n\nsequel after announcement\n\nThe vote is due.\n\nsequel after announcement",
          ("RP001",), why="short repeated lines are boilerplate, not RP"),
    Quiet("He said that that was wrong, and she had had enough.", ("RP002",)),
    Quiet("What it is is a crisis, the minister said. They do do their best.", ("RP002",)),
    Quiet("The island of Bora Bora, the town of Baden Baden and Sirhan Sirhan.", ("RP002",), why="names"),
    Quiet("The vote was 10 10 10 in the committee.", ("RP002",), why="three copies are RP003's"),
    Quiet("He waved bye bye and said “ha ha ha” to the cameras.", ("RP002", "RP003")),
    Quiet("after eating contaminated pet food food food food.", ("RP002",), why="a loop is RP003's"),
    Quiet("The the", ("RP003",)),
    Quiet("“No, no, no,” the minister said when asked about a deal.", ("RP003",), why="an interjection"),
    Quiet("| tool | Y | Y | Y | N |\n| other | N | N | N | Y |", ("RP003",), why="a table, not a loop"),
    Quiet("Scores: A A A B, grades 1 1 1.", ("RP003",), why="single letters and digits"),
    Quiet("Rivers burst their banks. Rivers rose again on Friday.", ("RP001",)),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_comma_separated_repetition_without_a_witness_is_weak():
    from mtqa import check
    from mtqa.model import Confidence

    [loop] = [f for f in check("It was very, very, very hard.", tgt_lang="en").findings if f.rule == "RP003"]
    assert loop.confidence == Confidence.LOW
    [loop] = [f for f in check("The cats ate pet food food food food.", tgt_lang="en").findings if f.rule == "RP003"]
    assert loop.confidence == Confidence.HIGH
