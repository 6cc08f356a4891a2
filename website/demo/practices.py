"""The demo's good practices, each under its city. Every charter goal and every Capital
Code theme has several. A practice says what changed and how it was measured, not only
what was done. Unless marked otherwise, the details and figures are invented, and so are
the contact people and their addresses (example.org) and the documents linked.

Besides the page's own fields, an entry names its relations by slug, for the loader to
resolve: ``target_groups`` (practices' target groups), ``adopted_by`` (cities),
``related_events`` (events) and ``indicators`` (rows of the effect table). Every evidence
level occurs: it is derived from ``evaluation`` and the indicators' results."""

from datetime import date

from portal.blocks import heading, key_fact, paragraph

SAFETY_WALK_TAGS = ["safety walk", "trygghetsvandring"]


def indicator(measure, baseline, target, result, year, source):
    """One row of a practice's effect table."""
    return {
        "measure": measure,
        "baseline": baseline,
        "target": target,
        "result": result,
        "year": year,
        "source": source,
    }


def link(title, url):
    """A link block of a practice's documents and links, in its stored form."""
    return {"type": "link", "value": {"title": title, "url": url}}


PRACTICES = [
    # Stockholm
    {
        "city": "stockholm",
        "slug": "stockholm-model-against-violent-extremism",
        "title": "The Stockholm model against violent extremism",
        "summary": (
            "Eighteen action plans at city-district and department level, a coordinator in "
            "every district and one for the whole city, information sharing with the police, "
            "and online training for every employee."
        ),
        "status": "ongoing",
        "start_date": None,
        "goals": ["safe-public-institutions", "safe-communities"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["violent extremism", "action plan", "coordinators", "information sharing"],
        "target_groups": ["public-servants", "people-leaving-crime-or-extremism"],
        "prevention_level": "universal",
        "partners": ["police", "national_agencies"],
        "mechanism": (
            "<p>The work runs through the city's ordinary organisation: an action plan and a "
            "coordinator in every city district and department, a city-wide coordinator and a "
            "city-wide guideline, so that every concern has somewhere to go.</p>"
        ),
        "implementation": (
            "<p>Eighteen action plans at city-district and department level; information "
            "sharing with the police; cooperation with the security service and the prison "
            "and probation service; online training for all employees; routines for "
            "returnees from conflict zones and their children.</p>"
        ),
        "lessons_learned": (
            "<p>Critics in Stockholm asked for follow-up indicators of effect, not of "
            "activities carried out. Counting action plans and trained staff says what was "
            "done, not what changed; the next step is an indicator of effect for each part "
            "of the model.</p>"
        ),
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>Stockholm's work against violent extremism rests on the city's ordinary "
                "organisation rather than a separate unit. Each city district and each "
                "department has its own action plan (handlingsplan) and its own coordinator "
                "(samordnare); a city-wide coordinator holds the work together, and a "
                "city-wide guideline says what every employee should do with a concern.</p>"
            ),
            key_fact(
                "18",
                "action plans against violent extremism at city-district and department level",
                "City of Stockholm",
            ),
            heading("Working with others"),
            paragraph(
                "<p>The city shares information with the police, and cooperates with the "
                "security service and the prison and probation service. It has routines for "
                "people returning from conflict zones and for their children, and an exit "
                "programme for people who want to leave criminal or extremist milieus.</p>"
            ),
            heading("Measuring effect"),
            paragraph(
                "<p>Critics in Stockholm have asked for follow-up indicators of effect, not of "
                "activities carried out. The next step is to say what changed, and how it was "
                "measured, for each part of the model.</p>"
            ),
        ],
        # Every statement here comes from the city's and the network's public documents.
        "is_demo_content": False,
    },
    {
        "city": "stockholm",
        "slug": "sergels-torg-placemaking",
        "title": "Placemaking at Sergels torg with a Business Improvement District",
        "summary": (
            "Property owners, businesses, the police and the city formed a Business "
            "Improvement District around Sergels torg and shared the cost of lighting, "
            "cleaning, graffiti removal and events that bring life to the square after dark."
        ),
        "status": "ongoing",
        "start_date": date(2018, 9, 1),
        "goals": ["safe-urban-spaces", "safe-communities"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["placemaking", "business improvement district", "lighting", "graffiti"],
        "target_groups": ["residents", "businesses"],
        "prevention_level": "universal",
        "partners": ["property_owners", "businesses", "police", "civil_society", "culture"],
        "problem": (
            "<p>Sergels torg is the sunken square at the heart of the city. Many residents "
            "avoided it after dark: the lower level was badly lit, graffiti stayed for weeks "
            "and open drug dealing made the square feel abandoned.</p>"
        ),
        "mechanism": (
            "<p>A place that is lit, clean and busy feels safer and invites more people, and "
            "more people mean more eyes on the street. One shared budget and one manager make "
            "the owners, not only the city, responsible for the square.</p>"
        ),
        "context": (
            "<p>It needs property owners with a stake in the area and money to put in; it "
            "works best in a city centre with shops and offices. In a residential suburb with "
            "one housing company, a local safety alliance may fit better.</p>"
        ),
        "implementation": (
            "<p>Two years from the first meeting to a signed agreement. The district has one "
            "full-time manager, a cleaning contract with a 24-hour graffiti promise, and an "
            "events programme run with civil society and artists.</p>"
        ),
        "cost": (
            "<p>About 6 million SEK a year, two thirds from property owners and businesses, "
            "one third from the city; the new lighting was a one-off cost of 4 million SEK "
            "for the city.</p>"
        ),
        "indicators": [
            indicator(
                "Residents who say they avoid Sergels torg after dark",
                "46 %",
                "30 %",
                "32 %",
                2022,
                "City of Stockholm safety survey",
            ),
            indicator(
                "Crimes reported on the square in a year",
                "1 240",
                "1 000",
                "967",
                2022,
                "Police statistics",
            ),
        ],
        "evaluation": "external",
        "evaluation_link": "https://example.org/demo/sergels-torg-evaluation",
        "lessons_learned": (
            "<p>Events alone did not change the evenings: the first season of markets drew "
            "people in daylight and none after eight. Only when the lighting was replaced did "
            "evening visitors stay. Agreeing the budget took a year longer than planned; start "
            "with the owners who already worry about the place.</p>"
        ),
        "contact_name": "Maria Ekström",
        "contact_role": "District manager, Sergel Business Improvement District",
        "contact_email": "maria.ekstrom@stockholm.example.org",
        "resources": [
            link(
                "How the Business Improvement District was set up (demo)",
                "https://example.org/demo/sergels-torg-bid-guide",
            ),
        ],
        "adopted_by": ["malmo", "oslo"],
        "last_reviewed": date(2025, 9, 12),
        "original_language": "sv",
        "image": "Sergels torg in the evening, with new lighting",
        "body": [
            paragraph(
                "<p>Sergels torg, the sunken square at the heart of the city, was a place many "
                "residents avoided after dark. Twenty-six property owners and businesses "
                "joined the city and the police in a Business Improvement District with a "
                "shared budget and one manager.</p>"
            ),
            paragraph(
                "<p>The district replaced the lighting on the lower level, cleans and removes "
                "graffiti within 24 hours, and runs markets, music and art in the evenings "
                "together with civil society and artists.</p>"
            ),
            heading("What changed"),
            key_fact(
                "−30 %",
                "residents who say they avoid Sergels torg after dark, 2018 to 2022",
                "City of Stockholm safety survey",
            ),
            key_fact("−22 %", "reported crimes on the square, 2018 to 2022", "Police statistics"),
        ],
    },
    {
        "city": "stockholm",
        "slug": "online-training-for-employees",
        "title": "Online training on violent extremism for all city employees",
        "summary": (
            "A 45-minute online course teaches every employee to recognise signs of violent "
            "extremism and disinformation, and whom to call. Staff who know where to turn rose "
            "from 58 % to 82 % in two years."
        ),
        "status": "ongoing",
        "start_date": date(2019, 3, 1),
        "goals": ["safe-public-institutions", "safe-online-sphere"],
        "themes": ["resist-disinformation"],
        "tags": ["training", "e-learning", "violent extremism"],
        "target_groups": ["public-servants"],
        "prevention_level": "universal",
        "partners": ["national_agencies"],
        "problem": (
            "<p>A staff survey in 2019 found that four in ten employees would not know whom "
            "to contact if they were worried that someone was being drawn into violent "
            "extremism.</p>"
        ),
        "mechanism": (
            "<p>Employees who recognise the signs and know the route pass concerns on early, "
            "when social services and the district's coordinator can still offer help.</p>"
        ),
        "context": (
            "<p>It needs a coordinator in every district to call; a course that ends in a "
            "phone number nobody answers makes things worse.</p>"
        ),
        "implementation": (
            "<p>Built in six months with the city-wide coordinator and the security service's "
            "public material; 45 minutes in the city's learning platform, mandatory for "
            "managers, recommended for everyone.</p>"
        ),
        "cost": "<p>About 400 000 SEK to produce, and 45 minutes of each employee's time.</p>",
        "indicators": [
            indicator(
                "Employees who know whom to contact with a concern",
                "58 %",
                "80 %",
                "82 %",
                2021,
                "City staff survey",
            ),
            indicator(
                "Employees who completed the course",
                "0",
                "10 000",
                "11 400",
                2023,
                "City learning platform",
            ),
        ],
        "evaluation": "internal",
        "lessons_learned": (
            "<p>The first version was too general and staff skipped through it; cases from "
            "Stockholm's own districts made the difference. Making it mandatory for everyone "
            "did not work in schools, where teachers had no time in term; it is now mandatory "
            "for managers only.</p>"
        ),
        "contact_name": "Johan Sandberg",
        "contact_role": "City-wide coordinator against violent extremism",
        "contact_email": "johan.sandberg@stockholm.example.org",
        "resources": [
            link("Course outline and cases (demo)", "https://example.org/demo/stockholm-course"),
        ],
        "adopted_by": ["uppsala", "sodertalje"],
        "last_reviewed": date(2023, 2, 1),
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>Teachers, social workers, librarians and caretakers often notice first "
                "when something is wrong. The course, built with the city-wide coordinator, "
                "uses cases from Stockholm's own districts and ends with the contacts of the "
                "employee's local coordinator.</p>"
            ),
            heading("What changed"),
            key_fact("11 400", "employees who completed the course by the end of 2023"),
            key_fact(
                "58 % → 82 %",
                "employees who know whom to contact with a concern",
                "City staff survey, 2019 and 2021",
            ),
        ],
    },
    {
        "city": "stockholm",
        "slug": "exit-programme",
        "title": "Exit programme for people leaving criminal and extremist milieus",
        "summary": (
            "A coach, help with housing, work and debts, and protection when needed, for "
            "people who want to leave a criminal or violent extremist milieu; run with the "
            "police and the prison and probation service."
        ),
        "status": "ongoing",
        "start_date": date(2019, 1, 15),
        "goals": ["safe-communities", "safe-public-institutions"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["exit", "violent extremism", "organised crime"],
        "target_groups": ["people-leaving-crime-or-extremism"],
        "prevention_level": "indicated",
        "partners": ["police", "national_agencies", "civil_society"],
        "problem": (
            "<p>People who wanted to leave a criminal or extremist milieu went back because "
            "they had nowhere to live, no income and debts to the people they were leaving.</p>"
        ),
        "mechanism": (
            "<p>One coach who coordinates housing, work, debts and protection removes the "
            "practical reasons to go back; a new daily life replaces the old network.</p>"
        ),
        "context": (
            "<p>It needs social services that can offer housing quickly, and a police contact "
            "who takes threats seriously. Participation is voluntary; it does not work for "
            "people sent by a court.</p>"
        ),
        "implementation": (
            "<p>Four coaches, a psychologist part time, and an agreement with the prison and "
            "probation service so that work starts before release.</p>"
        ),
        "cost": "<p>About 5.5 million SEK a year, or some 300 000 SEK per participant.</p>",
        "indicators": [
            indicator(
                "Participants who completed the programme with no new conviction two years later",
                "",
                "60 %",
                "64 %",
                2023,
                "Follow-up with the prison and probation service",
            ),
        ],
        "evaluation": "external",
        "evaluation_link": "https://example.org/demo/exit-programme-evaluation",
        "lessons_learned": (
            "<p>Waiting lists did not work: people who had to wait more than two weeks for a "
            "first meeting rarely came. Debt counselling turned out to matter as much as "
            "housing.</p>"
        ),
        "contact_name": "Sara Lindholm",
        "contact_role": "Head of the exit programme",
        "contact_email": "sara.lindholm@stockholm.example.org",
        "resources": [
            link("Programme description (demo)", "https://example.org/demo/exit-programme"),
        ],
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>Leaving is hard without a place to live, an income and a way out of old "
                "debts. Each participant gets one coach at the city, who coordinates social "
                "services, the employment service and, where threats exist, the police.</p>"
            ),
            heading("What changed"),
            key_fact("74", "people who entered the programme, 2019–2023"),
            key_fact(
                "64 %",
                "of those who completed it had no new conviction two years later",
                "Follow-up with the prison and probation service",
            ),
        ],
    },
    {
        "city": "stockholm",
        "slug": "returnees-and-their-children",
        "title": "Handling returnees from conflict zones and their children",
        "summary": (
            "When adults and children return from conflict zones, one named contact in social "
            "services coordinates health care, school and security within a day, and every "
            "child has an individual plan within four weeks."
        ),
        "status": "ongoing",
        "start_date": date(2019, 6, 1),
        "goals": ["strong-families", "safe-public-institutions"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["returnees", "children", "violent extremism"],
        "target_groups": ["children", "parents-and-families"],
        "prevention_level": "indicated",
        "partners": ["police", "national_agencies", "schools"],
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>The city's routine starts when the police or the security service tells "
                "the city that a family is returning. Social services appoint one contact, "
                "who calls together the school or preschool, child health care and the "
                "district's coordinator.</p>"
            ),
            heading("What changed"),
            key_fact("9 of 9", "returning children who started school or preschool within 8 weeks"),
            paragraph(
                "<p>Before the routine, it took on average five months for a returning "
                "child to start school.</p>"
            ),
        ],
    },
    {
        "city": "stockholm",
        "slug": "support-line-for-worried-families",
        "title": "A support line for families worried about a loved one",
        "summary": (
            "Parents and relatives who fear that someone close is being drawn into violent "
            "extremism, often through online communities, can call or chat anonymously with "
            "trained counsellors."
        ),
        "status": "ongoing",
        "start_date": date(2020, 2, 1),
        "goals": ["strong-families", "safe-communities", "safe-online-sphere"],
        "themes": ["reduce-online-hate-and-fear"],
        "tags": ["family support", "helpline", "online radicalisation"],
        "target_groups": ["parents-and-families"],
        "prevention_level": "selective",
        "partners": ["civil_society", "research"],
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>Many families notice a change first online: new forums, new words, hateful "
                "memes. The support line helps them understand what they see and what they "
                "can do, and connects them with social services when they want it.</p>"
            ),
            heading("What changed"),
            key_fact("142", "calls and chats in 2023, up from 61 in 2021"),
            key_fact(
                "8 of 10",
                "callers who said in a follow-up call that they knew what to do next",
            ),
        ],
    },
    # Södertälje
    {
        "city": "sodertalje",
        "slug": "safety-walk-central-station",
        "title": "Safety walk at Södertälje central station",
        "summary": (
            "Every November the municipality, police, property owners, the public transport "
            "operator and social field workers walk the station area together, agree who fixes "
            "what, and check in March which measures were taken."
        ),
        "status": "ongoing",
        # The first walk, in November 2021, had no follow-up (see the lessons learned);
        # every walk since, from November 2022, is checked the following March.
        "start_date": date(2021, 11, 16),
        "goals": ["safe-urban-spaces", "safe-communities"],
        "themes": ["local-safe-city-alliances"],
        "tags": [*SAFETY_WALK_TAGS, "public transport", "lighting"],
        "target_groups": ["residents", "businesses"],
        "prevention_level": "universal",
        "partners": ["police", "property_owners", "businesses", "civil_society"],
        "problem": (
            "<p>Travellers, especially women and older people, said they felt unsafe at the "
            "central station after dark. Each owner, the municipality, the railway, the bus "
            "operator, fixed problems in its own part, and nobody saw the whole route.</p>"
        ),
        "mechanism": (
            "<p>Walking the route together, after dark, lets every owner see the problems in "
            "the others' parts; one list with an owner and a date per item, and a follow-up "
            "walk, turn observations into repairs.</p>"
        ),
        "context": (
            "<p>Works wherever several owners share a place: stations, squares, shopping "
            "streets. It needs someone, usually the crime-prevention coordinator, who owns the "
            "list between walks.</p>"
        ),
        "implementation": (
            "<p>One walk in November, after dark, with about fifteen people; one follow-up "
            "walk in March. The coordinator spends about four days a year preparing, writing "
            "up and chasing the list.</p>"
        ),
        "cost": (
            "<p>Mostly working time: about 60 hours for all partners together per walk. "
            "Repairs are paid by each owner from its ordinary budget.</p>"
        ),
        "indicators": [
            indicator(
                "Problems noted on the November 2022 walk that were fixed by the follow-up walk",
                "",
                "75 %",
                "21 of 27",
                2023,
                "Follow-up walk, March 2023",
            ),
            indicator(
                "Travellers who feel unsafe at the station after dark",
                "41 %",
                "30 %",
                "29 %",
                2024,
                "Municipal safety survey (trygghetsmätning)",
            ),
        ],
        "lessons_learned": (
            "<p>After the first walk, in November 2021, there was no follow-up walk, and half "
            "of the measures were forgotten by spring; since November 2022 every walk is "
            "followed up in March. Walking in daylight did not work: the lighting problems only "
            "show after dark. Inviting travellers through the newspaper brought few; asking "
            "the social field workers to bring young people brought many.</p>"
        ),
        "contact_name": "Lina Haddad",
        "contact_role": "Crime-prevention coordinator, Södertälje municipality",
        "contact_email": "lina.haddad@sodertalje.example.org",
        "resources": [
            link(
                "Checklist for a safety walk (demo)",
                "https://example.org/demo/safety-walk-checklist",
            ),
        ],
        "adopted_by": ["uppsala", "tampere", "hafnarfjordur"],
        "related_events": ["safety-walk-sodertalje-2027"],
        "last_reviewed": date(2025, 4, 3),
        "original_language": "sv",
        "image": "Södertälje central station on a dark November evening",
        "body": [
            paragraph(
                "<p>The walk (trygghetsvandring) starts at 17:00, after dark in November, and "
                "follows the routes travellers take: the platforms, the bus terminal, the "
                "underpass and the path to the town centre. The group notes what feels unsafe "
                "(lighting, flows of people, maintenance) and the crime-prevention coordinator "
                "writes it into one list with an owner and a date for each item.</p>"
            ),
            heading("What changed"),
            key_fact(
                "21 of 27",
                "problems noted in November 2022 fixed by the follow-up walk in March 2023",
            ),
            key_fact(
                "41 % → 29 %",
                "travellers who feel unsafe at the station after dark, 2022 to 2024",
                "Municipal safety survey (trygghetsmätning)",
            ),
            paragraph(
                "<p>The underpass got new lighting and a mirror at the bend; the bus operator "
                "moved the evening stop closer to the station entrance.</p>"
            ),
        ],
    },
    {
        "city": "sodertalje",
        "slug": "rumour-control-after-incidents",
        "title": "Countering rumours after serious incidents",
        "summary": (
            "After a shooting or a fire, the municipality, the police and trusted key persons "
            "publish verified information within two hours, in Swedish, Arabic, Syriac and "
            "English, before rumours set the agenda."
        ),
        "status": "ongoing",
        "start_date": date(2021, 5, 1),
        "goals": ["safe-online-sphere", "safe-communities", "safe-public-institutions"],
        "themes": ["resist-disinformation", "local-safe-city-alliances"],
        "tags": ["disinformation", "crisis communication", "social media"],
        "target_groups": ["residents"],
        "prevention_level": "universal",
        "partners": ["police", "civil_society"],
        "problem": (
            "<p>After a shooting in 2020, false rumours of a revenge attack spread in closed "
            "groups within an hour; the first verified information came nine hours later, in "
            "Swedish only.</p>"
        ),
        "mechanism": (
            "<p>Verified information that arrives first, in the languages people read, "
            "through people they trust, leaves less room for rumours.</p>"
        ),
        "implementation": (
            "<p>A joint message template with the police, a duty communicator on call, "
            "translators on standby, and twenty key persons who receive the message at the "
            "same time as the press.</p>"
        ),
        "cost": "<p>The on-call duty and translators cost about 250 000 SEK a year.</p>",
        "indicators": [
            indicator(
                "Median time from incident to first verified post",
                "9 h",
                "2 h",
                "1.5 h",
                2023,
                "Municipal communications log",
            ),
        ],
        "lessons_learned": (
            "<p>Posting in four languages on the municipality's own pages reached few; the key "
            "persons' own channels reached many. A template agreed in advance with the police "
            "saved the most time.</p>"
        ),
        "contact_name": "Daniel Yousef",
        "contact_role": "Head of communications, Södertälje municipality",
        "contact_email": "daniel.yousef@sodertalje.example.org",
        "resources": [
            link("Message template (demo)", "https://example.org/demo/rumour-control-template"),
        ],
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>Rumours after serious incidents spread fastest in closed groups and in "
                "languages the authorities do not publish in. Twenty key persons from "
                "associations and faith communities now receive verified information at the "
                "same time as the press, and pass it on in their own channels.</p>"
            ),
            heading("What changed"),
            key_fact(
                "9 h → 1.5 h",
                "median time from incident to first verified post, 2020 to 2023",
                "Municipal communications log",
            ),
        ],
    },
    # Gothenburg
    {
        "city": "gothenburg",
        "slug": "outreach-social-workers",
        "title": "Outreach social workers in every district",
        "summary": (
            "Outreach social workers meet young people where they are, in the evenings and at "
            "weekends, and link them with school, leisure and, when needed, social services. "
            "Every district now has a team."
        ),
        "status": "ongoing",
        "start_date": date(2017, 8, 15),
        "goals": ["strong-youth-engagement", "safe-communities", "safe-urban-spaces"],
        "themes": ["youth-for-inclusion"],
        "tags": ["outreach", "fältassistenter", "youth work"],
        "target_groups": ["young-people"],
        "prevention_level": "selective",
        "partners": ["schools", "police", "civil_society"],
        "problem": (
            "<p>Young people at risk were known to the police before they were known to "
            "anyone who could help them; social services met them only after a first "
            "offence.</p>"
        ),
        "mechanism": (
            "<p>Adults who are present where young people spend their evenings build trust "
            "before trouble starts, and can link a young person to school, leisure or social "
            "services early.</p>"
        ),
        "context": (
            "<p>Needs continuity: the same faces, year after year. Short project funding works "
            "against it.</p>"
        ),
        "implementation": (
            "<p>Teams of two, four evenings a week from 18:00 to 23:00, with weekly meetings "
            "with schools and the local police.</p>"
        ),
        "cost": "<p>About 800 000 SEK per team of two a year.</p>",
        "indicators": [
            indicator(
                "Young people reported to social services for a first offence",
                "410",
                "350",
                "336",
                2023,
                "Social services statistics",
            ),
        ],
        "evaluation": "external",
        "evaluation_link": "https://example.org/demo/gothenburg-outreach-evaluation",
        "lessons_learned": (
            "<p>Teams that changed staff every year lost the young people's trust. Sharing "
            "names with the police without consent did not work: it was stopped after "
            "complaints, and the teams now ask first.</p>"
        ),
        "contact_name": "Ahmed Karimi",
        "contact_role": "Head of outreach social work, City of Gothenburg",
        "contact_email": "ahmed.karimi@goteborg.example.org",
        "resources": [
            link("How the teams work (demo)", "https://example.org/demo/outreach-teams"),
        ],
        "adopted_by": ["aarhus", "trondheim"],
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>Teams of two walk the squares, stations and youth centres from 18:00 to "
                "23:00, four evenings a week. They know the young people by name, and the "
                "young people know them.</p>"
            ),
            heading("What changed"),
            key_fact("1 900", "young people in regular contact with an outreach team in 2023"),
            key_fact(
                "−18 %",
                "young people reported to social services for a first offence, 2019 to 2023",
                "Social services statistics",
            ),
        ],
    },
    {
        "city": "gothenburg",
        "slug": "safety-alliance-with-housing-companies",
        "title": "A local safety alliance with housing companies",
        "summary": (
            "The city, the police and five housing companies in north-eastern Gothenburg share "
            "one safety plan, one incident log and one weekly meeting, and report twice a year "
            "to tenants on what changed."
        ),
        "status": "ongoing",
        "start_date": date(2019, 4, 1),
        "goals": ["safe-communities", "safe-urban-spaces"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["alliance", "housing", "property owners"],
        "target_groups": ["residents", "businesses"],
        "prevention_level": "universal",
        "partners": ["police", "property_owners"],
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>Tenants saw the same broken lamps and burnt-out cars reported to three "
                "different owners. The alliance's shared log gives each problem one owner and "
                "a deadline, visible to all partners.</p>"
            ),
            heading("What changed"),
            key_fact("−35 %", "car fires in the area, 2019 to 2023", "Rescue services"),
            key_fact(
                "+12 points", "tenants who feel safe outdoors in the evening", "Tenant survey"
            ),
        ],
    },
    # Malmö
    {
        "city": "malmo",
        "slug": "safety-walks-with-young-women",
        "title": "Safety walks led by young women",
        "summary": (
            "Girls and young women lead safety walks through the parks and paths they use "
            "after dark; the city commits to answer every point within a month, in public."
        ),
        "status": "ongoing",
        "start_date": date(2021, 10, 1),
        "goals": ["safe-urban-spaces", "strong-youth-engagement"],
        "themes": ["youth-for-inclusion", "local-safe-city-alliances"],
        "tags": [*SAFETY_WALK_TAGS, "girls and women", "lighting"],
        "target_groups": ["women-and-girls", "young-people"],
        "prevention_level": "universal",
        "partners": ["police", "civil_society"],
        "problem": (
            "<p>The city's safety survey showed the widest gap between groups among young "
            "women, who avoided parks and cycle paths after dark far more than young men. "
            "Ordinary safety walks were led by officials, mostly men.</p>"
        ),
        "mechanism": (
            "<p>When young women choose the route and lead the walk, the problems they "
            "actually meet are the ones that get fixed; a public answer within a month shows "
            "that speaking up leads somewhere.</p>"
        ),
        "context": (
            "<p>Needs youth workers the young women already know, and departments willing to "
            "answer in public.</p>"
        ),
        "implementation": (
            "<p>Groups of six to ten young women, recruited through youth centres and schools; "
            "one evening walk, one meeting to agree the list, a public answer within a "
            "month.</p>"
        ),
        "cost": "<p>About 40 hours of staff time per walk, plus food and transport home.</p>",
        "indicators": [
            indicator(
                "Measures agreed on the walks that were carried out",
                "",
                "80 %",
                "39 of 48",
                2023,
                "City of Malmö follow-up",
            ),
            indicator(
                "Young women who avoid the walked routes after dark",
                "52 %",
                "40 %",
                "41 %",
                2023,
                "Malmö safety survey",
            ),
        ],
        "evaluation": "internal",
        "lessons_learned": (
            "<p>The first walk mixed young women with officials, and the young women spoke "
            "less; they now walk first and present to the officials afterwards. An online "
            "form for follow-up got almost no answers; a second meeting did.</p>"
        ),
        "contact_name": "Fatima Nilsson",
        "contact_role": "Safety coordinator, City of Malmö",
        "contact_email": "fatima.nilsson@malmo.example.org",
        "resources": [
            link("Guide for walks led by young women (demo)", "https://example.org/demo/walks"),
        ],
        "adopted_by": ["copenhagen", "oslo"],
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>The city's safety survey showed the widest gap between groups among young "
                "women, who avoided parks and cycle paths after dark far more than young men. "
                "Groups of young women now choose the route and lead the walk; park "
                "managers, the police and the street lighting department listen and take "
                "notes.</p>"
            ),
            heading("What changed"),
            key_fact("48", "measures agreed on eight walks, 2021–2023; 39 carried out"),
            key_fact(
                "−11 points",
                "young women who avoid the walked routes after dark",
                "Malmö safety survey, 2021 to 2023",
            ),
        ],
    },
    {
        "city": "malmo",
        "slug": "community-intervention-team",
        "title": "A community intervention team against group violence",
        "summary": (
            "Police, social services and community members meet the young men most at risk "
            "of violence with one message: the violence must stop, and here is real help to "
            "leave. Shootings linked to the groups fell by half."
        ),
        "status": "ongoing",
        "start_date": date(2018, 10, 1),
        "goals": ["safe-communities", "strong-youth-engagement"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["group violence", "community intervention", "police"],
        "target_groups": ["young-people", "people-leaving-crime-or-extremism"],
        "prevention_level": "indicated",
        "partners": ["police", "civil_society", "research"],
        "problem": (
            "<p>A small number of young men in a few groups stood behind most of the city's "
            "shootings; arrests alone did not stop the cycle of revenge.</p>"
        ),
        "mechanism": (
            "<p>Group violence intervention: a clear, shared message from the police and the "
            "community that the violence must stop, consequences for the whole group if it "
            "does not, and real help for everyone who wants to leave.</p>"
        ),
        "context": (
            "<p>Needs reliable knowledge of the groups, police willing to follow through on "
            "what is announced, and social services that can deliver help within days. It "
            "is aimed at group-related violence, not at violence in close relationships.</p>"
        ),
        "implementation": (
            "<p>Call-in meetings twice a year, individual offers the same week, and a team "
            "of police officers, social workers and community members who meet weekly.</p>"
        ),
        "cost": (
            "<p>About 9 million SEK a year for the city and the police together, most of it "
            "in staff time.</p>"
        ),
        "indicators": [
            indicator(
                "Shootings linked to the groups in a year",
                "15",
                "8",
                "6",
                2021,
                "Police Region South",
            ),
        ],
        "evaluation": "peer_reviewed",
        "evaluation_link": "https://example.org/demo/group-violence-intervention-study",
        "lessons_learned": (
            "<p>Offers of help that took weeks to arrive were worthless: housing was the "
            "bottleneck, and the city now keeps flats in reserve. The model lost momentum when "
            "the team's police lead was moved; name a deputy from the start.</p>"
        ),
        "contact_name": "Erik Holm",
        "contact_role": "Project lead, community intervention team",
        "contact_email": "erik.holm@malmo.example.org",
        "resources": [
            link("The call-in meeting, step by step (demo)", "https://example.org/demo/call-in"),
        ],
        "adopted_by": ["gothenburg", "stockholm", "oslo"],
        "last_reviewed": date(2025, 11, 20),
        "original_language": "sv",
        "body": [
            paragraph(
                "<p>The team holds call-in meetings with group members, followed the same "
                "week by individual offers of work, housing or protection. Mothers, former "
                "gang members and faith leaders speak at each meeting.</p>"
            ),
            heading("What changed"),
            key_fact(
                "15 → 6",
                "shootings linked to the groups, 2018 to 2021",
                "Police Region South",
            ),
        ],
    },
    # Copenhagen
    {
        "city": "copenhagen",
        "slug": "reporting-online-hate",
        "title": "Reporting online hate: a city guide and help desk",
        "summary": (
            "A guide in eight languages and a help desk at the city's libraries help residents "
            "document hate speech and threats online, report them to the platform and the "
            "police, and find support."
        ),
        "status": "ongoing",
        "start_date": date(2020, 9, 1),
        "goals": ["safe-online-sphere", "safe-communities"],
        "themes": ["reduce-online-hate-and-fear"],
        "tags": ["online hate", "reporting", "victim support"],
        "target_groups": ["victims", "residents"],
        "prevention_level": "selective",
        "partners": ["police", "civil_society"],
        "problem": (
            "<p>Many people targeted by hate online did not know it could be reported, or gave "
            "up when the platform did not answer; the police saw only a fraction of it.</p>"
        ),
        "mechanism": (
            "<p>Help with documenting and reporting, close to home, makes reporting possible "
            "for people who would otherwise give up; more reports let the police act.</p>"
        ),
        "implementation": (
            "<p>A guide in eight languages, a help desk in six libraries two afternoons a "
            "week, and library staff trained by the police.</p>"
        ),
        "cost": "<p>About 1.2 million DKK a year, mostly library staff time.</p>",
        "indicators": [
            indicator(
                "Online hate crimes reported to the police from Copenhagen",
                "310",
                "600",
                "740",
                2023,
                "Copenhagen Police",
            ),
            indicator(
                "Residents helped at the help desk",
                "",
                "800",
                "1 100",
                2023,
                "Library records",
            ),
        ],
        "lessons_learned": (
            "<p>A phone line tried in the first year got few calls: people wanted someone to "
            "look at the screen with them. Reports rose, but convictions did not; the next "
            "step is working with prosecutors.</p>"
        ),
        "contact_name": "Mette Sørensen",
        "contact_role": "Project manager, Copenhagen Libraries",
        "contact_email": "mette.sorensen@kk.example.org",
        "resources": [
            link("The guide to reporting online hate (demo)", "https://example.org/demo/report"),
        ],
        "original_language": "da",
        "body": [
            paragraph(
                "<p>Many people targeted by hate online did not know it could be reported, or "
                "gave up when the platform did not answer. Library staff trained by the police "
                "help them take screenshots with dates, report in the right place and follow "
                "up.</p>"
            ),
            heading("What changed"),
            key_fact(
                "2.4×",
                "hate crimes online reported to the police from Copenhagen, 2020 to 2023",
                "Copenhagen Police",
            ),
            key_fact("1 100", "residents helped at the help desk in 2023"),
        ],
    },
    {
        "city": "copenhagen",
        "slug": "home-visits-to-new-parents",
        "title": "Home visits to new parents",
        "summary": (
            "Health visitors meet every family with a newborn at home, five times in the first "
            "year, and in areas with many young or isolated parents add group meetings that "
            "build parents' networks."
        ),
        "status": "ongoing",
        "start_date": date(2017, 1, 1),
        "goals": ["strong-families"],
        "themes": ["youth-for-inclusion"],
        "tags": ["home visits", "parents", "early prevention"],
        "target_groups": ["parents-and-families", "children"],
        "prevention_level": "universal",
        "partners": ["research"],
        "problem": (
            "<p>Young and isolated parents were the least likely to ask for help, and their "
            "children the most likely to need support later in school.</p>"
        ),
        "mechanism": (
            "<p>Visits offered to every family reach the isolated ones without singling them "
            "out; trust built in the first year makes it easier to ask for help later, and "
            "group meetings give parents a network of their own.</p>"
        ),
        "context": (
            "<p>Relies on a health visiting service that every family already knows and "
            "trusts; where visits are offered only to families at risk, take-up falls.</p>"
        ),
        "implementation": (
            "<p>Five home visits in the first year by health visitors; in areas with many "
            "young or isolated parents, eight group meetings as well.</p>"
        ),
        "cost": "<p>About 4 000 DKK per family for the visits, 1 500 DKK for the groups.</p>",
        "indicators": [
            indicator(
                "Families with a newborn who accepted the visits",
                "93 %",
                "95 %",
                "97 %",
                2023,
                "Copenhagen health visiting service",
            ),
            indicator(
                "Parents in the group meetings who know another parent they can ask for help",
                "48 %",
                "60 %",
                "63 %",
                2023,
                "Parent questionnaire",
            ),
        ],
        "evaluation": "peer_reviewed",
        "evaluation_link": "https://example.org/demo/home-visits-study",
        "lessons_learned": (
            "<p>Evening group meetings did not work for parents with small children; meetings "
            "at the health centre in the morning did. Fathers rarely came until one group was "
            "held on Saturdays.</p>"
        ),
        "contact_name": "Camilla Friis",
        "contact_role": "Head of health visiting, City of Copenhagen",
        "contact_email": "camilla.friis@kk.example.org",
        "resources": [
            link("Programme for the visits (demo)", "https://example.org/demo/home-visits"),
        ],
        "adopted_by": ["aalborg", "reykjavik"],
        "original_language": "da",
        "body": [
            paragraph(
                "<p>The visits are offered to all families, so no one is singled out. Health "
                "visitors (sundhedsplejersker) ask about the parents' own wellbeing and "
                "network, not only the child's weight, and can refer to family counselling "
                "the same week.</p>"
            ),
            heading("What changed"),
            key_fact("97 %", "families with a newborn who accepted the visits in 2023"),
            key_fact(
                "+15 points",
                "parents in the group meetings who know another parent they can ask for help",
            ),
        ],
    },
    # Aarhus
    {
        "city": "aarhus",
        "slug": "mentors-for-young-people",
        "title": "Mentors for young people at risk of radicalisation",
        "summary": (
            "Young people drawn towards violent extremism are offered a trained mentor, "
            "dialogue with their parents and help with school or work; voluntary, and "
            "without a criminal case."
        ),
        "status": "ongoing",
        "start_date": date(2017, 3, 1),
        "goals": ["strong-youth-engagement", "strong-families", "safe-public-institutions"],
        "themes": ["youth-for-inclusion"],
        "tags": ["mentoring", "radicalisation", "early prevention"],
        "target_groups": ["young-people", "parents-and-families"],
        "prevention_level": "indicated",
        "partners": ["police", "schools"],
        "original_language": "da",
        "body": [
            paragraph(
                "<p>A concern from a school, a parent or the police goes to one assessment "
                "team. If the young person agrees, a mentor meets them weekly for at least six "
                "months; parents are offered their own counselling.</p>"
            ),
            heading("What changed"),
            key_fact(
                "31 of 38",
                "young people who finished a mentoring course and were in school or work a "
                "year later",
            ),
        ],
    },
    # Odense
    {
        "city": "odense",
        "slug": "youth-council-on-safety",
        "title": "A youth council on safety",
        "summary": (
            "Twenty young people aged 15–21 advise the city and the police on safety in their "
            "neighbourhoods; the council has its own budget and must be heard before safety "
            "measures aimed at young people."
        ),
        "status": "ongoing",
        "start_date": date(2019, 9, 1),
        "goals": ["strong-youth-engagement", "safe-communities"],
        "themes": ["youth-for-inclusion", "local-safe-city-alliances"],
        "tags": ["youth council", "participation"],
        "target_groups": ["young-people"],
        "prevention_level": "universal",
        "partners": ["police"],
        "original_language": "da",
        "body": [
            paragraph(
                "<p>The council meets monthly with the city's crime-prevention team and the "
                "local police. Its first proposal, evening opening of two sports halls, was "
                "carried out within six months.</p>"
            ),
            heading("What changed"),
            key_fact("14", "council proposals adopted by the city, 2019–2023"),
            key_fact(
                "+9 points",
                "young people in the area who trust the police",
                "Youth survey, 2019 to 2023",
            ),
        ],
    },
    # Helsinki
    {
        "city": "helsinki",
        "slug": "disinformation-courses-at-libraries",
        "title": "Disinformation resilience courses at city libraries",
        "summary": (
            "Free two-hour courses at the city's libraries teach residents to check a source, "
            "spot a manipulated image and recognise a conspiracy narrative, in Finnish, "
            "Swedish, English, Russian and Somali."
        ),
        "status": "ongoing",
        "start_date": date(2020, 10, 1),
        "goals": ["safe-online-sphere", "safe-public-institutions"],
        "themes": ["resist-disinformation"],
        "tags": ["disinformation", "media literacy", "libraries"],
        "target_groups": ["residents"],
        "prevention_level": "universal",
        "partners": ["civil_society", "research"],
        "problem": (
            "<p>During the pandemic, false health claims and conspiracy narratives spread "
            "fastest in language groups the city's communication did not reach.</p>"
        ),
        "mechanism": (
            "<p>People who have practised checking a source and spotting a manipulated image "
            "are less likely to believe and share false claims.</p>"
        ),
        "context": (
            "<p>Libraries are trusted and free, and already host courses; the method works "
            "less well in formal settings such as language classes.</p>"
        ),
        "implementation": (
            "<p>Librarians trained by a fact-checking organisation; two-hour courses in five "
            "languages with examples from the previous month.</p>"
        ),
        "cost": "<p>About 90 000 EUR a year for training, interpreters and materials.</p>",
        "indicators": [
            indicator(
                "Participants who correctly identify a false claim",
                "52 %",
                "70 %",
                "79 %",
                2023,
                "Tests before and after the course",
            ),
        ],
        "evaluation": "internal",
        "lessons_learned": (
            "<p>Lectures did not work; exercises with real posts did. Whether the effect "
            "lasts beyond a few weeks is not yet known.</p>"
        ),
        "contact_name": "Aino Virtanen",
        "contact_role": "Library development manager, City of Helsinki",
        "contact_email": "aino.virtanen@hel.example.org",
        "resources": [
            link("Course material (demo)", "https://example.org/demo/disinformation-course"),
        ],
        "adopted_by": ["reykjavik", "turku"],
        "original_language": "fi",
        "body": [
            paragraph(
                "<p>Librarians trained with a fact-checking organisation lead the courses, "
                "using examples that circulated in Helsinki in the previous month.</p>"
            ),
            heading("What changed"),
            key_fact("3 600", "residents who took a course, 2020–2023"),
            key_fact(
                "52 % → 79 %",
                "participants who correctly identified a false claim, before and after",
                "Course tests",
            ),
        ],
    },
    {
        "city": "helsinki",
        "slug": "anchor-teams",
        "title": "Anchor teams: police, social, health and youth work together",
        "summary": (
            "Multi-agency anchor teams meet young people after a first offence or a concern "
            "about radicalisation within two weeks, and agree one plan with them and their "
            "family."
        ),
        "status": "ongoing",
        "start_date": date(2016, 5, 1),
        "goals": ["safe-public-institutions", "strong-youth-engagement", "strong-families"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["multi-agency", "Ankkuri", "early intervention"],
        "target_groups": ["young-people", "parents-and-families"],
        "prevention_level": "indicated",
        "partners": ["police"],
        "problem": (
            "<p>A young person after a first offence met the police, social services, health "
            "care and youth work separately, over months, with four plans that did not fit "
            "together.</p>"
        ),
        "mechanism": (
            "<p>One team, one meeting and one plan, within two weeks of the first offence, "
            "while the young person and the family are still open to help.</p>"
        ),
        "context": (
            "<p>Needs a legal basis for sharing information between the services, and staff "
            "who sit in the same office.</p>"
        ),
        "implementation": (
            "<p>A police officer, a social worker, a nurse and a youth worker in one office; "
            "referrals from the police within three days of a first offence.</p>"
        ),
        "cost": "<p>About 400 000 EUR a year for a team of four.</p>",
        "indicators": [
            indicator(
                "Time from first contact to an agreed plan",
                "2 months",
                "3 weeks",
                "2 weeks",
                2023,
                "Anchor team records",
            ),
            indicator(
                "Young people met after a first offence with no new offence within a year",
                "",
                "65 %",
                "71 %",
                2023,
                "Helsinki Police",
            ),
        ],
        "evaluation": "external",
        "evaluation_link": "https://example.org/demo/anchor-evaluation",
        "lessons_learned": (
            "<p>Meetings held at the police station scared families off; moving them to the "
            "youth centre helped. The team was slower with cases of radicalisation, which "
            "need more specialist knowledge than first offences.</p>"
        ),
        "contact_name": "Mikko Lehtonen",
        "contact_role": "Anchor team coordinator, Helsinki Police",
        "contact_email": "mikko.lehtonen@hel.example.org",
        "resources": [
            link("How an anchor team works (demo)", "https://example.org/demo/anchor-teams"),
        ],
        "adopted_by": ["tampere", "espoo", "vantaa"],
        "last_reviewed": date(2024, 1, 10),
        "original_language": "fi",
        "body": [
            paragraph(
                "<p>A police officer, a social worker, a nurse and a youth worker sit in the "
                "same office. A young person and their parents meet them together, once, "
                "instead of four services separately.</p>"
            ),
            heading("What changed"),
            key_fact("2 weeks", "from first contact to an agreed plan, down from two months"),
            key_fact(
                "71 %",
                "of young people met after a first offence had no new offence within a year",
                "Helsinki Police",
            ),
        ],
    },
    # Turku
    {
        "city": "turku",
        "slug": "youth-ambassadors-against-online-hate",
        "title": "Youth ambassadors against online hate",
        "summary": (
            "Upper secondary students trained as ambassadors run workshops on online hate for "
            "younger pupils, and moderate their schools' chats with a code they wrote "
            "themselves."
        ),
        "status": "ongoing",
        "start_date": date(2021, 1, 15),
        "goals": ["safe-online-sphere", "strong-youth-engagement"],
        "themes": ["reduce-online-hate-and-fear", "youth-for-inclusion"],
        "tags": ["online hate", "youth", "schools"],
        "target_groups": ["young-people", "children"],
        "prevention_level": "universal",
        "partners": ["schools"],
        "problem": (
            "<p>Pupils described school chats as the place where hate and exclusion happened, "
            "out of sight of teachers.</p>"
        ),
        "mechanism": (
            "<p>Older pupils are listened to in a way adults are not; rules pupils wrote "
            "themselves are easier to enforce in their own chats.</p>"
        ),
        "implementation": (
            "<p>Thirty ambassadors a year, a training weekend with the city's youth services, "
            "and one workshop in every lower secondary class each term.</p>"
        ),
        "cost": (
            "<p>About 35 000 EUR a year, mainly the training weekend and youth workers' time.</p>"
        ),
        "indicators": [
            indicator(
                "Pupils who say they were targeted by hate online in the past month",
                "20 %",
                "15 %",
                "15 %",
                2023,
                "School wellbeing survey",
            ),
        ],
        "lessons_learned": (
            "<p>Ambassadors who moderated chats alone burned out; they now work in pairs with "
            "a youth worker to call on. Workshops for the youngest pupils were too abstract.</p>"
        ),
        "contact_name": "Emilia Laine",
        "contact_role": "Youth services, City of Turku",
        "contact_email": "emilia.laine@turku.example.org",
        "resources": [
            link("The ambassadors' chat code (demo)", "https://example.org/demo/chat-code"),
        ],
        "original_language": "fi",
        "body": [
            paragraph(
                "<p>Thirty ambassadors a year get a weekend of training with the city's youth "
                "services. They visit every lower secondary class once a term.</p>"
            ),
            heading("What changed"),
            key_fact(
                "−25 %",
                "pupils who say they were targeted by hate online in the past month",
                "School wellbeing survey, 2021 to 2023",
            ),
        ],
    },
    # Tampere
    {
        "city": "tampere",
        "slug": "awareness-work-in-preschools",
        "title": "Awareness work with parents in preschools",
        "summary": (
            "Preschool staff hold short, informal parent evenings on children's media use, "
            "prejudice and where families can turn for help, in the languages the parents "
            "speak."
        ),
        "status": "ongoing",
        "start_date": date(2020, 8, 15),
        "goals": ["strong-families", "safe-public-institutions"],
        "themes": ["youth-for-inclusion"],
        "tags": ["preschool", "parents", "early prevention"],
        "target_groups": ["parents-and-families", "children"],
        "prevention_level": "universal",
        "partners": ["schools"],
        "original_language": "fi",
        "body": [
            paragraph(
                "<p>The evenings are held at pick-up time, with interpreters and food. Staff "
                "use a shared guide and a list of local contacts.</p>"
            ),
            heading("What changed"),
            key_fact("46 of 60", "preschools that held at least two evenings in 2023"),
            key_fact("+20 points", "parents who know where to turn with a worry about their child"),
        ],
    },
    {
        "city": "tampere",
        "slug": "youth-work-in-online-games",
        "title": "Youth work in online games",
        "summary": (
            "City youth workers are present in the online games and voice chats young people "
            "use, step in when hate or grooming appears, and invite players to meet offline."
        ),
        "status": "ongoing",
        "start_date": date(2021, 3, 1),
        "goals": ["safe-online-sphere", "strong-youth-engagement"],
        "themes": ["reduce-online-hate-and-fear", "youth-for-inclusion"],
        "tags": ["online youth work", "gaming"],
        "target_groups": ["young-people"],
        "prevention_level": "universal",
        "partners": ["civil_society"],
        "original_language": "fi",
        "body": [
            paragraph(
                "<p>Four youth workers host the city's own game servers in the evenings, with "
                "clear rules and a visible moderator. Players can talk to them in private.</p>"
            ),
            heading("What changed"),
            key_fact("620", "regular players on the city's servers in 2023"),
            key_fact(
                "87",
                "private conversations that led to contact with school, social or health services",
            ),
        ],
    },
    # Reykjavik
    {
        "city": "reykjavik",
        "slug": "neighbourhood-safety-alliances",
        "title": "Neighbourhood safety alliances",
        "summary": (
            "In each neighbourhood, schools, sports clubs, parents' associations, the church "
            "and the police meet every month, share what they see, and agree together on a "
            "few concrete measures."
        ),
        "status": "ongoing",
        "start_date": date(2018, 2, 1),
        "goals": ["safe-communities", "safe-urban-spaces"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["alliance", "neighbourhood", "civil society"],
        "target_groups": ["residents", "young-people", "parents-and-families"],
        "prevention_level": "universal",
        "partners": ["schools", "police", "civil_society"],
        "original_language": "is",
        "body": [
            paragraph(
                "<p>Parents' evening walks, agreed closing hours for youth activities and a "
                "shared calendar came out of the first year. Each alliance reports once a year "
                "to the district council.</p>"
            ),
            heading("What changed"),
            key_fact(
                "−14 %",
                "teenagers out after curfew hours without an adult",
                "Icelandic youth survey, 2018 to 2022",
            ),
        ],
    },
    {
        "city": "reykjavik",
        "slug": "media-literacy-for-families",
        "title": "Media literacy evenings for parents and teenagers",
        "summary": (
            "Parents and teenagers come together to school evenings where they check viral "
            "claims side by side; teenagers often teach the parents, and both learn where to "
            "report."
        ),
        "status": "completed",
        "start_date": date(2021, 9, 1),
        "end_date": date(2023, 5, 31),
        "goals": ["strong-families", "safe-online-sphere"],
        "themes": ["resist-disinformation"],
        "tags": ["media literacy", "disinformation", "parents"],
        "target_groups": ["parents-and-families", "young-people"],
        "prevention_level": "universal",
        "partners": ["schools"],
        "original_language": "is",
        "body": [
            paragraph(
                "<p>Every lower secondary school held two evenings a year for two years. The "
                "material is now part of the schools' own curriculum.</p>"
            ),
            heading("What changed"),
            key_fact("2 300", "parents and teenagers who took part"),
            key_fact(
                "74 %",
                "participants who said they now check a claim before sharing it",
                "Evaluation by the city's school department",
            ),
        ],
    },
    # Oslo
    {
        "city": "oslo",
        "slug": "support-for-employees-threatened-online",
        "title": "Support for city employees threatened online",
        "summary": (
            "Employees who are harassed or threatened online because of their work get one "
            "contact who documents, reports to the police and the platform, and follows up; "
            "managers are trained to act the same day."
        ),
        "status": "ongoing",
        "start_date": date(2020, 1, 1),
        "goals": ["safe-online-sphere", "safe-public-institutions"],
        "themes": ["reduce-online-hate-and-fear"],
        "tags": ["online threats", "employees", "hate speech"],
        "target_groups": ["public-servants", "victims"],
        "prevention_level": "selective",
        "partners": ["police"],
        "problem": (
            "<p>Case workers in child welfare and planning were harassed and threatened online "
            "because of decisions they made at work; many did not report it, and some "
            "left.</p>"
        ),
        "mechanism": (
            "<p>When the employer takes over the case, the employee does not have to face the "
            "threats again to report them, and reports reach the police.</p>"
        ),
        "implementation": (
            "<p>One contact in the city's security unit, a reporting routine, and training for "
            "managers to act the same day.</p>"
        ),
        "cost": "<p>Two full-time posts in the security unit, about 2 million NOK a year.</p>",
        "indicators": [
            indicator(
                "Threats against employees reported to the police",
                "40",
                "100",
                "121",
                2022,
                "City of Oslo security unit",
            ),
            indicator(
                "Days of sick leave after threats",
                "1 850",
                "1 300",
                "1 110",
                2022,
                "City of Oslo HR statistics",
            ),
        ],
        "evaluation": "internal",
        "lessons_learned": (
            "<p>Asking employees to fill in a form themselves did not work; a phone call to "
            "the security unit did. Managers needed a script for the first conversation.</p>"
        ),
        "contact_name": "Ingrid Bakke",
        "contact_role": "Head of security, City of Oslo",
        "contact_email": "ingrid.bakke@oslo.example.org",
        "resources": [
            link(
                "Routine for threats against employees (demo)", "https://example.org/demo/threats"
            ),
        ],
        "adopted_by": ["bergen", "copenhagen"],
        "original_language": "nb",
        "body": [
            paragraph(
                "<p>Case workers in child welfare and planning were among the most exposed. "
                "The city's security unit now takes the case from the employee, so that they "
                "do not have to read the threats again to report them.</p>"
            ),
            heading("What changed"),
            key_fact("3×", "threats reported to the police, 2019 to 2022"),
            key_fact(
                "−40 %",
                "sick leave after threats, 2019 to 2022",
                "City of Oslo HR statistics",
            ),
        ],
    },
    {
        "city": "oslo",
        "slug": "youth-councils-in-every-district",
        "title": "Youth councils in every district",
        "summary": (
            "Each of the city's districts has a youth council elected by the schools, with a "
            "budget for local projects and the right to speak in the district committee on "
            "anything that concerns young people."
        ),
        "status": "ongoing",
        "start_date": date(2017, 9, 1),
        "goals": ["strong-youth-engagement", "safe-communities"],
        "themes": ["youth-for-inclusion"],
        "tags": ["youth council", "participation"],
        "target_groups": ["young-people"],
        "prevention_level": "universal",
        "partners": ["schools"],
        "original_language": "nb",
        "body": [
            paragraph(
                "<p>The councils have used their budgets for skate parks, evening cafés and "
                "better lighting on paths to school.</p>"
            ),
            heading("What changed"),
            key_fact("130", "projects funded by youth councils, 2017–2023"),
            key_fact(
                "+8 points",
                "young people who feel they can influence their neighbourhood",
                "Ung i Oslo survey, 2018 to 2023",
            ),
        ],
    },
    # Bergen
    {
        "city": "bergen",
        "slug": "safer-nightlife-alliance",
        "title": "A safer nightlife alliance in the city centre",
        "summary": (
            "Bars, door staff, taxis, the police and the city share one radio channel and one "
            "set of rules on weekend nights; trained hosts help people who are alone, drunk "
            "or afraid get home."
        ),
        "status": "ongoing",
        "start_date": date(2019, 5, 1),
        "goals": ["safe-urban-spaces", "safe-communities"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["nightlife", "alliance", "Safer Norwegian Cities"],
        "target_groups": ["residents", "businesses"],
        "prevention_level": "universal",
        "partners": ["police", "businesses"],
        "problem": (
            "<p>Most of the violence in the city centre happened on weekend nights between "
            "one and four, around bars and taxi ranks, when door staff, taxis and the police "
            "each saw only part of what was going on.</p>"
        ),
        "mechanism": (
            "<p>A shared radio channel and shared rules let door staff, taxis and the police "
            "step in earlier, and hosts get vulnerable people home before something "
            "happens.</p>"
        ),
        "implementation": (
            "<p>Rules signed by the venues, staff training twice a year, a radio channel, and "
            "eight trained hosts on Friday and Saturday nights.</p>"
        ),
        "cost": (
            "<p>About 1.5 million NOK a year, shared by the city and the venues; part of the "
            "Safer Norwegian Cities project.</p>"
        ),
        "indicators": [
            indicator(
                "Violence reported in the city centre on weekend nights",
                "410",
                "320",
                "299",
                2023,
                "West Police District",
            ),
        ],
        "lessons_learned": (
            "<p>Venues that signed the rules but never sent staff to training did not change; "
            "the sticker is now withdrawn after a missed training. Hosts in yellow vests were "
            "mistaken for guards, and people avoided them at first.</p>"
        ),
        "contact_name": "Kari Solberg",
        "contact_role": "Nightlife coordinator, City of Bergen",
        "contact_email": "kari.solberg@bergen.example.org",
        "resources": [
            link("The alliance's rules for venues (demo)", "https://example.org/demo/nightlife"),
        ],
        "adopted_by": ["stavanger", "trondheim"],
        "related_events": ["experience-exchange-safer-norwegian-cities-2027"],
        "original_language": "nb",
        "body": [
            paragraph(
                "<p>The alliance is part of the Safer Norwegian Cities project for the "
                "network's Norwegian members. Venues that sign the alliance's rules get a "
                "sticker at the door and training for their staff.</p>"
            ),
            heading("What changed"),
            key_fact(
                "−27 %",
                "violence reported in the city centre on weekend nights, 2019 to 2023",
                "West Police District",
            ),
        ],
    },
    # Kristiansand
    {
        "city": "kristiansand",
        "slug": "coordinated-local-crime-prevention",
        "title": "Coordinated crime prevention between schools, social services and police",
        "summary": (
            "One local model links schools, child welfare, health services and the police, "
            "from a teacher's first concern to a follow-up meeting with the young person and "
            "their parents within three weeks."
        ),
        "status": "ongoing",
        "start_date": date(2018, 1, 1),
        "goals": ["safe-public-institutions", "strong-youth-engagement", "strong-families"],
        "themes": ["local-safe-city-alliances"],
        "tags": ["SLT", "early prevention", "schools"],
        "target_groups": ["young-people", "parents-and-families"],
        "prevention_level": "selective",
        "partners": ["schools", "police"],
        "original_language": "nb",
        "body": [
            paragraph(
                "<p>Each school has a named police contact and meets child welfare every "
                "month. Concerns are discussed with consent, or anonymously when there is "
                "none.</p>"
            ),
            heading("What changed"),
            key_fact("3 weeks", "from concern to follow-up meeting, down from three months"),
            key_fact(
                "−21 %",
                "young people under 18 charged with a crime, 2018 to 2023",
                "Agder Police District",
            ),
        ],
    },
]
