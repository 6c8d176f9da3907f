"""NE: names against the source, across scripts."""
import pytest

from mtqa.text.names.spelling import skeleton, skeletons_match
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("Goods imported from Bulgaria are duty free.", (("NE001", "Bulgaria"),),
         src="从中美洲进口的货物都是免关税的。", src_lang="zh"),
    Fire("The talks with Vladivostok officials ended.", (("NE001", "Vladivostok"),),
         src="Les pourparlers avec les responsables chinois ont pris fin.", src_lang="fr"),
    Fire("Rafaj was re-elected.", (("NE001", "Rafaj"),), src="Macura byl znovu zvolen.", src_lang="cs"),
    Fire("The man works for the diocese.", (("NE002", "Nantes"),), src="Der Mann arbeitet für die Diözese Nantes.",
         src_lang="de"),
    Fire("Goods imported from Virat are duty free.", (("NE002", "中美洲"),), src="从中美洲进口的货物都是免关税的。",
         src_lang="zh"),
    # A frequent name (a dictionary knows it, but not as a word) is still a name the source must have.
    Fire("US President Obama arrived in Singapore on Monday.", (("NE001", "Obama"),),
         src="Der US-Präsident Bush traf am Montag in Singapur ein.", src_lang="de"),
    # With a reference, an acronym that neither witness writes (nor spells out) is invented.
    Fire("Agreements between the state and NHL will be signed on Tuesday.", (("NE001", "NHL"),),
         src="Smlouvy mezi státem a ČEZ budou podepsány v úterý.", src_lang="cs",
         ref="Agreements between the state and CEZ will be signed on Tuesday."),
    # Without a reference, an acronym is judged when the source has none of its own.
    Fire("According to VAR, the missile test is going as planned.", (("NE001", "VAR"),),
         src="По данным Минобороны, испытания ракеты идут в плановом порядке.", src_lang="ru"),
    # A place known under its Chinese name settles the question, whatever other syllables match.
    Fire("Comets may be the source of Austria's water.", (("NE001", "Austria"),),
         src="彗星可能是地球上的水的来源。", src_lang="zh"),
    # A run of Chinese transliteration characters is a foreign name: 卡特里 is Catri.
    Fire("He said that new cases fell.", (("NE002", "卡特里"),), src="卡特里说，新增病例减少了。", src_lang="zh"),
    # A first name and surname opening the source sentence are a name too.
    Fire("A UN expert on the disease noted that the outbreak was caused by peacekeepers.",
         (("NE002", "Danielle Lantagne"),),
         src="Danielle Lantagne, ein UN-Experte für die Krankheit, stellte fest, dass der Ausbruch von Blauhelmen "
             "verursacht wurde.", src_lang="de"),
    # Russian names inflect and are not English words: the source's name is still demanded.
    # A source acronym the translation neither keeps nor renders as another name is dropped.
    Fire("By checking the number against the database, they linked this Ferrari to the robbery.", (("NE002", "VIN"),),
         src="VIN番号を盗難車のデータベースと照合することにより、このフェラーリを事件に関連付けた。", src_lang="ja"),
    Fire("The union's member states agreed on common hygiene standards.", (("NE002", "Evropské"),),
         src="Země Evropské unie se dohodly na společných hygienických standardech.", src_lang="cs"),
    # The generic word of a natural feature is translated; its own name is still checked.
    Fire("Vasco da Gama found the route linking Cape Trafalgar with India.", (("NE001", "Trafalgar"),),
         src="Vasco da Gama descubrió la ruta que une el Cabo de Europa con la India.", src_lang="es"),
    Fire("If the has chosen not to show these images, it is to protect its interests.", (("NE002", "FOM"),),
         src="Si la FOM a choisi de ne pas montrer ces images, c'est pour protéger ses intérêts.", src_lang="fr"),
    # An acronym that renders none of the source's (CEDH would be ECHR) is another body.
    Fire("A lawyer will take the case to the NSA.", (("NE001", "NSA"),),
         src="Un avocat va porter l'affaire devant la CEDH.", src_lang="fr"),
    Fire("The WHO and the ministry reported new cases.", (("NE002", "ČEZ"),),
         src="ČEZ a ministerstvo hlásily nové případy.", src_lang="cs"),
    # A frequent place, declined: Москве is Moscow.
    Fire("Rain is expected on Sunday.", (("NE002", "Москве"),),
         src="В воскресенье в Москве ожидаются дожди.", src_lang="ru"),
    Fire("Psychologist, who has a million subscribers, spoke about the fighter.", (("NE002", "Степанова"),),
         src="Психолог Вероника Степанова, у которой миллион подписчиков, рассказала о бойце.", src_lang="ru"),
    # A declined surname whose base form English writes without accents (Drahoš, Drahos).
    Fire("He supported Zeman's opponent in the elections.", (("NE002", "Drahoše"),),
         src="Ve volbách podpořil Zemanova protikandidáta Jiřího Drahoše.", src_lang="cs"),
    # A word the source language hardly uses, opening a sentence, is a name there.
    Fire("He has been mayor since 2014.", (("NE002", "Macura"),),
         src="Macura je primátorem od roku 2014.", src_lang="cs"),
    # German too: a word German hardly uses, which English text knows, opens the sentence.
    Fire("And Chase used phages to insert their own DNA.", (("NE002", "Hershey"),),
         src="Hershey und Chase benutzten Phagen, um ihre eigene DNA einzubauen.", src_lang="de"),
    # Hindi spells names by sound: a name whose sounds no word of the source has is not there.
    Fire("The minister Pavel Novak met the farmers.", (("NE001", "Pavel"), ("NE001", "Novak")),
         src="मंत्री राहुल शर्मा ने किसानों से मुलाकात की।", src_lang="hi"),
    # A name that pinyin, Hepburn and Korean cannot spell is written by sound in Chinese or
    # Japanese; no run of characters sounds like it here.
    Fire("Pitcher Dmitry Orlov started the game.", (("NE001", "Dmitry"), ("NE001", "Orlov")),
         src="投手の勝野が先発した。", src_lang="ja"),
    # In Japanese, a foreign name is a katakana word: kanji that happen to share its consonants
    # do not support it.
    Fire("Last season Srivastava scored eight goals as a specially designated player.",
         (("NE001", "Srivastava"),), src="唐山は昨季、特別指定選手として出場したＪ３で１０試合８ゴール。", src_lang="ja"),
    # A two-character place that is no syllable pair of a transliteration (香港, 平壤).
    Fire("Prices rose sharply in the city last year.", (("NE002", "香港"),),
         src="去年香港物价大幅上涨。", src_lang="zh"),
    Fire("Melbourne will have rain for three days.", (("NE001", "Melbourne"),),
         src="未来三天，北京多阴雨天气。", src_lang="zh"),
    # "US" in capitals is the country (not the pronoun), and this source names no such place.
    Fire("The tank was hit during an exercise in the US.", (("NE001", "US"),),
         src="Танк был подбит на учениях в Канаде.", src_lang="ru"),
    # Seas and regions are named with common words: a table gives their names in the source.
    Fire("Storms formed over the North Sea on Monday.", (("NE001", "North Sea"),),
         src="Über der Ostsee bildeten sich am Montag Stürme.", src_lang="de"),
    Fire("Both men lived in the Middle East.", (("NE001", "Middle East"),),
         src="二人とも仙台市に住んでいます。", src_lang="ja"),
    # A name that pinyin spells is read in the characters: no run of them reads Zhang or Xinjiang.
    Fire("Officials say Zhang visited Xinjiang last week.", (("NE001", "Zhang"), ("NE001", "Xinjiang")),
         src="官员说郭梅上周访问了重庆。", src_lang="zh"),
]

