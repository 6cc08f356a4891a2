"""The charter goals and the Capital Code themes in every language of the site.

Each translation is a row of its own (``TranslatableMixin``) with the source's
``translation_key``, slug and colour, so web addresses, filters and badges are the same
in every language; a theme relates to the goals of its own language. Rows that already
exist (translated by hand) are left as they are. Swedish follows the network's own
documents; the other languages use the words their cities' safety work uses (tryghed,
trygghet, turvallisuus, öryggi).
"""

from django.db import migrations

LANGUAGES = ["en", "sv", "da", "nb", "fi", "is"]

# slug -> language -> (name, description)
CHARTER_GOALS = {
    "safe-urban-spaces": {
        "sv": (
            "Trygga stadsmiljöer",
            "Gator, torg, stationer och parker där invånarna känner sig trygga och är säkra: "
            "belysning, skötsel, liv på platsen och ett delat ansvar med fastighetsägare, "
            "näringsliv och polis.",
        ),
        "da": (
            "Trygge byrum",
            "Gader, pladser, stationer og parker, hvor borgerne føler sig trygge og er sikre: "
            "belysning, vedligeholdelse, liv på stedet og et fælles ansvar med grundejere, "
            "erhvervsliv og politi.",
        ),
        "nb": (
            "Trygge byrom",
            "Gater, plasser, stasjoner og parker der innbyggerne føler seg trygge og er det: "
            "belysning, vedlikehold, liv på stedet og et felles ansvar med gårdeiere, "
            "næringsliv og politi.",
        ),
        "fi": (
            "Turvalliset kaupunkitilat",
            "Kadut, aukiot, asemat ja puistot, joissa asukkaat tuntevat olonsa turvalliseksi ja "
            "ovat turvassa: valaistus, kunnossapito, elämä paikassa sekä yhteinen vastuu "
            "kiinteistönomistajien, elinkeinoelämän ja poliisin kanssa.",
        ),
        "is": (
            "Örugg borgarrými",
            "Götur, torg, stöðvar og garðar þar sem íbúar finna til öryggis og eru öruggir: "
            "lýsing, viðhald, líf á staðnum og sameiginleg ábyrgð með fasteignaeigendum, "
            "fyrirtækjum og lögreglu.",
        ),
    },
    "safe-online-sphere": {
        "sv": (
            "Trygg digital miljö",
            "Ett digitalt offentligt rum fritt från hat, hot och rekrytering till "
            "våldsbejakande extremism, där invånare och offentliganställda kan delta utan "
            "rädsla.",
        ),
        "da": (
            "Trygt digitalt miljø",
            "Et digitalt offentligt rum uden had, trusler og rekruttering til voldelig "
            "ekstremisme, hvor borgere og offentligt ansatte kan deltage uden frygt.",
        ),
        "nb": (
            "Trygt digitalt miljø",
            "Et digitalt offentlig rom uten hat, trusler og rekruttering til voldelig "
            "ekstremisme, der innbyggere og offentlig ansatte kan delta uten frykt.",
        ),
        "fi": (
            "Turvallinen verkkoympäristö",
            "Digitaalinen julkinen tila ilman vihaa, uhkailua ja väkivaltaiseen ekstremismiin "
            "värväämistä, jossa asukkaat ja julkisen sektorin työntekijät voivat osallistua "
            "pelkäämättä.",
        ),
        "is": (
            "Öruggt netumhverfi",
            "Stafrænt almannarými án haturs, hótana og nýliðunar í ofbeldisfulla öfgahyggju, "
            "þar sem íbúar og opinberir starfsmenn geta tekið þátt án ótta.",
        ),
    },
    "strong-families": {
        "sv": (
            "Starka familjer",
            "Tidigt stöd till föräldrar och familjer, från hembesök hos nyblivna föräldrar till "
            "hjälp för familjer som oroar sig för att ett barn dras in i kriminalitet eller "
            "extremism.",
        ),
        "da": (
            "Stærke familier",
            "Tidlig støtte til forældre og familier, fra hjemmebesøg hos nybagte forældre til "
            "hjælp til familier, der er bekymrede for, at et barn bliver draget ind i "
            "kriminalitet eller ekstremisme.",
        ),
        "nb": (
            "Sterke familier",
            "Tidlig støtte til foreldre og familier, fra hjemmebesøk hos nybakte foreldre til "
            "hjelp for familier som er bekymret for at et barn trekkes inn i kriminalitet "
            "eller ekstremisme.",
        ),
        "fi": (
            "Vahvat perheet",
            "Varhaista tukea vanhemmille ja perheille, kotikäynneistä vastasyntyneiden "
            "vanhempien luona apuun perheille, jotka ovat huolissaan rikollisuuteen tai "
            "ekstremismiin ajautuvasta lapsesta.",
        ),
        "is": (
            "Sterkar fjölskyldur",
            "Snemmbær stuðningur við foreldra og fjölskyldur, allt frá heimavitjunum til "
            "nýbakaðra foreldra til aðstoðar við fjölskyldur sem hafa áhyggjur af barni sem "
            "dregst inn í afbrot eða öfgahyggju.",
        ),
    },
    "safe-public-institutions": {
        "sv": (
            "Trygga offentliga verksamheter",
            "Skolor, socialtjänst, bibliotek och stadshus som är trygga att arbeta i och "
            "besöka, och personal som vet hur de känner igen och agerar på en oro.",
        ),
        "da": (
            "Trygge offentlige institutioner",
            "Skoler, socialforvaltning, biblioteker og rådhuse, som det er trygt at arbejde i "
            "og besøge, og medarbejdere, der ved, hvordan de genkender og handler på en "
            "bekymring.",
        ),
        "nb": (
            "Trygge offentlige institusjoner",
            "Skoler, sosialtjenester, biblioteker og rådhus som det er trygt å arbeide i og "
            "besøke, og ansatte som vet hvordan de kjenner igjen og handler på en bekymring.",
        ),
        "fi": (
            "Turvalliset julkiset laitokset",
            "Koulut, sosiaalipalvelut, kirjastot ja kaupungintalot, joissa on turvallista "
            "työskennellä ja asioida, ja henkilöstö, joka osaa tunnistaa huolet ja toimia "
            "niiden mukaan.",
        ),
        "is": (
            "Öruggar opinberar stofnanir",
            "Skólar, félagsþjónusta, bókasöfn og ráðhús sem öruggt er að starfa í og "
            "heimsækja, og starfsfólk sem kann að bera kennsl á áhyggjuefni og bregðast við "
            "þeim.",
        ),
    },
    "strong-youth-engagement": {
        "sv": (
            "Starkt engagemang bland unga",
            "Unga med en röst, en plats och en framtid i sin stad, delaktiga i arbetet mot "
            "brott och extremism och inte bara dess målgrupp.",
        ),
        "da": (
            "Stærkt engagement blandt unge",
            "Unge med en stemme, en plads og en fremtid i deres by, som er med i arbejdet mod "
            "kriminalitet og ekstremisme og ikke kun er dets målgruppe.",
        ),
        "nb": (
            "Sterkt engasjement blant unge",
            "Unge med en stemme, en plass og en framtid i byen sin, som er med i arbeidet mot "
            "kriminalitet og ekstremisme og ikke bare er målgruppen for det.",
        ),
        "fi": (
            "Vahva nuorten osallistuminen",
            "Nuoret, joilla on ääni, paikka ja tulevaisuus kaupungissaan ja jotka osallistuvat "
            "rikollisuuden ja ekstremismin vastaiseen työhön eivätkä ole vain sen kohde.",
        ),
        "is": (
            "Öflug þátttaka ungs fólks",
            "Ungt fólk með rödd, stað og framtíð í sinni borg, sem tekur þátt í starfinu gegn "
            "afbrotum og öfgahyggju en er ekki aðeins markhópur þess.",
        ),
    },
    "safe-communities": {
        "sv": (
            "Trygga lokalsamhällen",
            "Stadsdelar med tillit mellan invånarna och till myndigheterna, där "
            "civilsamhället, trossamfunden och staden arbetar tillsammans.",
        ),
        "da": (
            "Trygge lokalsamfund",
            "Boligområder med tillid mellem beboerne og til myndighederne, hvor "
            "civilsamfundet, trossamfundene og kommunen arbejder sammen.",
        ),
        "nb": (
            "Trygge lokalsamfunn",
            "Nabolag med tillit mellom innbyggerne og til myndighetene, der sivilsamfunnet, "
            "trossamfunnene og kommunen arbeider sammen.",
        ),
        "fi": (
            "Turvalliset yhteisöt",
            "Asuinalueet, joilla asukkaat luottavat toisiinsa ja viranomaisiin ja joilla "
            "kansalaisyhteiskunta, uskonnolliset yhteisöt ja kaupunki toimivat yhdessä.",
        ),
        "is": (
            "Örugg samfélög",
            "Hverfi þar sem traust ríkir milli íbúa og gagnvart yfirvöldum og þar sem "
            "borgaralegt samfélag, trúfélög og borgin vinna saman.",
        ),
    },
}

