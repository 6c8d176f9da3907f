"""SP: spacing checks, must-fire and must-not-fire."""
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("It could be operational early next year.The White House warned.",
         (("SP001", "year.The"),), suggestion="year. The"),
    Fire("in use in Ukraine.According to the spokesperson.", (("SP001", "Ukraine.According"),),
         suggestion="Ukraine. According"),
    Fire("It opened in 2022.The plant closed.", (("SP001", "2022.The"),)),
    Fire("“It goes both ways.”The spokesman said.", (("SP001", "ways.”The"),)),
    Fire("the  drone factory", (("SP002", "  "),)),
    Fire("Why now ? Inflation rose 2 % in May.", (("SP003", " ?"), ("SP003", " %"))),
    Fire("Note : the vote is today ; results tomorrow !", (("SP003", " :"), ("SP003", " ;"), ("SP003", " !"))),
    Fire("after eating contaminated pet food .", (("SP004", " ."),), suggestion="."),
    Fire("Yesterday , he left.", (("SP004", " ,"),)),
    Fire("I do n't know if Earth 's water came from comets.", (("SP005", " n't"), ("SP005", " 's"))),
    # Other wording of the glued sentence end.
    Fire("Prices rose 4% in May.Analysts had expected less.", (("SP001", "May.Analysts"),)),
    Fire("The strike ended on Tuesday (AFP).Talks resume today.", (("SP001", ").Talks"),)),
    Fire("Was it worth it?Nobody could say.", (("SP001", "it?Nobody"),)),
    Fire("The ratio rose to 12.5 % in the third quarter.", (("SP003", " %"),)),
    # SP006: French spacing inside quotation marks.
    Fire("the administration was “ ready to do more ” to expose it.",
         (("SP006", "“ "), ("SP006", " ”")), suggestion="“"),
    Fire("It called the plan “\u00a0a disgrace\u00a0” on Monday.", (("SP006", "“\u00a0"), ("SP006", "\u00a0”"))),
]

QUIET = [
    Quiet("The U.S. Army and the U.K. Navy met at 9 a.m. Tuesday.", ("SP001",), why="abbreviations"),
    Quiet("Visit www.Example.com or mail press@Agency.org today.", ("SP001",), why="URLs and e-mails"),
    Quiet("Growth was 3.5 percent at 10.30 GMT.", ("SP001", "SP004"), why="decimals and times"),
    Quiet("J.R.R. Tolkien met Mr. Smith and Dr. Jones.", ("SP001",), why="initials and titles"),
    Quiet("He left. Then she came.  Then they went.", ("SP002",), why="two spaces after a sentence end"),
    Quiet("The ratio was 3:1 at 10:30; see http://x.org/a?b=1 for more!", ("SP003",)),
    Quiet("Le vote a lieu aujourd’hui ; résultats demain !", ("SP003", "SP005"), tgt_lang="fr",
          why="French spacing is right in French"),
    Quiet("It costs $.50 and the file is named .bashrc, he said...", ("SP004",)),
    Quiet("I don't know if Earth's water came from comets.", ("SP005",)),
    Quiet("Shares of Amazon.Com and Booking.Com rose; see Gov.Uk for details.", ("SP001",), why="domain names"),
    Quiet("The U.S.-China talks in St. Petersburg at 10.30 a.m. GMT ended. Inc. The firm left.",
          ("SP001", "SP002"), why="abbreviations and times"),
    Quiet("Use Node.js or ASP.NET; the file is v2.0 and costs 3.5bn.", ("SP001",)),
    Quiet("J.K. Rowling and E.U. officials met at 5 p.m. in Washington, D.C. on Friday.", ("SP001",)),
    Quiet("He said “ready to do more” and left.", ("SP006",)),
    Quiet("Tehran has repeatedly ruled ” Incorrect “ US accusations.", ("SP006",),
          why="reversed marks are QT001's"),
    Quiet("Il a dit « pas exprès » hier.", ("SP006",), tgt_lang="fr"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)