QUIET = [
    Quiet("Vasco da Gama found the route linking Cape Europe with India, then the Bay of Somme.", ("NE001",),
          src="Vasco da Gama descubrió la ruta que une el Cabo de Europa con la India, luego la bahía del Somme.",
          src_lang="es", why="generic words of natural features (cabo, bahía) are translated"),
    Quiet("By checking the vehicle identification number against the database, they linked this Ferrari to the robbery.",
          ("NE002",), src="VIN番号を盗難車のデータベースと照合することにより、このフェラーリを事件に関連付けた。", src_lang="ja",
          why="an acronym spelt out"),
    Quiet("EU member states agreed on common hygiene standards.", ("NE002",),
          src="Země Evropské unie se dohodly na společných hygienických standardech.", src_lang="cs",
          why="a name rendered by the acronym its words spell"),
    Quiet("The Chinese Consulate General in Houston was established in 1979.", ("NE001",),
          src="Генеральное консульство Китая в Хьюстоне было открыто в 1979 году.", src_lang="ru",
          why="transliterated and inflected"),
    Quiet("Goods imported from Central America and Bulgaria are duty free.", ("NE001",),
          src="从中美洲和保加利亚进口的货物都是免关税的。", src_lang="zh", why="CLDR place names"),
    Quiet("The coach Miłosz Stępiński spoke in London.", ("NE001",),
          src="Trener Miłosza Stępińskiego przemawiał w Londynie.", src_lang="pl", why="Polish inflection"),
    Quiet("The man works for the diocese of Nantes in the US.", ("NE002",),
          src="Der Mann arbeitet für die Diözese Nantes in den USA.", src_lang="de"),
    Quiet("The road between Point Marion and Fairmont in the United States.", ("NE002",),
          src="美国波特马里恩 (Point Marion) 到费尔蒙特 (Fairmont) 之间的路段", src_lang="zh"),
    Quiet("Kofu City announced a new case.", ("NE001",), src="甲府市は新たな感染を発表しました。", src_lang="ja",
          why="read by the dictionary (甲府, Kōfu); without a reader installed, not judged"),
    Quiet("A UN expert and the ECHR spoke about Luminosity and the Northern Hemisphere.", ("NE001",),
          src="Un expert de l'ONU et la CEDH ont parlé de la luminosité et de l'hémisphère nord.", src_lang="fr",
          why="acronyms and capitalised dictionary words are translated, not kept"),
    Quiet("Queen Elizabeth II met Dr. Décary and President Macron in Constantinople.", ("NE001",),
          src="La reine Elisabeth II a rencontré la Dre Décary et le président Macron à Konstantinopel.",
          src_lang="fr", why="titles are translated; another language's spelling of a name supports it"),
    Quiet("In 1981 John Paul II met Pope Benedict and Queen Elizabeth.", ("NE001", "NE002"),
          src="W 1981 roku Jan Paweł II spotkał papieża Benedykta i królową Elżbietę.", src_lang="pl",
          why="given names in their English form (a list of name equivalents)"),
    Quiet("Lech Wałęsa spoke to Małgorzata Kidawa-Błońska about English-only schools.", ("NE001",),
          src="Lech Wałęsa rozmawiał z Małgorzatą Kidawą-Błońską o szkołach tylko po angielsku.", src_lang="pl",
          why="a hyphenated name inflected in both parts; a compound of an English word"),
    Quiet("Putin said the Center Party serves the Pacific Ocean fleet.", ("NE002",),
          src="Путин сказал, что Центристская партия служит флоту Тихого океана.", src_lang="ru",
          why="capitalised Russian adjectives begin institutions and features, which are translated"),
    Quiet("The WHO and the UN peacekeepers arrived in the 15th century.", ("NE002",),
          src="La OMS y los cascos azules de la ONU llegaron en el siglo XV.", src_lang="es",
          why="acronyms translated into acronyms (case matters: Spanish 'un' is not 'UN'); Roman numerals"),
    Quiet("Relations were severed by the United Arab Emirates and the World Health Organization.", ("NE002",),
          src="Отношения разорвали ОАЭ и ВОЗ.", src_lang="ru",
          why="an abbreviated place known to CLDR; an acronym translated into words"),
    Quiet("Rain is expected in Moscow and across Russia on Sunday.", ("NE002",),
          src="В воскресенье в Москве и по всей России ожидаются дожди.", src_lang="ru"),
    Quiet("The document was first read by John Nixon; Catri said so.", ("NE002",),
          src="约翰·尼克松 (John Nixon) 首次宣读了这份文件；卡特里说。", src_lang="zh",
          why="transliterations kept (pinyin -ng for -n); the Latin gloss stands for the name"),
    Quiet("The state, CEZ, the EU and the US signed; TV showed it.", ("NE001",),
          src="Stát, ČEZ, EU a USA podepsaly; televize to ukázala.", src_lang="cs",
          ref="The state, ČEZ, the European Union and the United States signed; television showed it.",
          why="acronyms written alike, spelt out, or common words"),
    Quiet("The budget is PLN 103bn; the CEO said the KO round is next.", ("NE001",),
          src="Budżet to 103 mld zł; prezes powiedział, że runda K.o. jest następna.", src_lang="pl",
          why="currency codes, frequent acronyms, dotted forms"),
    Quiet("The mayor said the budget would be cut.", ("NE002",),
          src="Primátor uvedl, že rozpočet bude snížen.", src_lang="cs",
          why="a common word opening the sentence is a word, not a name"),
    Quiet("The new demands could not be met, the ministry said.", ("NE002",),
          src="Die neuen Forderungen könnten nicht erfüllt werden, teilte das Ministerium mit.", src_lang="de",
          why="capitalised words opening a sentence are common words"),
    Quiet("The WHO, NATO, the UN and the ECHR met; GDP fell.", ("NE001", "NE002"),
          src="L'OMS, l'OTAN, l'ONU et la CEDH se sont réunies ; le PIB a baissé.", src_lang="fr",
          why="acronyms written with other letters (a table of international bodies) or reordered"),
    Quiet("WHO experts met the FSB.", ("NE001", "NE002"), src="Эксперты ВОЗ встретились с ФСБ.", src_lang="ru",
          why="Cyrillic acronyms, romanised"),
    Quiet("Dmitri Kislov of the NGO met Rep. Brad Sherman, who stays until Sept. 16.", ("NE001",),
          src="Dmitri Kislov, de la ONG, se reunió con el representante Brad Sherman, que se queda hasta el 16 de septiembre.",
          src_lang="es", ref="Dmitry Kislov of the organization met representative Brad Sherman, who stays until September 16.",
          why="the source's own acronym (ONG) renders NGO even with a reference; abbreviations are no names"),
    Quiet("A lawyer will take the case to the ECHR.", ("NE001",),
          src="Un avocat va porter l'affaire devant la CEDH.", src_lang="fr",
          why="the source has an acronym of its own, which the translation's may render"),
    Quiet("Minister Rahul Sharma met farmers in Meerut; Howie and Huawei agreed, the Oscars too.", ("NE001",),
          src="मंत्री राहुल शर्मा ने मेरठ में किसानों से मुलाकात की; हॉवी और हुवाई सहमत थे, आस्कर भी।", src_lang="hi",
          why="Devanagari read with its inherent vowel (मेरठ is Meerut); vowels spelt many ways; a plural"),
    Quiet("Prosecutors in Duisburg met Xiaoping in Hong Kong.", ("NE001",),
          src="杜伊斯堡检方在香港与小平会面。", src_lang="zh",
          why="Chinese drops final consonants (杜伊斯堡); pinyin names may be any characters"),
    Quiet("In Xiamen, Chongqing officials met Tsai Ing-wen of Taipei; Arun Banner police agreed.", ("NE001",),
          src="在厦门，重庆官员会见了台北的蔡英文；阿荣旗警方表示同意。", src_lang="zh",
          why="every reading of a character (厦 xia/sha, 重 chong/zhong); Wade-Giles; a Mongolian name's vowels"),
    Quiet("US troops arrived and the US president spoke.", ("NE001",),
          src="Les troupes américaines sont arrivées et le président américain a parlé.", src_lang="fr",
          why="the country's adjective in the source supports US"),
    Quiet("US troops arrived and the US president spoke.", ("NE001",),
          src="Llegaron las tropas estadounidenses y habló el presidente norteamericano.", src_lang="es"),
    Quiet("Talks on the Middle East, the Black Sea and the Asia-Pacific region.", ("NE001",),
          src="Rozmowy o Bliskim Wschodzie, Morzu Czarnym i regionie Azji i Pacyfiku.", src_lang="pl",
          why="declined forms: the stems of each name's words"),
    Quiet("Fleets of the Black Sea and the Pacific met; Google Earth showed it.", ("NE001",),
          src="Флоты Чёрного моря и Тихого океана встретились; это показал Google Earth.", src_lang="ru",
          why="ё written as е or not; a name kept in English"),
    Quiet("Trade in the Asia-Pacific and on Earth.", ("NE001",), src="亚太地区和地球上的贸易。", src_lang="zh"),
    Quiet("Tanaka and Maria met in Sendai.", ("NE001",), src="田中和玛丽亚在仙台见面。", src_lang="zh",
          why="Japanese names are written in characters read otherwise; a foreign name pinyin also spells"),
    Quiet("Pitcher Ohtani met Jack Drury at the Nagoya Dome.", ("NE001",),
          src="大谷投手はナゴヤドームでジャック・ドゥルーリーに会った。", src_lang="ja",
          why="a foreign name written in katakana, split at its middle dot"),
    Quiet("Ohtani and Park were the last batters.", ("NE001",), src="大谷と朴は最後の打者だった。", src_lang="ja",
          why="Japanese and Korean names are written in characters whose reading we cannot check"),
    Quiet("Most small islands have famous luxury beach resorts.", ("NE002",),
          src="小さい島々の大半には有名な高級ビーチリゾートがあります。", src_lang="ja",
          why="チリ (Chile) inside a longer katakana word is part of it"),
    Quiet("Goma is a city in the Democratic Republic of Congo.", ("NE001", "NE002"),
          src="戈马是刚果民主共和国的一个城市。", src_lang="zh", why="CLDR's 刚果（金） is written 刚果 in text"),
]

