"""NU: numbers, quantities and dates against the source, and foreign number formats."""
import pytest

from mtqa.text.numbers import codes, quantities
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("The consulate opened in 1995.", (("NU001", "1995"),), src="Le consulat a ouvert en 1985.",
         src_lang="fr", suggestion="1985"),
    Fire("The consulate opened in 1995.", (("NU002", "1985"),), src="Le consulat a ouvert en 1985.", src_lang="fr"),
    Fire("The toll has surpassed 40.", (("NU001", "40"),), src="Die Zahl der Toten hat 100 überschritten.",
         src_lang="de"),
    Fire("Only fourteen medals a day.", (("NU001", "fourteen"),), src="Mając tylko osiemnaście medali dziennie.",
         src_lang="pl"),
    Fire("10 thousand people will help.", (("NU001", "10 thousand"),),
         src="Оказывать помощь людям будут 13 500 человек.", src_lang="ru"),
    Fire("The plant uses the A3 motorway.", (("NU001", "A3"),), src="Závod využívá dálnici A4.", src_lang="cs"),
    Fire("There were many deaths.", (("NU002", "quarante"),), src="Il y a eu quarante morts.", src_lang="fr"),
    Fire("The vote will take place in June.", (("NU003", "June"),), src="Le vote aura lieu en juillet.",
         src_lang="fr"),
    Fire("Inflation reached 2,5 % and 20 000 jobs went at 14 h 30.",
         (("NU004", "2,5"), ("NU004", "20 000"), ("NU004", "14 h 30")), suggestion="2.5"),
]

QUIET = [
    Quiet("On July 17 and 22, Jiangxi issued 60 million yuan and 200 million yuan.", ("NU001", "NU002", "NU003"),
          src="7月17和7月22日，江西省财政先后下达中央救灾资金6000万元和2亿元。", src_lang="zh",
          why="CJK dates and 万/亿 magnitudes"),
    Quiet("The fire was put out at 11:35 pm.", ("NU001", "NU002"), src="Il fuoco fu domato alle 23:35.",
          src_lang="it", why="24-hour and 12-hour times"),
    Quiet("Almost exactly 30% of my money, 20,000 people and 2.5 billion euros.", ("NU001", "NU002"),
          src="Presque exactement 30 % de mon argent, 20 000 personnes et 2,5 milliards d'euros.", src_lang="fr"),
    Quiet("Hundreds of drones arrived in the 21st century.", ("NU001", "NU002"),
          src="Plusieurs centaines de drones sont arrivés au XXIe siècle.", src_lang="fr", why="vague quantities"),
    Quiet("Two hundred and fifty people, ninety-seven of them children.", ("NU001", "NU002"),
          src="Deux cent cinquante personnes, dont quatre-vingt-dix-sept enfants.", src_lang="fr"),
    Quiet("The 24-year-old saw three architects in May 2015.", ("NU001", "NU002", "NU003"),
          src="Der 24jährige sah drei Architekten im Mai 2015.", src_lang="de"),
    Quiet("Since the US withdrew in May 2015 and in October.", ("NU003",),
          src="Od wycofania się USA w maju 2015 roku i w październiku.", src_lang="pl", why="inflected months"),
    Quiet("Two German architects, Otto Ritter and Helmut Conu.", ("NU002",),
          src="Due architetti tedeschi Otto Ritter e Helmut Conu.", src_lang="it", why="a name, not a number"),
    Quiet("It was very important for the three people.", ("NU002",), src="这对三个人十分重要。", src_lang="zh",
          why="十分 means 'very'"),
    Quiet("Almost one third more than in 2010, and two thirds of the rest.", ("NU001", "NU002"),
          src="Casi un tercio más que en 2010, y dos tercios del resto.", src_lang="es",
          why="one third is a fraction, as a third is: its 3 is a denominator the source writes as a word"),
    Quiet("She may march on Monday with 2.5 million others.", ("NU003", "NU004"),
          src="Elle pourrait manifester lundi avec 2,5 millions d'autres personnes.", src_lang="fr",
          why="'may' and 'march' are not months here"),
    Quiet("The 2011 2012 season had 1,000 games.", ("NU004",)),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


@pytest.mark.parametrize("text,lang,expected", [
    ("1.500 Euro", "de", {1500.0, 1.5}),
    ("1,000.5", "en", {1000.5}),
    ("20 000", "fr", {20000.0}),
    ("2,5 milliards", "fr", {2.5, 2.5e9}),
    ("zweihundertfünfzig", "de", {250.0}),
    ("dvě stě padesát", "cs", {250.0}),
    ("двести пятьдесят", "ru", {250.0}),
    ("दो सौ पचास", "hi", {250.0}),
    ("三百", "zh", {300.0}),
    ("६००", "hi", {600.0}),
    ("３０", "ja", {30.0}),
])
def test_quantity_values(text, lang, expected):
    (q,) = quantities(text, lang)
    assert q.values == expected


def test_codes_are_not_quantities():
    text = "the A4 motorway, COVID-19, 100-run stand, 5km"
    assert [c for *_, c in codes(text)] == ["A4", "COVID-19"]
    assert [q.text for q in quantities(text, "en")] == ["100", "5"]