CAPITAL_CODE_THEMES = {
    "reduce-online-hate-and-fear": {
        "sv": (
            "Minska hat och rädsla på nätet",
            "Motverka hatretorik, hot och rädsla på nätet, och stöd dem som drabbas.",
        ),
        "da": (
            "Mindsk had og frygt på nettet",
            "Modvirk hadefuld tale, trusler og frygt på nettet, og støt dem, der rammes.",
        ),
        "nb": (
            "Reduser hat og frykt på nett",
            "Motvirk hatefulle ytringer, trusler og frykt på nett, og støtt dem som rammes.",
        ),
        "fi": (
            "Vähennä vihaa ja pelkoa verkossa",
            "Torju vihapuhetta, uhkailua ja pelkoa verkossa ja tue niitä, jotka joutuvat "
            "niiden kohteeksi.",
        ),
        "is": (
            "Drögum úr hatri og ótta á netinu",
            "Vinnum gegn hatursorðræðu, hótunum og ótta á netinu og styðjum þau sem verða "
            "fyrir þeim.",
        ),
    },
    "resist-disinformation": {
        "sv": (
            "Stärk invånarna att stå emot desinformation",
            "Ge invånarna kunskaper och vanor för att känna igen och stå emot desinformation "
            "och konspirationsberättelser.",
        ),
        "da": (
            "Styrk borgerne i at modstå desinformation",
            "Giv borgerne viden og vaner til at genkende og modstå desinformation og "
            "konspirationsfortællinger.",
        ),
        "nb": (
            "Styrk innbyggerne til å stå imot desinformasjon",
            "Gi innbyggerne kunnskap og vaner til å kjenne igjen og stå imot desinformasjon "
            "og konspirasjonsfortellinger.",
        ),
        "fi": (
            "Vahvista asukkaiden kykyä vastustaa disinformaatiota",
            "Anna asukkaille tiedot ja tavat, joilla he tunnistavat disinformaation ja "
            "salaliittokertomukset ja vastustavat niitä.",
        ),
        "is": (
            "Eflum íbúa til að standast upplýsingaóreiðu",
            "Veitum íbúum þekkingu og venjur til að þekkja og standast upplýsingaóreiðu og "
            "samsæriskenningar.",
        ),
    },
    "youth-for-inclusion": {
        "sv": (
            "Stärk unga att främja inkludering",
            "Låt unga leda arbetet för inkludering i sina skolor, stadsdelar och "
            "nätgemenskaper.",
        ),
        "da": (
            "Styrk unge i at fremme inklusion",
            "Lad unge stå i spidsen for arbejdet med inklusion i deres skoler, boligområder og "
            "onlinefællesskaber.",
        ),
        "nb": (
            "Styrk unge til å fremme inkludering",
            "La unge lede arbeidet for inkludering i skolene, nabolagene og nettfellesskapene "
            "sine.",
        ),
        "fi": (
            "Vahvista nuoria edistämään osallisuutta",
            "Anna nuorten johtaa osallisuutta edistävää työtä kouluissaan, asuinalueillaan ja "
            "verkkoyhteisöissään.",
        ),
        "is": (
            "Eflum ungt fólk til að stuðla að inngildingu",
            "Leyfum ungu fólki að leiða starf í þágu inngildingar í skólum sínum, hverfum og "
            "netsamfélögum.",
        ),
    },
    "local-safe-city-alliances": {
        "sv": (
            "Bygg och bredda lokala trygghetsallianser",
            "Samla staden, polisen, näringslivet, fastighetsägarna och civilsamhället i "
            "varaktiga lokala allianser för trygghet.",
        ),
        "da": (
            "Opbyg og udvid lokale tryghedsalliancer",
            "Saml kommunen, politiet, erhvervslivet, grundejerne og civilsamfundet i varige "
            "lokale alliancer for tryghed.",
        ),
        "nb": (
            "Bygg og utvid lokale trygghetsallianser",
            "Samle kommunen, politiet, næringslivet, gårdeierne og sivilsamfunnet i varige "
            "lokale allianser for trygghet.",
        ),
        "fi": (
            "Rakenna ja laajenna paikallisia turvallisuusliittoumia",
            "Kokoa kaupunki, poliisi, yritykset, kiinteistönomistajat ja "
            "kansalaisyhteiskunta pysyviksi paikallisiksi turvallisuusliittoumiksi.",
        ),
        "is": (
            "Byggjum upp og stækkum staðbundin öryggisbandalög",
            "Leiðum borgina, lögregluna, fyrirtæki, fasteignaeigendur og borgaralegt samfélag "
            "saman í varanleg staðbundin bandalög um öryggi.",
        ),
    },
}


