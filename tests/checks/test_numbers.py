"""NU: numbers, quantities and dates against the source, and foreign number formats."""
import pytest

from mtqa.text.codes import codes
from mtqa.text.numbers import quantities
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
    # clock times: a different hour is a wrong number, whatever the clock
    Fire("The train leaves at 4:30 p.m.", (("NU001", "4:30 p.m."),), src="Le train part à 15 h 30.", src_lang="fr"),
    Fire("We meet at 8.15 am.", (("NU001", "8.15 am"),), src="Wir treffen uns um 7.15 Uhr.", src_lang="de"),
    Fire("The meeting starts at 4 p.m.", (("NU001", "4 p.m."),), src="会議は午後3時に始まる。", src_lang="ja"),
    # CJK myriads: 3万 is 30,000, not 3,000
    Fire("3,000 people attended.", (("NU001", "3,000"),), src="有3万人参加。", src_lang="zh"),
    Fire("120 people came.", (("NU001", "120"),), src="来了１２万人。", src_lang="zh"),
    # counts in words
    Fire("One in four Germans agrees.", (("NU001", "four"),), src="Jeder Dritte stimmt zu.", src_lang="de"),
    Fire("He bought a dozen eggs.", (("NU002", "zweieinhalb Millionen"),),
         src="Er kaufte zweieinhalb Millionen Eier.", src_lang="de"),
    # ordinals and Roman centuries
    Fire("The church dates from the 16th century.", (("NU001", "16"),), src="L'église date du XVe siècle.",
         src_lang="fr"),
    Fire("The 1940s were marked by pacifism.", (("NU001", "1940"),),
         src="Lata dwudzieste XX wieku charakteryzuje postawa pacyfizmu.", src_lang="pl"),  # a century is not its decades
    Fire("On the ninth day they left.", (("NU001", "ninth"),), src="Am achten Tag gingen sie.", src_lang="de"),
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
    # clock and time expressions against 12-hour, 24-hour and wire forms
    Quiet("The train leaves at 3:30 p.m.", ("NU001", "NU002"), src="Le train part à 15 h 30.", src_lang="fr",
          why="French 15 h 30 on the 12-hour clock"),
    Quiet("The attack began at 1530 GMT.", ("NU001", "NU002"), src="Der Angriff begann um 15.30 Uhr.",
          src_lang="de", why="wire time against a dotted German time"),
    Quiet("We meet at 7:15 in the morning.", ("NU001", "NU002"), src="Wir treffen uns um 7.15 Uhr.", src_lang="de"),
    Quiet("The meeting starts at 3 p.m.", ("NU001", "NU002"), src="会議は午後3時に始まる。", src_lang="ja"),
    Quiet("The meeting starts at half past three in the afternoon.", ("NU002",), src="下午3点半开会。", src_lang="zh"),
    Quiet("At 11 a.m. a man came in.", ("NU001", "NU002"), src="Alle 11 entrò un uomo.", src_lang="it",
          why="a.m. is not an article"),
    # CJK myriads, full-width digits, idioms with numerals
    Quiet("30,000 people and 150 million yuan.", ("NU001", "NU002"), src="3万人和1.5亿元。", src_lang="zh"),
    Quiet("120,000 people came.", ("NU001", "NU002"), src="来了１２万人。", src_lang="zh"),
    Quiet("Thirty-five people, two of them children.", ("NU001", "NU002"), src="三十五个人，其中两个孩子。",
          src_lang="zh"),
    Quiet("There are tens of thousands of black holes.", ("NU001", "NU002"), src="有数以万计的黑洞。",
          src_lang="zh", why="数以万计: a vague quantity of ten-thousands"),
    Quiet("The shadow falls on hundreds of billions of stars.", ("NU001", "NU002"), src="影子投在数千亿颗恒星上。",
          src_lang="zh"),
    Quiet("Two and a half million parts in two and a half years.", ("NU001", "NU002"),
          src="两年半的时间，两百五十万个部分。", src_lang="zh"),
    Quiet("It will start within the next decade.", ("NU002",), src="有望在未来十年内启动。", src_lang="zh"),
    Quiet("Turn up the volume a little bit.", ("NU002",), src="把音量调大一点点。", src_lang="zh",
          why="一点 is 'a little', not one o'clock"),
    # counts said with words
    Quiet("One in three Germans agrees.", ("NU001", "NU002"), src="Jeder Dritte stimmt zu.", src_lang="de"),
    Quiet("He bought half a dozen eggs.", ("NU001", "NU002"), src="Il a acheté six œufs.", src_lang="fr"),
    Quiet("Tens of thousands of people marched.", ("NU001", "NU002"),
          src="Des dizaines de milliers de personnes ont défilé.", src_lang="fr"),
    Quiet("Tens of thousands of people marched.", ("NU001", "NU002"), src="Zehntausende Menschen marschierten.",
          src_lang="de"),
    # German target (MQM en-de): compounds, verbs that look like ordinals, unit conversion
    Quiet("Es bewegt sich im dreidimensionalen Raum, jedes zehnmal so groß.", ("NU002",),
          src="It moves in three-dimensional space, each one 10 times as big.", src_lang="en", tgt_lang="de"),
    Quiet("Achten Sie auf die Form des Eisbergs.", ("NU001",), src="Pay attention to the shape of the iceberg.",
          src_lang="en", tgt_lang="de", why="achten is the verb, not the ordinal"),
    Quiet("Er befindet sich etwa 40 Meter über dem Wasser.", ("NU001", "NU002"),
          src="It's about 120 feet above the water.", src_lang="en", tgt_lang="de", why="feet converted to metres"),
    Quiet("Es gab 40.000 Tote.", ("NU001", "NU002"), src="There were 40000 deaths.", src_lang="en", tgt_lang="de"),
    Quiet("We moved the earth to the black hole-30 kilometers away.", ("NU002",),
          src="我们把地球移动到黑洞– 30公里处。", src_lang="zh", why="a dash, not a code like COVID-19"),
    Quiet("Searches became more intrusive in the post-9/11 era.", ("NU001",),
          src="Les fouilles sont devenues plus intrusives dans l’ère de l’après-11 septembre 2001.", src_lang="fr",
          why="après-11 and post-9 join a word and a number; 9 is the month the source names"),
    # centuries in Roman numerals
    Quiet("The church dates from the 15th century.", ("NU001", "NU002"), src="L'église date du XVe siècle.",
          src_lang="fr"),
    Quiet("In the twentieth century.", ("NU001", "NU002"), src="W XX wieku.", src_lang="pl"),
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


