"""The demo's member cities: all five Nordic countries, large and small."""

from decimal import Decimal

from portal.blocks import heading, paragraph

# A city with a "hero_image" gets a drawn picture with that description as its alt text;
# the others show how the site looks without one.
CITIES = [
    {
        "slug": "copenhagen",
        "title": "Copenhagen",
        "country": "DK",
        "region": "Capital Region of Denmark",
        "population": 660_800,
        "population_year": 2024,
        "latitude": Decimal("55.67594"),
        "longitude": Decimal("12.56553"),
        "member_since": 2016,
        "introduction": (
            "Denmark's capital works district by district with residents, housing associations "
            "and the police, and follows each effort with the city's annual safety survey."
        ),
        "hero_image": "Copenhagen harbour at dusk",
    },
    {
        "slug": "aarhus",
        "title": "Aarhus",
        "country": "DK",
        "region": "Central Denmark Region",
        "population": 367_100,
        "population_year": 2024,
        "latitude": Decimal("56.15674"),
        "longitude": Decimal("10.21076"),
        "member_since": 2017,
        "introduction": (
            "Denmark's second city is known for early, voluntary help to young people at risk "
            "of radicalisation: mentors, dialogue with parents, and a way back."
        ),
        "hero_image": "Aarhus bay in the morning",
    },
    {
        "slug": "odense",
        "title": "Odense",
        "country": "DK",
        "region": "Region of Southern Denmark",
        "population": 208_500,
        "population_year": 2024,
        "latitude": Decimal("55.39594"),
        "longitude": Decimal("10.38831"),
        "member_since": 2018,
        "introduction": (
            "Odense gives young people a seat at the table: its youth council on safety advises "
            "the city on what makes neighbourhoods feel safe, and what does not."
        ),
        "hero_image": "Odense river at first light",
    },
    {
        "slug": "aalborg",
        "title": "Aalborg",
        "country": "DK",
        "region": "North Denmark Region",
        "population": 222_600,
        "population_year": 2024,
        "latitude": Decimal("57.04800"),
        "longitude": Decimal("9.91870"),
        "member_since": 2020,
        "introduction": (
            "Aalborg links its schools, social services and police in one prevention team for "
            "each school district."
        ),
    },
    {
        "slug": "helsinki",
        "title": "Helsinki",
        "country": "FI",
        "region": "Uusimaa",
        "population": 674_500,
        "population_year": 2024,
        "latitude": Decimal("60.16952"),
        "longitude": Decimal("24.93545"),
        "member_since": 2016,
        "introduction": (
            "Finland's capital trains residents to recognise disinformation at its city "
            "libraries, and brings police, social, health and youth work together in anchor "
            "teams."
        ),
        "hero_image": "Helsinki waterfront in winter light",
    },
    {
        "slug": "turku",
        "title": "Turku",
        "country": "FI",
        "region": "Southwest Finland",
        "population": 202_300,
        "population_year": 2024,
        "latitude": Decimal("60.45148"),
        "longitude": Decimal("22.26869"),
        "member_since": 2017,
        "introduction": (
            "Turku's youth ambassadors take on hate speech where young people meet: in "
            "school chats, on social media and in games."
        ),
        "hero_image": "Aura river in Turku",
    },
    {
        "slug": "tampere",
        "title": "Tampere",
        "country": "FI",
        "region": "Pirkanmaa",
        "population": 255_000,
        "population_year": 2024,
        "latitude": Decimal("61.49911"),
        "longitude": Decimal("23.78712"),
        "member_since": 2019,
        "introduction": (
            "Tampere starts early: awareness work with parents in preschools, and youth "
            "workers who are present in the online games young people play."
        ),
        "hero_image": "Tampere between two lakes",
    },
    {
        "slug": "espoo",
        "title": "Espoo",
        "country": "FI",
        "region": "Uusimaa",
        "population": 314_000,
        "population_year": 2024,
        "latitude": Decimal("60.20520"),
        "longitude": Decimal("24.65220"),
        "member_since": 2019,
        "introduction": (
            "Espoo works with its many language communities on safety information that "
            "reaches every resident, in their own language."
        ),
    },
    {
        "slug": "vantaa",
        "title": "Vantaa",
        "country": "FI",
        "region": "Uusimaa",
        "population": 247_400,
        "population_year": 2024,
        "latitude": Decimal("60.29414"),
        "longitude": Decimal("25.04099"),
        "member_since": 2020,
        "introduction": (
            "Vantaa has made safety around its stations and shopping centres a shared task "
            "of the city, the transport authority and the property owners."
        ),
    },
    {
        "slug": "reykjavik",
        "title": "Reykjavik",
        "country": "IS",
        "region": "Capital Region",
        "population": 139_900,
        "population_year": 2024,
        "latitude": Decimal("64.14660"),
        "longitude": Decimal("-21.94240"),
        "member_since": 2016,
        "introduction": (
            "Iceland's capital builds neighbourhood alliances of schools, sports clubs, "
            "parents and police, and invites families to media literacy evenings."
        ),
        "hero_image": "Reykjavik under a pale northern sky",
    },
    {
        "slug": "hafnarfjordur",
        "title": "Hafnarfjörður",
        "country": "IS",
        "region": "Capital Region",
        "population": 31_000,
        "population_year": 2024,
        "latitude": Decimal("64.06710"),
        "longitude": Decimal("-21.93770"),
        "member_since": 2021,
        "introduction": (
            "The network's newest Icelandic member learns from Reykjavik's neighbourhood "
            "alliances and adapts them to a town of thirty thousand."
        ),
    },
    {
        "slug": "oslo",
        "title": "Oslo",
        "country": "NO",
        "region": "Oslo",
        "population": 717_700,
        "population_year": 2024,
        "latitude": Decimal("59.91333"),
        "longitude": Decimal("10.73897"),
        "member_since": 2016,
        "introduction": (
            "Norway's capital supports employees who are threatened or harassed online, and "
            "has a youth council in every district. A member of the Safer Norwegian Cities "
            "project."
        ),
        "hero_image": "Oslofjord in blue hour",
    },
    {
        "slug": "bergen",
        "title": "Bergen",
        "country": "NO",
        "region": "Vestland",
        "population": 291_900,
        "population_year": 2024,
        "latitude": Decimal("60.39299"),
        "longitude": Decimal("5.32415"),
        "member_since": 2017,
        "introduction": (
            "Bergen's nightlife alliance brings bars, door staff, taxis, the police and the "
            "city together for a safer city centre on weekend nights."
        ),
        "hero_image": "Bergen between the seven mountains",
    },
    {
        "slug": "kristiansand",
        "title": "Kristiansand",
        "country": "NO",
        "region": "Agder",
        "population": 116_000,
        "population_year": 2024,
        "latitude": Decimal("58.14671"),
        "longitude": Decimal("7.99560"),
        "member_since": 2019,
        "introduction": (
            "Kristiansand coordinates crime prevention between schools, social services and "
            "the police through one local model, from first concern to follow-up."
        ),
        "hero_image": "Kristiansand on the southern coast",
    },
    {
        "slug": "stavanger",
        "title": "Stavanger",
        "country": "NO",
        "region": "Rogaland",
        "population": 149_000,
        "population_year": 2024,
        "latitude": Decimal("58.96998"),
        "longitude": Decimal("5.73311"),
        "member_since": 2020,
        "introduction": (
            "Stavanger works with sports clubs and youth centres so that every young person "
            "has somewhere to be in the evening."
        ),
    },
    {
        "slug": "trondheim",
        "title": "Trondheim",
        "country": "NO",
        "region": "Trøndelag",
        "population": 214_600,
        "population_year": 2024,
        "latitude": Decimal("63.43049"),
        "longitude": Decimal("10.39506"),
        "member_since": 2021,
        "introduction": (
            "Trondheim brings students, the university and the city together for safe "
            "streets during the busy autumn term."
        ),
    },
    {
        "slug": "stockholm",
        "title": "Stockholm",
        "country": "SE",
        "region": "Stockholm County",
        "population": 984_700,
        "population_year": 2023,
        "latitude": Decimal("59.32938"),
        "longitude": Decimal("18.06871"),
        "member_since": 2018,
        "introduction": (
            "Sweden's capital. The city executive board decided in April 2018 to apply for "
            "membership of the network (case reference KS 2018/550). Stockholm's stated "
            "ambition is to halve residents' sense of insecurity by 2025. The city hosted the "
            "network's summit in 2020 and week ten of the Safe City Tour 2021."
        ),
        "body": [
            heading("The safety programme 2024–2027"),
            paragraph(
                "<p>Stockholm's safety programme for 2024–2027 sets four focus areas: "
                "preventive work, targeted social interventions, the city's public "
                "environment, and urban development.</p>"
            ),
            # What reviewers and critics asked for is told once, under the city's
            # challenges (CITY_PROFILES).
        ],
        # The texts come from the network's and the city's public documents, but the
        # figures, contacts and population added for the demo are invented.
        "is_demo_content": True,
        "hero_image": "Stockholm's old town across the water",
    },
    {
        "slug": "gothenburg",
        "title": "Gothenburg",
        "country": "SE",
        "region": "Västra Götaland County",
        "population": 604_600,
        "population_year": 2023,
        "latitude": Decimal("57.70887"),
        "longitude": Decimal("11.97456"),
        "member_since": 2016,
        "introduction": (
            "Sweden's second city has outreach social workers in every district, and a local "
            "safety alliance with the housing companies of its north-eastern suburbs."
        ),
        "hero_image": "Gothenburg harbour cranes at dawn",
    },
    {
        "slug": "malmo",
        "title": "Malmö",
        "country": "SE",
        "region": "Skåne County",
        "population": 362_100,
        "population_year": 2023,
        "latitude": Decimal("55.60498"),
        "longitude": Decimal("13.00382"),
        "member_since": 2017,
        "introduction": (
            "Malmö combines a community intervention team against group violence with safety "
            "walks led by the young women who use the places after dark."
        ),
        "hero_image": "Malmö and the Öresund strait",
    },
    {
        "slug": "sodertalje",
        "title": "Södertälje",
        "country": "SE",
        "region": "Stockholm County",
        "population": 101_500,
        "population_year": 2023,
        "latitude": Decimal("59.19554"),
        "longitude": Decimal("17.62525"),
        "member_since": 2020,
        "introduction": (
            "Södertälje walks its central station every November with the police, property "
            "owners and the public transport operator, and checks afterwards what was fixed."
        ),
        "hero_image": "Södertälje canal in November",
    },
    {
        "slug": "uppsala",
        "title": "Uppsala",
        "country": "SE",
        "region": "Uppsala County",
        "population": 242_100,
        "population_year": 2023,
        "latitude": Decimal("59.85856"),
        "longitude": Decimal("17.63893"),
        "member_since": 2021,
        "introduction": (
            "Uppsala maps insecurity with residents in an app and publishes, every quarter, "
            "what the city did about each reported place."
        ),
    },
]


