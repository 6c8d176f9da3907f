"""CO: consistency between headings and body, must-fire and must-not-fire."""
import pytest

from mtqa.checks.consistency import VAGUE, magnitude
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    # The sample's class: a quoted quantity in a subheading, another quoted word in the body.
    Fire("Russia builds a drone factory\n\n“Hundreds” of drones have been received\n\n"
         "The United States estimates that Russia received until last May “favorable” Iranian attack drones.",
         (("CO001", "“favorable”"),), doc=True),
    # Same class, other words.
    Fire("Floods in the north\n\n“Thousands” of families evacuated\n\n"
         "Officials said “beautiful” local families had left their homes by Sunday.",
         (("CO001", "“beautiful”"),), doc=True),
    Fire("Protests spread\n\n“Dozens” of arrests in the capital\n\n"
         "Police made “important” arrests on Saturday night, the ministry said.",
         (("CO001", "“important”"),), doc=True),
    # A quantity of another magnitude, with no body mention agreeing.
    Fire("Hundreds of drones delivered to Russia\n\nMoscow received dozens of Iranian drones last month.",
         (("CO001", "dozens"),), doc=True),
    Fire("300 soldiers killed in the offensive\n\nThe army said 30 soldiers were killed on Monday.",
         (("CO001", "30"),), doc=True),
    # CO002: a different quoted term for the same noun.
    Fire("“Kamikaze” drones hit Kyiv\n\nMoscow launched “suicide” drones against the capital overnight.",
         (("CO002", "“suicide”"),), suggestion="“kamikaze”", doc=True),
]

QUIET = [
    Quiet("Russia builds a drone factory\n\n“Hundreds” of drones received\n\n"
          "The United States estimates that by last May Russia had received “several hundred” Iranian attack drones.",
          ("CO001", "CO002"), why="the post-edited wire"),
    Quiet("Hundreds of drones delivered\n\nMoscow received hundreds of drones, and dozens of drones were shot down.",
          ("CO001",), why="one body mention agrees"),
    Quiet("Hundreds of drones delivered\n\nMoscow received many drones from Tehran.", ("CO001",),
          why="vague words agree with anything"),
    Quiet("Hundreds of drones delivered\n\nIt received “kamikaze” drones from Tehran.", ("CO001",),
          why="the heading's quantity is not quoted: a quoted modifier is legitimate"),
    Quiet("The drone factory\n\nRussia received “favorable” drones.", ("CO001", "CO002"),
          why="no quantity in the heading"),
    Quiet("Russia received “several hundred” drones from Iran.", ("CO001",), why="no heading at all"),
    Quiet("“Kamikaze” drones hit Kyiv\n\nMoscow launched “kamikaze” drones and “Shahed” drones.", ("CO002",),
          why="the body also quotes the heading's term"),
    Quiet("300 soldiers killed\n\nThe ministry put the toll at 320 soldiers, up from 12 soldiers on Monday.",
          ("CO001",), why="same magnitude agrees"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


@pytest.mark.parametrize("term,expected", [
    ("Hundreds", 2), ("several hundred", 2), ("dozens", 1), ("tens of thousands", 4), ("300", 2),
    ("1,500", 3), ("2.5 million", 6), ("many", VAGUE), ("favorable", None)])
def test_magnitudes(term, expected):
    assert magnitude(term) == expected
