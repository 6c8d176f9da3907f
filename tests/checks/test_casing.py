"""CA: casing checks, must-fire and must-not-fire."""
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("Russia receives materials to build a factory on its soil and this site It could be "
         "fully operational early next year.", (("CA001", "It"),), suggestion="it"),
    Fire("to allow them, it said, Understand the risks better.", (("CA001", "Understand"),),
         suggestion="understand"),
    # Other wording, same classes.
    Fire("The army withdrew from the town overnight Their positions were taken by militias.",
         (("CA001", "Their"),)),
    Fire("Prices rose sharply in March This increase worried the central bank.", (("CA001", "This"),)),
    Fire("The ministry said the talks had stalled, officials added, Negotiations would resume in May.",
         (("CA001", "Negotiations"),)),
    Fire("The company confirmed the layoffs, the statement noted, Production will move abroad.",
         (("CA001", "Production"),)),
    Fire("The plant was closed last week After the explosion, inspectors arrived.", (("CA001", "After"),)),
    Fire("The vote, Kirby said, Was postponed.", (("CA001", "Was"),)),
    # A pronoun right after a name is still suspect.
    Fire("Ukraine It could join the alliance within a decade, the minister said.", (("CA001", "It"),)),
]

QUIET = [
    Quiet("John Kirby, a spokesman for the National Security Council, said the White House was ready.",
          ("CA001",), why="names and name runs"),
    Quiet("The Ministry of Defense and the Institute of Health met the US House of Representatives.",
          ("CA001",), why="X of Y names"),
    Quiet("He works for the Bank of the West and The Hague tribunal.", ("CA001",)),
    Quiet("The spokesman warned: The risks are real.", ("CA001",), why="first word after a colon"),
    Quiet("He said “The risks are real” and left.", ("CA001",), why="first word of a quotation"),
    Quiet("Global Rearmament And The Escalation Of The War", ("CA001",), why="a heading"),
    Quiet("In May the minister resigned, Will Smith said.", ("CA001",), why="May and Will are names too"),
    Quiet("The war in Ukraine (It began in 2022) goes on.", ("CA001",), why="after a bracket"),
    Quiet("The study appeared in the journal Science last week, the university said, Reuters reported.",
          ("CA001",)),
    Quiet("Il a dit que This était faux.", ("CA001",), tgt_lang="fr", why="English only"),
    Quiet("It could be fully operational early next year.The White House spokesman warned.", ("CA001",),
          why="a glued sentence end is SP001's"),
    Quiet("Stocks fell 2% on Monday. Traders, however, said the fall was temporary.", ("CA001",)),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)