#: Japanese names read by a dictionary (`mtqa[ja]`: cutlet with UniDic-lite). Without it these
#: names cannot be settled from kanji, and the cases do not apply.
JA_READING_FIRE = [
    # 諏訪 is Suwa, 甲府 Kōfu, 長州 Chōshū: a Japanese name that no reading of the source spells.
    Fire("A woman in her 40s in Okaya was infected.", (("NE001", "Okaya"),),
         src="長野県諏訪市の40代の女性が感染しました。", src_lang="ja"),
    Fire("Kamakura City announced a new case.", (("NE001", "Kamakura"),),
         src="甲府市は新たな感染を発表しました。", src_lang="ja"),
    Fire("He lectured in Yamaguchi after returning to Satsuma.", (("NE001", "Satsuma"),),
         src="長州藩に戻ってからも山口明倫館で兵学の講義を行った。", src_lang="ja"),
    # The source's words are read too, not only its names: 野馬追 is no Nagaoka.
    Fire("The Soma Nagaoka festival will be held for three days.", (("NE001", "Nagaoka"),),
         src="「相馬野馬追」は３日間の日程で開催される。", src_lang="ja"),
    # NE002: the dictionary's people and places that no capitalised word of the translation reads.
    Fire("Where the woman works announced an infected employee.", (("NE002", "諏訪"),),
         src="女性の勤め先の諏訪赤十字病院は感染した職員がいたことを公表しました。", src_lang="ja"),
    Fire("Scored 8 goals in 10 games last season.", (("NE002", "唐山"),),
         src="唐山は昨季、１０試合８ゴール。", src_lang="ja"),
]

