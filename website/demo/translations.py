"""Swedish translations of part of the demo, made the way translators make them: through
wagtail-localize, so the admin shows each page's translation status and what changed in
the source since it was last translated.

The home page, the sections, the about and crosswalk pages, two city profiles and five of
Stockholm's and Gothenburg's practices are translated (the charter goals, the Capital Code
themes and the target groups come in every language from the data migrations).
Everything else stays untranslated on purpose: the Swedish site shows it in English, with
a note, which is what a visitor meets while translators catch up.

Each text is keyed by its English source segment (a title, a field, or one paragraph or
list item of rich text); slugs are not translated, so web addresses stay the same.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

# The pages to translate, by slug, parents before children; the home page comes first.
PAGES = [
    "cities",
    "practices",
    "tours",
    "events",
    "about",
    "goals-and-themes",
    "stories",
    "stockholm",
    "gothenburg",
    "stockholm-model-against-violent-extremism",
    "exit-programme",
    "returnees-and-their-children",
    "support-line-for-worried-families",
    "safety-alliance-with-housing-companies",
]

SWEDISH = {
    # The home page and the sections
    "Nordic Safe Cities": "Nordic Safe Cities",
    "A city-to-city network for safe, trusting, tolerant and resilient cities in Denmark, "
    "Finland, Iceland, Norway and Sweden.": (
        "Ett nätverk mellan städer för trygga, tillitsfulla, toleranta och motståndskraftiga "
        "städer i Danmark, Finland, Island, Norge och Sverige."
    ),
    "Member cities": "Medlemsstäder",
    "More than twenty cities of all sizes in the five Nordic countries. Membership is free, "
    "and a city joins by a decision of its own government.": (
        "Fler än tjugo städer av alla storlekar i de fem nordiska länderna. Medlemskapet är "
        "kostnadsfritt, och en stad går med genom ett beslut av sin egen politiska ledning."
    ),
    "Good practices": "Goda exempel",
    "What member cities do against crime, insecurity, radicalisation and violent extremism, "
    "and what changed. Browse by charter goal, Capital Code theme or country.": (
        "Vad medlemsstäderna gör mot brott, otrygghet, radikalisering och våldsbejakande "
        "extremism, och vad som förändrades. Bläddra efter mål i chartan, tema i Capital "
        "Code eller land."
    ),
    "Takeover tours": "Turnéer i sociala medier",
    "Every week one member city takes over the network's social media accounts, Monday to "
    "Friday, and shows how it works for a safe city.": (
        "Varje vecka tar en medlemsstad över nätverkets konton i sociala medier, måndag till "
        "fredag, och visar hur den arbetar för en trygg stad."
    ),
    "Summits and events": "Toppmöten och evenemang",
    "Summits, conferences, workshops, webinars, experience exchanges and safety walks where "
    "member cities meet and learn from each other.": (
        "Toppmöten, konferenser, workshoppar, webbinarier, erfarenhetsutbyten och "
        "trygghetsvandringar där medlemsstäderna möts och lär av varandra."
    ),
    "Stories": "Berättelser",
    "News from the network and stories from its member cities.": (
        "Nyheter från nätverket och berättelser från medlemsstäderna."
    ),
    # About the network
    "About the network": "Om nätverket",
    "A city-to-city network for safe, trusting, tolerant and resilient cities, preventing "
    "radicalisation and violent extremism, crime and insecurity.": (
        "Ett nätverk mellan städer för trygga, tillitsfulla, toleranta och motståndskraftiga "
        "städer, som förebygger radikalisering och våldsbejakande extremism, brott och "
        "otrygghet."
    ),
    "The network started in 2016 on the initiative of the Nordic Council of Ministers, and "
    "has been an independent non-profit association since 2020. More than twenty member "
    "cities of all sizes in Denmark, Finland, Iceland, Norway and Sweden meet at "
    "conferences, experience exchanges and workshops.": (
        "Nätverket startade 2016 på initiativ av Nordiska ministerrådet och är sedan 2020 en "
        "självständig ideell förening. Fler än tjugo medlemsstäder av alla storlekar i "
        "Danmark, Finland, Island, Norge och Sverige möts på konferenser, erfarenhetsutbyten "
        "och workshoppar."
    ),
    "Membership": "Medlemskap",
    "Membership is free, with no obligation to attend meetings; member cities pay their own "
    "travel. A city joins by a decision of its own government. Many members also belong to "
    "wider networks, such as the Strong Cities Network and the EU's Radicalisation "
    "Awareness Network.": (
        "Medlemskapet är kostnadsfritt och utan krav på att delta i möten; medlemsstäderna "
        "betalar sina egna resor. En stad går med genom ett beslut av sin egen politiska "
        "ledning. Många medlemmar ingår också i bredare nätverk, till exempel Strong Cities "
        "Network och EU:s Radicalisation Awareness Network."
    ),
    "The charter": "Chartan",
    "Every member city strives for the charter's six goals: safe urban spaces, a safe online "
    "sphere, strong families, safe public institutions, strong youth engagement and safe "
    "communities. The Capital Code of 2021 adds four themes that put them into practice.": (
        "Varje medlemsstad strävar efter chartans sex mål: trygga stadsmiljöer, en trygg "
        "digital miljö, starka familjer, trygga offentliga verksamheter, starkt engagemang "
        "bland unga och trygga lokalsamhällen. Capital Code från 2021 lägger till fyra teman "
        "som omsätter målen i praktiken."
    ),
    # The crosswalk
    "How the charter goals and the Capital Code relate": (
        "Hur chartans mål och Capital Code hänger ihop"
    ),
    "The charter sets six goals every member city strives for; the Capital Code (2021) four "
    "themes that put them into practice. The table shows which goals each theme serves.": (
        "Chartan sätter sex mål som varje medlemsstad strävar efter; Capital Code (2021) "
        "fyra teman som omsätter dem i praktiken. Tabellen visar vilka mål varje tema "
        "bidrar till."
    ),
    # Stockholm
    "Stockholm": "Stockholm",
    "Stockholm County": "Stockholms län",
    "Sweden's capital. The city executive board decided in April 2018 to apply for "
    "membership of the network (case reference KS 2018/550). Stockholm's stated ambition is "
    "to halve residents' sense of insecurity by 2025. The city hosted the network's summit "
    "in 2020 and week ten of the Safe City Tour 2021.": (
        "Sveriges huvudstad. Kommunstyrelsen beslutade i april 2018 att ansöka om medlemskap "
        "i nätverket (Dnr KS 2018/550). Stockholms uttalade ambition är att halvera "
        "invånarnas otrygghet till 2025. Staden stod värd för nätverkets toppmöte 2020 och "
        "för vecka tio av Safe City Tour 2021."
    ),
    "The safety programme 2024–2027": "Trygghetsprogrammet 2024–2027",
    "Stockholm's safety programme for 2024–2027 sets four focus areas: preventive work, "
    "targeted social interventions, the city's public environment, and urban development.": (
        "Stockholms trygghetsprogram för 2024–2027 pekar ut fyra fokusområden: förebyggande "
        "arbete, riktade sociala insatser, stadens offentliga miljö och stadsutveckling."
    ),
    "Stockholm's stated ambition is to halve residents' sense of insecurity by 2025. "
    "Reviewers of the safety programme asked the city for:": (
        "Stockholms uttalade ambition är att halvera invånarnas otrygghet till 2025. "
        "Remissinstanserna bad staden om:"
    ),
    "a clearer picture of whether insecurity is rising or falling;": (
        "en tydligare bild av om otryggheten ökar eller minskar;"
    ),
    "the differences between groups, for example girls and women;": (
        "skillnaderna mellan grupper, till exempel flickor och kvinnor;"
    ),
    "more on the city's safety survey;": "mer om stadens trygghetsmätning;",
    "safety during long construction periods;": "tryggheten under långa byggperioder;",
    "incidents such as fires and explosions on the city's safety map.": (
        "händelser som bränder och explosioner på stadens trygghetskarta."
    ),
    "Critics asked for follow-up indicators of effect, not of activities carried out.": (
        "Kritiker efterfrågade uppföljningsindikatorer för effekt, inte för genomförda aktiviteter."
    ),
    "Sharing the Stockholm model against violent extremism: action plans in every city "
    "district and department, a coordinator in every district and one for the whole city, "
    "and information sharing with the police.": (
        "Att dela Stockholmsmodellen mot våldsbejakande extremism: handlingsplaner i varje "
        "stadsdelsförvaltning och fackförvaltning, en samordnare i varje stadsdel och en för "
        "hela staden, och informationsutbyte med polisen."
    ),
    "Learning from other member cities how to follow up effect rather than activity, "
    "starting with the indicators of the safety survey.": (
        "Att lära av andra medlemsstäder hur man följer upp effekt snarare än aktivitet, med "
        "början i trygghetsmätningens indikatorer."
    ),
    # Gothenburg
    "Gothenburg": "Göteborg",
    "Västra Götaland County": "Västra Götalands län",
    "Sweden's second city has outreach social workers in every district, and a local safety "
    "alliance with the housing companies of its north-eastern suburbs.": (
        "Sveriges näst största stad har fältassistenter i varje stadsområde och en lokal "
        "trygghetsallians med bostadsbolagen i sina nordöstra förorter."
    ),
    # The Stockholm model against violent extremism
    "The Stockholm model against violent extremism": (
        "Stockholmsmodellen mot våldsbejakande extremism"
    ),
    "Eighteen action plans at city-district and department level, a coordinator in every "
    "district and one for the whole city, information sharing with the police, and online "
    "training for every employee.": (
        "Arton handlingsplaner på stadsdels- och förvaltningsnivå, en samordnare i varje "
        "stadsdel och en för hela staden, informationsutbyte med polisen och en webbutbildning "
        "för alla medarbetare."
    ),
    "Stockholm's work against violent extremism rests on the city's ordinary organisation "
    "rather than a separate unit. Each city district and each department has its own action "
    "plan (handlingsplan) and its own coordinator (samordnare); a city-wide coordinator holds "
    "the work together, and a city-wide guideline says what every employee should do with a "
    "concern.": (
        "Stockholms arbete mot våldsbejakande extremism vilar på stadens ordinarie "
        "organisation i stället för en särskild enhet. Varje stadsdelsförvaltning och "
        "fackförvaltning har en egen handlingsplan och en egen samordnare; en central "
        "samordnare håller ihop arbetet, och en stadsövergripande riktlinje anger vad varje "
        "medarbetare ska göra vid en oro."
    ),
    "18": "18",
    "action plans against violent extremism at city-district and department level": (
        "handlingsplaner mot våldsbejakande extremism på stadsdels- och förvaltningsnivå"
    ),
    "City of Stockholm": "Stockholms stad",
    "Working with others": "Samverkan",
    "The city shares information with the police, and cooperates with the security service "
    "and the prison and probation service. It has routines for people returning from "
    "conflict zones and for their children, and an exit programme for people who want to "
    "leave criminal or extremist milieus.": (
        "Staden utbyter information med polisen och samverkar med Säkerhetspolisen och "
        "Kriminalvården. Den har rutiner för personer som återvänder från konfliktområden och "
        "för deras barn, och ett avhopparprogram för personer som vill lämna kriminella eller "
        "extremistiska miljöer."
    ),
    "Measuring effect": "Att mäta effekt",
    "Critics in Stockholm have asked for follow-up indicators of effect, not of activities "
    "carried out. The next step is to say what changed, and how it was measured, for each "
    "part of the model.": (
        "Kritiker i Stockholm har efterfrågat uppföljningsindikatorer för effekt, inte för "
        "genomförda aktiviteter. Nästa steg är att för varje del av modellen säga vad som "
        "förändrades och hur det mättes."
    ),
    "The work runs through the city's ordinary organisation: an action plan and a "
    "coordinator in every city district and department, a city-wide coordinator and a "
    "city-wide guideline, so that every concern has somewhere to go.": (
        "Arbetet går genom stadens ordinarie organisation: en handlingsplan och en samordnare "
        "i varje stadsdels- och fackförvaltning, en central samordnare och en "
        "stadsövergripande riktlinje, så att varje oro har någonstans att ta vägen."
    ),
    "Eighteen action plans at city-district and department level; information sharing with "
    "the police; cooperation with the security service and the prison and probation "
    "service; online training for all employees; routines for returnees from conflict zones "
    "and their children.": (
        "Arton handlingsplaner på stadsdels- och förvaltningsnivå; informationsutbyte med "
        "polisen; samverkan med Säkerhetspolisen och Kriminalvården; webbutbildning för alla "
        "medarbetare; rutiner för återvändare från konfliktområden och deras barn."
    ),
    "Critics in Stockholm asked for follow-up indicators of effect, not of activities "
    "carried out. Counting action plans and trained staff says what was done, not what "
    "changed; the next step is an indicator of effect for each part of the model.": (
        "Kritiker i Stockholm efterfrågade uppföljningsindikatorer för effekt, inte för "
        "genomförda aktiviteter. Att räkna handlingsplaner och utbildad personal visar vad "
        "som gjordes, inte vad som förändrades; nästa steg är en effektindikator för varje "
        "del av modellen."
    ),
    # The exit programme
    "Exit programme for people leaving criminal and extremist milieus": (
        "Avhopparprogram för personer som lämnar kriminella och extremistiska miljöer"
    ),
    "A coach, help with housing, work and debts, and protection when needed, for people who "
    "want to leave a criminal or violent extremist milieu; run with the police and the "
    "prison and probation service.": (
        "En coach, hjälp med bostad, arbete och skulder, och skydd vid behov, för personer "
        "som vill lämna en kriminell eller våldsbejakande extremistisk miljö; drivs tillsammans "
        "med polisen och Kriminalvården."
    ),
    "Leaving is hard without a place to live, an income and a way out of old debts. Each "
    "participant gets one coach at the city, who coordinates social services, the "
    "employment service and, where threats exist, the police.": (
        "Det är svårt att lämna utan en bostad, en inkomst och en väg ur gamla skulder. Varje "
        "deltagare får en egen coach i staden, som samordnar socialtjänsten, "
        "Arbetsförmedlingen och, när det finns hot, polisen."
    ),
    "What changed": "Vad som förändrades",
    "74": "74",
    "people who entered the programme, 2019–2023": "personer som gick in i programmet 2019–2023",
    "64 %": "64 %",
    "of those who completed it had no new conviction two years later": (
        "av dem som fullföljde det hade ingen ny dom två år senare"
    ),
    "Follow-up with the prison and probation service": "Uppföljning med Kriminalvården",
    "People who wanted to leave a criminal or extremist milieu went back because they had "
    "nowhere to live, no income and debts to the people they were leaving.": (
        "Personer som ville lämna en kriminell eller extremistisk miljö gick tillbaka eftersom "
        "de saknade bostad och inkomst och hade skulder till dem de ville lämna."
    ),
    "One coach who coordinates housing, work, debts and protection removes the practical "
    "reasons to go back; a new daily life replaces the old network.": (
        "En coach som samordnar bostad, arbete, skulder och skydd tar bort de praktiska "
        "skälen att gå tillbaka; en ny vardag ersätter det gamla nätverket."
    ),
    "It needs social services that can offer housing quickly, and a police contact who takes "
    "threats seriously. Participation is voluntary; it does not work for people sent by a "
    "court.": (
        "Det kräver en socialtjänst som snabbt kan erbjuda bostad och en kontakt hos polisen "
        "som tar hot på allvar. Deltagandet är frivilligt; det fungerar inte för personer som "
        "skickas dit av en domstol."
    ),
    "Four coaches, a psychologist part time, and an agreement with the prison and probation "
    "service so that work starts before release.": (
        "Fyra coacher, en psykolog på deltid och en överenskommelse med Kriminalvården så att "
        "arbetet börjar före frigivningen."
    ),
    "About 5.5 million SEK a year, or some 300 000 SEK per participant.": (
        "Omkring 5,5 miljoner kronor om året, eller cirka 300 000 kronor per deltagare."
    ),
    "Waiting lists did not work: people who had to wait more than two weeks for a first "
    "meeting rarely came. Debt counselling turned out to matter as much as housing.": (
        "Väntelistor fungerade inte: de som fick vänta mer än två veckor på ett första möte "
        "kom sällan. Budget- och skuldrådgivning visade sig vara lika viktig som bostaden."
    ),
    "Head of the exit programme": "Chef för avhopparprogrammet",
    "Programme description (demo)": "Programbeskrivning (demo)",
    # Returnees and their children
    "Handling returnees from conflict zones and their children": (
        "Omhändertagande av återvändare från konfliktområden och deras barn"
    ),
    "When adults and children return from conflict zones, one named contact in social "
    "services coordinates health care, school and security within a day, and every child "
    "has an individual plan within four weeks.": (
        "När vuxna och barn återvänder från konfliktområden samordnar en namngiven kontakt på "
        "socialtjänsten vård, skola och säkerhet inom ett dygn, och varje barn har en "
        "individuell plan inom fyra veckor."
    ),
    "The city's routine starts when the police or the security service tells the city that "
    "a family is returning. Social services appoint one contact, who calls together the "
    "school or preschool, child health care and the district's coordinator.": (
        "Stadens rutin startar när polisen eller Säkerhetspolisen meddelar staden att en "
        "familj är på väg tillbaka. Socialtjänsten utser en kontaktperson som kallar samman "
        "skolan eller förskolan, barnhälsovården och stadsdelens samordnare."
    ),
    "9 of 9": "9 av 9",
    "returning children who started school or preschool within 8 weeks": (
        "återvändande barn som började i skola eller förskola inom 8 veckor"
    ),
    "Before the routine, it took on average five months for a returning child to start school.": (
        "Innan rutinen fanns tog det i genomsnitt fem månader innan ett återvändande barn "
        "började skolan."
    ),
    # The support line
    "A support line for families worried about a loved one": (
        "En stödlinje för familjer som oroar sig för en närstående"
    ),
    "Parents and relatives who fear that someone close is being drawn into violent "
    "extremism, often through online communities, can call or chat anonymously with trained "
    "counsellors.": (
        "Föräldrar och anhöriga som fruktar att någon närstående dras in i våldsbejakande "
        "extremism, ofta via nätgemenskaper, kan ringa eller chatta anonymt med utbildade "
        "rådgivare."
    ),
    "Many families notice a change first online: new forums, new words, hateful memes. The "
    "support line helps them understand what they see and what they can do, and connects "
    "them with social services when they want it.": (
        "Många familjer märker en förändring först på nätet: nya forum, nya ord, hatiska "
        "memes. Stödlinjen hjälper dem att förstå vad de ser och vad de kan göra, och "
        "förmedlar kontakt med socialtjänsten när de vill det."
    ),
    "142": "142",
    "calls and chats in 2023, up from 61 in 2021": (
        "samtal och chattar 2023, jämfört med 61 år 2021"
    ),
    "8 of 10": "8 av 10",
    "callers who said in a follow-up call that they knew what to do next": (
        "av dem som hörde av sig sa i ett uppföljningssamtal att de visste vad de skulle göra "
        "härnäst"
    ),
    # The safety alliance with housing companies
    "A local safety alliance with housing companies": (
        "En lokal trygghetsallians med bostadsbolagen"
    ),
    "The city, the police and five housing companies in north-eastern Gothenburg share one "
    "safety plan, one incident log and one weekly meeting, and report twice a year to "
    "tenants on what changed.": (
        "Staden, polisen och fem bostadsbolag i nordöstra Göteborg har en gemensam "
        "trygghetsplan, en gemensam händelselogg och ett veckomöte, och berättar två gånger om "
        "året för hyresgästerna vad som förändrats."
    ),
    "Tenants saw the same broken lamps and burnt-out cars reported to three different "
    "owners. The alliance's shared log gives each problem one owner and a deadline, visible "
    "to all partners.": (
        "Hyresgästerna såg samma trasiga lampor och utbrända bilar anmälas till tre olika "
        "fastighetsägare. Alliansens gemensamma logg ger varje problem en ansvarig och ett "
        "slutdatum, synligt för alla parter."
    ),
    "−35 %": "−35 %",
    "car fires in the area, 2019 to 2023": "bilbränder i området, 2019 till 2023",
    "Rescue services": "Räddningstjänsten",
    "+12 points": "+12 procentenheter",
    "tenants who feel safe outdoors in the evening": (
        "hyresgäster som känner sig trygga utomhus på kvällen"
    ),
    "Tenant survey": "Hyresgästenkät",
}


def translate(instance, locale, strings):
    """Translate one page or snippet into the locale with wagtail-localize, using the
    strings given for its segments; a segment without one keeps the source text. Returns
    the translation, or None when it existed already (the demo never overwrites)."""
    if instance.get_translation_or_none(locale) is not None:
        return None
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def load_swedish(home, created):
    """The Swedish home page, sections, two cities and five practices. The charter goals,
    themes and target groups come in every language from the data migrations."""
    locale, _created = Locale.objects.get_or_create(language_code="sv")
    pages = [home, *(Page.objects.descendant_of(home).get(slug=slug) for slug in PAGES)]
    for page in pages:
        if translate(page.specific, locale, SWEDISH):
            created["Swedish page"] += 1