def _finding(hyp, src, src_lang, code, tgt_lang="en"):
    from mtqa import check

    # The rule alone: with NU001 also running, NU002's finding on the same error folds into it.
    found = [f for f in check(hyp, src=src, src_lang=src_lang, tgt_lang=tgt_lang, select=[code]).findings
             if f.rule == code]
    assert found, (hyp, src)
    return found[0]


@pytest.mark.parametrize("hyp,src,src_lang,code,level", [
    # digits against digits, one reading: strong
    ("The consulate opened in 1995.", "Le consulat a ouvert en 1985.", "fr", "NU001", "high"),
    # a number word with a known value: strong
    ("There were many deaths.", "Il y a eu quarante morts.", "fr", "NU002", "high"),
    # a clock time: the hour is read through a time parse
    ("The train leaves at 4:30 p.m.", "Le train part à 15 h 30.", "fr", "NU001", "medium"),
    # a day inside a date
    ("It happened on 18 July.", "Es geschah am 17. Juli.", "de", "NU001", "medium"),
    # a number that parses two ways
    ("It cost 2 euros.", "Es kostete 1.500 Euro.", "de", "NU002", "medium"),
    # a CJK numeral in characters (一, 十 also write words that are not counts)
    ("Thirty people came.", "来了三十五个人。", "zh", "NU002", "medium"),
    # a vague quantity
    ("Some people came.", "Des centaines de personnes sont venues.", "fr", "NU002", "low"),
    # a unit the translation may convert
    ("Er ist 60 Meter hoch.", "It is 120 feet high.", "en", "NU002", "low"),
])
def test_confidence_follows_the_evidence(hyp, src, src_lang, code, level):
    tgt = "de" if src_lang == "en" else "en"
    assert _finding(hyp, src, src_lang, code, tgt).confidence.label == level