def figures(indicator, unit, source, values):
    """One indicator's key figures: values by year."""
    return [
        {
            "indicator": indicator,
            "unit": unit,
            "source": source,
            "year": year,
            "value": Decimal(value),
        }
        for year, value in values.items()
    ]


SAFETY_SURVEY = "the city's safety survey"

# What a city page lists beside its text, by city slug. Stockholm's documents, focus areas
# and challenges come from the city's public documents; its figures and people are
# invented, like everything for the other cities. Addresses use the reserved .example
# domain and phone numbers the Swedish regulator's range for fiction (070-174 06 05–99).
CITY_PROFILES = {
    "stockholm": {
        "challenges": (
            "<p>Stockholm's stated ambition is to halve residents' sense of insecurity by "
            "2025. Reviewers of the safety programme asked the city for:</p>"
            "<ul><li>a clearer picture of whether insecurity is rising or falling;</li>"
            "<li>the differences between groups, for example girls and women;</li>"
            "<li>more on the city's safety survey;</li>"
            "<li>safety during long construction periods;</li>"
            "<li>incidents such as fires and explosions on the city's safety map.</li></ul>"
            "<p>Critics asked for follow-up indicators of effect, not of activities carried "
            "out.</p>"
        ),
        "network_focus": (
            "<p>Sharing the Stockholm model against violent extremism: action plans in every "
            "city district and department, a coordinator in every district and one for the "
            "whole city, and information sharing with the police.</p>"
            "<p>Learning from other member cities how to follow up effect rather than "
            "activity, starting with the indicators of the safety survey.</p>"
        ),
        "key_figures": [
            *figures(
                "Residents who feel unsafe in their neighbourhood at night",
                "%",
                f"{SAFETY_SURVEY} (figures invented for the demo)",
                {2017: "27", 2019: "25", 2021: "23", 2023: "22", 2025: "19"},
            ),
            *figures(
                "Women who avoid going out alone in the evening",
                "%",
                f"{SAFETY_SURVEY} (figures invented for the demo)",
                {2021: "31", 2023: "29", 2025: "26"},
            ),
            *figures(
                "City employees who have taken the online training on violent extremism",
                "%",
                "the city's staff survey (figures invented for the demo)",
                {2023: "38", 2024: "52", 2025: "64"},
            ),
        ],
        "strategy_documents": [
            {
                "title": "Stockholm's safety programme",
                "kind": "safety_programme",
                "period": "2024–2027",
                "focus_areas": (
                    "Preventive work\nTargeted social interventions\n"
                    "The city's public environment\nUrban development"
                ),
                "link": "https://start.stockholm/",
            },
            {
                "title": "Action plans against violent extremism",
                "kind": "action_plan",
                "focus_areas": (
                    "Eighteen action plans at city-district and department level\n"
                    "A coordinator in every district and one city-wide\n"
                    "Information sharing with the police\n"
                    "Online training for all employees\n"
                    "Returnees from conflict zones and their children"
                ),
                "link": "https://start.stockholm/",
            },
        ],
        "contacts": [
            {
                "name": "Sara Lindgren",
                "role": "City-wide coordinator against violent extremism",
                "email": "sara.lindgren@stockholm.example",
                "phone": "+46 70 174 06 21",
                "is_public": True,
            },
            {
                "name": "Johan Ekberg",
                "role": "Safety analyst, city executive office",
                "email": "johan.ekberg@stockholm.example",
                "phone": "+46 70 174 06 48",
                "is_public": False,
            },
        ],
    },
    "copenhagen": {
        "challenges": (
            "<p>Most Copenhageners feel safe, but the gap between neighbourhoods has not "
            "closed: in a few housing areas residents feel markedly less safe after dark, "
            "and young men are drawn into groups that fight over territory.</p>"
        ),
        "network_focus": (
            "<p>Copenhagen hosts the next experience exchange on district safety work, and "
            "compares its annual safety survey with Stockholm's and Helsinki's questions.</p>"
        ),
        "key_figures": [
            *figures(
                "Residents who feel safe in their neighbourhood",
                "%",
                SAFETY_SURVEY,
                {2021: "79", 2022: "80", 2023: "82", 2024: "83"},
            ),
            *figures(
                "Young people in the mentor programme",
                "",
                "the city's social services",
                {2023: "240", 2024: "310"},
            ),
        ],
        "strategy_documents": [
            {
                "title": "Copenhagen's safety strategy",
                "kind": "strategy",
                "period": "2023–2026",
                "focus_areas": "Safe neighbourhoods\nEarly help for young people\nNightlife",
                "link": "https://www.kk.dk/",
            },
        ],
        "contacts": [
            {
                "name": "Mette Kjær",
                "role": "Head of the safety secretariat",
                "email": "mette.kjaer@kk.example",
                "is_public": True,
            },
            {
                "name": "Lars Holm",
                "role": "Coordinator for the housing areas",
                "email": "lars.holm@kk.example",
                "is_public": False,
            },
        ],
    },
    "helsinki": {
        "challenges": (
            "<p>Disinformation spreads fastest in languages the city reaches least. Helsinki "
            "wants every resident to have somewhere to check what they read, in their own "
            "language.</p>"
        ),
        "network_focus": (
            "<p>Helsinki shares its library courses on spotting disinformation, and learns "
            "from Reykjavik's media literacy evenings for families.</p>"
        ),
        "key_figures": [
            *figures(
                "Residents who feel unsafe in the city centre at night",
                "%",
                SAFETY_SURVEY,
                {2018: "21", 2021: "24", 2024: "20"},
            ),
            *figures(
                "Library visitors trained in spotting disinformation",
                "",
                "the city library",
                {2023: "1850", 2024: "2600", 2025: "3400"},
            ),
        ],
        "strategy_documents": [
            {
                "title": "Helsinki's safety plan",
                "kind": "safety_programme",
                "period": "2022–2025",
                "focus_areas": "Anchor teams\nMedia literacy\nSafe city centre",
                "link": "https://www.hel.fi/",
            },
        ],
        "contacts": [
            {
                "name": "Aino Virtanen",
                "role": "Safety and preparedness manager",
                "email": "aino.virtanen@hel.example",
                "is_public": True,
            },
            {
                "name": "Mikko Laine",
                "role": "Anchor team coordinator",
                "email": "mikko.laine@hel.example",
                "is_public": False,
            },
        ],
    },
    "oslo": {
        "challenges": (
            "<p>More of the city's employees are threatened or harassed online, and fewer "
            "report it. Oslo wants every employee to know where to turn.</p>"
        ),
        "network_focus": (
            "<p>Through the Safer Norwegian Cities project, Oslo works with the other "
            "Norwegian members on support for employees who are harassed online.</p>"
        ),
        "key_figures": [
            *figures(
                "Employees who reported online threats or harassment",
                "",
                "the city's staff survey",
                {2022: "112", 2023: "134", 2024: "151"},
            ),
            *figures(
                "Young people in the district youth councils",
                "",
                "the city's youth services",
                {2024: "290"},
            ),
        ],
        "strategy_documents": [
            {
                "title": "Action plan against hate and harassment of employees",
                "kind": "action_plan",
                "period": "2024–2026",
                "focus_areas": "Reporting\nSupport after an incident\nTraining for managers",
                "link": "https://www.oslo.kommune.no/",
            },
        ],
        "contacts": [
            {
                "name": "Marte Bakken",
                "role": "Adviser on violent extremism and hate crime",
                "email": "marte.bakken@oslo.example",
                "is_public": True,
            },
            {
                "name": "Per Haugen",
                "role": "Head of employee safety",
                "email": "per.haugen@oslo.example",
                "is_public": False,
            },
        ],
    },
    "reykjavik": {
        "challenges": (
            "<p>Young people spend more of their evenings online and fewer in organised "
            "leisure, and parents say they find it hard to follow what their children "
            "meet there.</p>"
        ),
        "network_focus": (
            "<p>Reykjavik shares how its neighbourhood alliances work, and helps "
            "Hafnarfjörður start its own.</p>"
        ),
        "key_figures": [
            *figures(
                "Parents at the media literacy evenings",
                "",
                "the city's school and leisure division",
                {2022: "420", 2023: "610", 2024: "780", 2025: "905"},
            ),
            *figures(
                "Residents who feel safe walking alone at night in their neighbourhood",
                "%",
                SAFETY_SURVEY,
                {2023: "88", 2025: "90"},
            ),
        ],
        "strategy_documents": [
            {
                "title": "Reykjavik's prevention policy",
                "kind": "strategy",
                "period": "2021–2025",
                "focus_areas": "Neighbourhood alliances\nMedia literacy\nOrganised leisure",
                "link": "https://reykjavik.is/",
            },
        ],
        "contacts": [
            {
                "name": "Guðrún Jónsdóttir",
                "role": "Prevention coordinator",
                "email": "gudrun.jonsdottir@reykjavik.example",
                "is_public": True,
            },
            {
                "name": "Einar Sigurðsson",
                "role": "Neighbourhood alliance lead, Breiðholt",
                "email": "einar.sigurdsson@reykjavik.example",
                "is_public": False,
            },
        ],
    },
}