JA_READING_QUIET = [
    Quiet("A woman in her 40s in Suwa, Nagano Prefecture, was infected.", ("NE001",),
          src="長野県諏訪市の40代の女性が感染しました。", src_lang="ja", why="the dictionary's reading"),
    Quiet("The Soma Nomaoi festival will be held for three days.", ("NE001",),
          src="「相馬野馬追」は３日間の日程で開催される。", src_lang="ja",
          why="vowels meet across words (no + umaoi) and long vowels are written short"),
    Quiet("He lectured at Meirinkan in Yamaguchi after returning to Choshu.", ("NE001",),
          src="長州藩に戻ってからも山口明倫館で兵学の講義を行った。", src_lang="ja", why="Chōshū, written Choshu"),
    Quiet("Otani was the last batter in the 9th inning.", ("NE001",), src="大谷は9回最後の打者だった。",
          src_lang="ja", why="the second-best analysis reads 大谷 as Ōtani (the best: Ōya)"),
    Quiet("Pitcher Akiyoshi Katsuno started for Chunichi.", ("NE001",), src="中日・勝野昌慶投手が先発。",
          src_lang="ja", why="a given name's reading varies beyond the dictionary's (昌慶: Shōkei)"),
    Quiet("President Hu Jintao called on developing countries.", ("NE001",),
          src="胡錦濤国家主席は発展途上国に呼びかけました。", src_lang="ja",
          why="a Chinese name in a Japanese source is read in pinyin"),
    Quiet("Toyama scored 8 goals in 10 games last season.", ("NE002",), src="唐山は昨季、１０試合８ゴール。",
          src_lang="ja", why="a reading among the best (Tōyama), not the first (Tōzan)"),
    Quiet("A new illustration of the Asanogawa Bridge was prepared.", ("NE002",),
          src="浅野川大橋の描き下ろしイラストも用意した。", src_lang="ja",
          why="the reading of 浅野 opens a name of the translation"),
    Quiet("It takes energy to collect many protons in one nucleus.", ("NE002",),
          src="1つの原子核に多くの陽子を集めるにはエネルギーが必要です。", src_lang="ja",
          why="陽子 is a given name to the dictionary, and also a common noun (a proton)"),
    Quiet("In Takagi Village, the residents are isolated again.", ("NE002",),
          src="喬木村では再び住民が孤立しています。", src_lang="ja",
          why="a name the source does not confirm (喬木 read Kyōboku) may render it: not judged"),
]