def translate(model, texts, locales):
    """Each source term's translation into every language, created where missing."""
    english = locales["en"]
    for source in model.objects.filter(locale=english):
        for code, (name, description) in texts.get(source.slug, {}).items():
            model.objects.get_or_create(
                translation_key=source.translation_key,
                locale=locales[code],
                defaults={
                    "number": source.number,
                    "slug": source.slug,
                    "colour": source.colour,
                    "name": name,
                    "description": description,
                },
            )


def translate_reference_data(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    CharterGoal = apps.get_model("portal", "CharterGoal")
    CapitalCodeTheme = apps.get_model("portal", "CapitalCodeTheme")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    translate(CharterGoal, CHARTER_GOALS, locales)
    translate(CapitalCodeTheme, CAPITAL_CODE_THEMES, locales)

    goals = {(goal.translation_key, goal.locale_id): goal for goal in CharterGoal.objects.all()}
    themes = CapitalCodeTheme.objects.exclude(locale=locales["en"])
    for theme in themes.prefetch_related("related_goals"):
        if theme.related_goals.all():
            continue
        source = CapitalCodeTheme.objects.get(
            translation_key=theme.translation_key, locale=locales["en"]
        )
        theme.related_goals.set(
            goals[goal.translation_key, theme.locale_id]
            for goal in source.related_goals.all()
            if (goal.translation_key, theme.locale_id) in goals
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_page_depth_path_index"),
    ]

    operations = [migrations.RunPython(translate_reference_data, migrations.RunPython.noop)]
