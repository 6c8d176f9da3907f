"""UT: untranslated text (foreign script, copied source words, copies of the source)."""
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("Cyanuric acid and 三聚氰胺 were found.", (("UT001", "三聚氰胺"),), src="在宠物的尿样中发现了氰尿酸和三聚氰胺。",
         src_lang="zh"),
    Fire("The Москва river froze.", (("UT001", "Москва"),)),
    # Without a source: a word English does not use and another language commonly does.
    Fire("The ministry said the talks were nicht successful.", (("UT004", "nicht"),)),
    Fire("Traffic in the miasto was heavy, the mayor said.", (("UT004", "miasto"),),
         ref="Traffic in the city was heavy, the mayor said."),
    Fire("The man works for the diocese und was responsible for it.", (("UT004", "und"),), ref="The man works for the diocese."),
    # "und" joins two names: it is no particle of one.
    Fire("He created the show with Brooks und Groening.", (("UT004", "und"),)),
    Fire("The comportement of the animals changed.", (("UT002", "comportement"),),
         src="Le comportement des animaux a changé.", src_lang="fr"),
    Fire("The man works for the diocese und was responsible for it.", (("UT002", "und"),),
         src="Der Mann arbeitet für die Diözese und war dafür verantwortlich.", src_lang="de"),
    Fire("Traffic continues throughout the rok.", (("UT002", "rok"),),
         src="Provoz pokračuje po celý rok.", src_lang="cs"),
    # With a reference, a short function word of the source (que, že) and a part of an
    # inflected or compound source word (potenciál in potenciálem) are caught too.
    Fire("Investigators found que crystals had formed in the urine.", (("UT002", "que"),),
         src="Les enquêteurs ont découvert que des cristaux s'étaient formés dans l'urine.", src_lang="fr",
         ref="Investigators found that crystals had formed in the urine."),
    Fire("Rafaj reported že the flats were used, with the potenciál to cause damage.",
         (("UT002", "že"), ("UT002", "potenciál")),
         src="Rafaj upozornil, že byty byly užívány, s potenciálem způsobit škodu.", src_lang="cs",
         ref="Rafaj reported that the flats were used, with the potential to cause damage."),
    Fire("A lawyer will take the affaire to the court.", (("UT002", "affaire"),),
         src="Un avocat va porter l'affaire devant la cour.", src_lang="fr",
         ref="A lawyer will take the case to the court."),
    # A German noun English does not use, after a determiner in the source; a compound's head.
    Fire("Heil said the law applies to the Fleisch industry and the Koalition agreed.",
         (("UT002", "Fleisch"), ("UT002", "Koalition")),
         src="Heil sagte, das Gesetz gelte für die Fleischbranche, und die Koalition stimmte zu.", src_lang="de"),
    Fire("The highest Gipfel of the range is Mount Vinson.", (("UT002", "Gipfel"),),
         src="Der höchste Gipfel des Gebirges ist der Mount Vinson.", src_lang="de"),
    # With a reference too: a word far more common in the source language, a German noun.
    Fire("Sponsors were found for the orphans from the pueblo and the highest Gipfel.",
         (("UT002", "pueblo"),), src="Se encontraron padrinos para los huérfanos del pueblo y el Gipfel más alto.",
         src_lang="es", ref="Sponsors were found for the orphans from the village and the highest Gipfel."),
    Fire("At the station, the Trophäe was shown.", (("UT002", "Trophäe"),),
         src="Am Bahnhof wurde die Trophäe gezeigt.", src_lang="de",
         ref="At the subway station, the trophy was shown."),
    Fire("Le gouvernement a démissionné hier soir.", (("UT003", "Le gouvernement a démissionné hier soir."),),
         src="Le gouvernement a démissionné hier soir.", src_lang="fr"),
]

QUIET = [
    Quiet("Mies van der Rohe built it near the Museo del Prado, per se a de facto landmark, see www.spiegel.de #wichtig.",
          ("UT004",), why="particles of names, English loans, web addresses and hashtags"),
    Quiet("The comportement of the animals changed.", ("UT004",), src="Le comportement des animaux a changé.",
          src_lang="fr", why="a word of the source: UT002 judges it, knowing the source language"),
    Quiet("The Landtag approved the ciudad plan.", ("UT004",), ref="The Landtag approved the ciudad plan.",
          why="the reference uses the word too"),
    Quiet("The government resigned last night.", ("UT001", "UT002", "UT003"),
          src="Le gouvernement a démissionné hier soir.", src_lang="fr"),
    Quiet("The μ value and the α ratio rose.", ("UT001",), why="lone Greek letters in formulas"),
    Quiet("Pawłowicz owns an apartment; Lech Wałęsa spoke to Vojtěch.", ("UT002",),
          src="Pawłowicz ma mieszkanie; Lech Wałęsa rozmawiał z Vojtěchem.", src_lang="pl", why="names"),
    Quiet("Servers IHNED.cz and Aktuálně.cz reported it.", ("UT002",),
          src="Servery IHNED.cz a Aktuálně.cz to oznámily.", src_lang="cs", why="domain names and acronyms"),
    Quiet("Werth had already won the status quo in Achleiten.", ("UT002",),
          src="Werth hatte den Status quo in Achleiten schon gewonnen.", src_lang="de"),
    Quiet("Interior Minister Seehofer and Söder agreed, and so did the Kretschmann government.", ("UT002",),
          src="Innenminister Seehofer und Söder waren sich einig, ebenso die Regierung Kretschmann.", src_lang="de",
          why="German surnames rare in English are no nouns: no determiner before them in the source"),
    Quiet("OK", ("UT003",), src="OK", src_lang="fr", why="too short to be a copy"),
    Quiet("The team of coach Miłosz Stępiński and the critic Rydzyk met Dmitri.", ("UT002",),
          src="Zespół trenera Miłosza Stępińskiego i krytyk Rydzyka spotkali Dmitri.", src_lang="pl",
          ref="Coach Miłosz Stępiński's team and the critic Rydzyk met Dmitry.",
          why="names, inflected in the source or spelt otherwise in the reference"),
    Quiet("He will pour the water and it will rain in Europe.", ("UT002",),
          src="Il va verser l'eau pour la pluie en Europe.", src_lang="fr",
          ref="He will pour water and it will rain in Europe.", why="an English word the reference uses"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_stem_in_source_bisection_equals_the_pass_over_every_word():
    import itertools

    from mtqa.checks.untranslated import STEM_MIN, _src_words, _stem_in_source

    src = ("Die Fleischbranche und potenciálem historiques l'affaire d’autres Zimmermann zimmer "
           "Verhandlungen verhandlung abcde abcdef abcdeg abcdf ABCDE straße strasse İstanbul")
    words = _src_words(src)
    assert {"affaire", "autres", "l'affaire"} <= words
    ordered = sorted(words)
    probes = {w[:n] for w in words for n in range(1, len(w) + 2)} | {"Fleisch", "POTENCIÁL", "zzzzzz", "abcdeh"}
    for probe in itertools.chain(probes, (p.upper() for p in probes)):
        w = probe.casefold()
        linear = len(w) >= STEM_MIN and any(s.startswith(w) and len(s) > len(w) for s in words)
        assert _stem_in_source(probe, ordered) == linear, probe