def _japanese_reader() -> bool:
    from mtqa.resources import japanese
    return japanese.available()


test_fires, test_quiet = family_tests(FIRE, QUIET)
_ja_fires, _ja_quiet = family_tests(JA_READING_FIRE, JA_READING_QUIET)
_needs_reader = pytest.mark.skipif(not _japanese_reader(), reason="mtqa[ja] (cutlet, unidic-lite) not installed")
test_japanese_reading_fires = _needs_reader(_ja_fires)
test_japanese_reading_quiet = _needs_reader(_ja_quiet)


def test_without_a_japanese_reader_a_kanji_name_is_not_judged(monkeypatch):
    # The extra is optional: without it a kanji name is neither confirmed nor ruled out.
    from mtqa.resources import japanese
    from mtqa.text.names.source_evidence import SourceEvidence, source_evidence

    monkeypatch.setattr(japanese, "_cutlet", lambda: None)
    monkeypatch.setattr(japanese, "reading_paths", lambda text: None)
    evidence = source_evidence("長野県諏訪市の40代の女性が感染しました。", "ja")
    assert isinstance(evidence, SourceEvidence) and evidence.supports("Okaya") is None
    from mtqa.text.names.japanese_names import dropped_kanji_names
    assert dropped_kanji_names("諏訪中央病院が公表した。", "The hospital announced it.", []) == []


