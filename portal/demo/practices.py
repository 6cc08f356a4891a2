"""The demo's good practices, each under its city. Every charter goal and every Capital
Code theme has several. A practice says what changed and how it was measured, not only
what was done. Unless marked otherwise, the details and figures are invented."""

from datetime import date

from portal.factories import heading, key_fact, paragraph

SAFETY_WALK_TAGS = ["safety walk", "trygghetsvandring"]

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
        "start_date": date(2022, 11, 15),
        "goals": ["safe-urban-spaces", "safe-communities"],
        "themes": ["local-safe-city-alliances"],
        "tags": [*SAFETY_WALK_TAGS, "public transport", "lighting"],
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
            key_fact("21 of 27", "problems fixed by the follow-up walk in March 2023"),
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