@_needs_reader
def test_japanese_reading_adapter():
    from mtqa.resources import japanese
    from mtqa.text.japanese import hepburn_key, read_in

    paths = japanese.reading_paths("甲府市と大谷")
    assert any("koufu" in p for p in paths) and any("ootani" in p for p in paths)
    assert japanese.has_unsure_name("大谷は打者だった。") and not japanese.has_unsure_name("甲府市は発表した。")
    assert hepburn_key("Tōkyō") == hepburn_key("Toukyou") == hepburn_key("Tokyo") == "tokyo"
    assert hepburn_key("Shimbun") == hepburn_key("shinbun") and hepburn_key("Ohno") == hepburn_key("Ono")
    assert read_in("Sapporo", ("sapporoshi",)) and read_in("Shinzo", ("abe", "shinzou"))
    assert read_in("Nomaoi", ("souma", "no", "umaoi"))
    assert not read_in("Ito", ("itoukou",))  # a short name is a whole word, not the start of one
    assert not read_in("Kobe", ("kou", "fu"))


def test_transliterations_share_a_skeleton():
    assert skeleton("Houston") == "STN"
    for form in ("Хьюстон", "hyusuton", "XiuSiDun"):
        from anyascii import anyascii
        assert skeletons_match(skeleton("Houston"), skeleton(anyascii(form))), form


def test_devanagari_is_read_with_its_inherent_vowel():
    from mtqa.text.phonetic import romanize_devanagari
    assert romanize_devanagari("जवाब") == "javab"
    assert romanize_devanagari("मेरठ") == "merath"
    assert romanize_devanagari("ज़िला") == "zila"


def test_east_asian_romanisations():
    from mtqa.text.phonetic import romanises_east_asian
    for name in ("xiaoping", "katsuno", "ohtani", "park", "zhang"):
        assert romanises_east_asian(name), name
    for name in ("dmitry", "melbourne", "christopher", "buddha"):
        assert not romanises_east_asian(name), name
    assert not romanises_east_asian("ya" * 40 + "q")  # long words are no names (and no backtracking)


def test_pinyin_readings_of_a_chinese_source():
    from mtqa.text.phonetic import spells_pinyin
    from mtqa.text.pinyin import han_runs, written_in
    assert written_in("xiamen", han_runs("厦门大学")) and written_in("shamen", han_runs("大厦门口"))
    assert written_in("taipei", han_runs("台北")) and written_in("ing-wen", han_runs("蔡英文"))
    assert not written_in("zhang", han_runs("再加上拥抱信息技术"))  # shang is not zhang
    assert not written_in("arun", han_runs("阿荣旗")) and written_in("arun", han_runs("阿荣旗"), near=True)
    assert not written_in("jin", han_runs("京"), near=True)  # one near syllable alone reads as no name
    for name in ("zhang", "xian", "tiananmen", "ouyang"):
        assert spells_pinyin(name), name
    for name in ("lee", "loong", "hsien", "dmitry"):
        assert not spells_pinyin(name), name


def test_a_repeated_name_is_reported_at_every_occurrence():
    # Names are judged once per text (so that a long line stays linear); each place still counts.
    from mtqa import check
    result = check("Rafaj met Rafaj, and Rafaj left.", "Macura potkal Macuru a Macura odešel.", src_lang="cs")
    spans = sorted((f.rule, f.start) for f in result.findings if f.rule in ("NE001", "NE002"))
    assert [r for r, _ in spans].count("NE001") == 3
    # Each of the source's three Macura is the name Rafaj replaced: folded into the NE001 findings.
    folded = {(r.rule, r.start) for f in result.findings for r in f.related if r.rule == "NE002"}
    assert len(folded) == 3 and not any(r == "NE002" for r, _ in spans)


def test_acronym_correspondence():
    from mtqa.text.acronyms import corresponds
    assert corresponds("ECHR", "CEDH") and corresponds("UN", "ONU") and corresponds("WHO", "ВОЗ")
    assert not corresponds("NSA", "CEDH") and not corresponds("NATO", "РИА")


def test_a_variant_spelling_or_a_capitalised_common_word_is_weak_evidence():
    from mtqa import check
    from mtqa.model import Confidence

    def ne(hyp, src, lang):
        return {(f.rule, f.text): f.confidence for f in check(hyp, src=src, src_lang=lang, tgt_lang="en").findings
                if f.rule.startswith("NE")}

    # Kyiv / Kiev: transliteration variants of one name, reported (if at all) as a weak note.
    assert set(ne("Drones hit Kyiv overnight.", "Des drones ont frappé Kiev cette nuit.", "fr").values()) <= {
        Confidence.LOW}
    # A wholly different name is strong evidence.
    assert ne("Drones hit Odesa overnight.", "Des drones ont frappé Kiev cette nuit.", "fr")[("NE001", "Odesa")] \
        == Confidence.HIGH
    # An exonym the place lists do not hold (Cornovaglia for Cornwall): a near spelling, weak.
    assert ne("He lives in Stithians, Cornwall.", "Vive a Stithians, Cornovaglia.", "it") == {
        ("NE001", "Cornwall"): Confidence.LOW}
