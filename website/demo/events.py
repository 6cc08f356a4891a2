"""Summits and events, past and coming, with their programmes, speakers and
registration. Times are local to the venue. The speakers are invented for the demo."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from portal.blocks import heading, key_fact, paragraph

STOCKHOLM = ZoneInfo("Europe/Stockholm")
HELSINKI = ZoneInfo("Europe/Helsinki")
OSLO = ZoneInfo("Europe/Oslo")

EVENTS = [
    {
        "slug": "summit-2020-stockholm",
        "title": "Nordic Safe Cities Summit 2020",
        "kind": "summit",
        "start": datetime(2020, 2, 11, 9, 0, tzinfo=STOCKHOLM),
        "end": datetime(2020, 2, 12, 16, 0, tzinfo=STOCKHOLM),
        "time_zone": "Europe/Stockholm",
        "venue": "Stockholm City Hall",
        "host_city": "stockholm",
        "all_day": True,
        "introduction": (
            "The network's summit in 2020 was held in Stockholm, the year the network became "
            "an independent non-profit association."
        ),
        "body": [
            paragraph(
                "<p>Member cities met to share what works against radicalisation, violent "
                "extremism, crime and insecurity, and to look ahead to the network's next "
                "steps as an association of its own.</p>"
            ),
            heading("What happened"),
            paragraph(
                "<p>On the first day Stockholm showed its model against violent extremism and "
                "took the member cities to Sergels torg, where property owners, businesses "
                "and the city share the work of making the square feel safe. Helsinki and "
                "Copenhagen showed how they reach young people and families early.</p>"
            ),
            paragraph(
                "<p>On the second day the cities compared how they know whether a practice "
                "works, and agreed the network's next steps as an independent non-profit "
                "association, with free membership and no obligation to attend meetings.</p>"
            ),
            key_fact("7", "practices shown by the cities, listed in the programme below"),
        ],
        # Linked from the page once the stories are loaded: what was written about it.
        "stories": ["the-network-becomes-an-independent-association"],
        # The summit in Stockholm is a fact; its dates and programme here are invented.
        "is_demo_content": True,
    },
    {
        "slug": "webinar-indicators-of-effect",
        "title": "Webinar: indicators of effect, not of activity",
        "kind": "webinar",
        "start": datetime(2027, 1, 20, 13, 0, tzinfo=STOCKHOLM),
        "end": datetime(2027, 1, 20, 14, 30, tzinfo=STOCKHOLM),
        "time_zone": "Europe/Stockholm",
        "online_url": "https://example.org/webinars/indicators-of-effect",
        "capacity": 100,
        "registration_opens": datetime(2026, 11, 2, 9, 0, tzinfo=STOCKHOLM),
        "registration_closes": datetime(2027, 1, 19, 12, 0, tzinfo=STOCKHOLM),
        "introduction": (
            "How do you show that a practice made a city safer, not only that it was carried "
            "out? Three member cities show the figures they follow, and how they measure them."
        ),
        "body": [
            paragraph(
                "<p>With Södertälje's safety walk follow-up, Helsinki's course tests and "
                "Gothenburg's tenant surveys. Ninety minutes, in English, with time for "
                "questions.</p>"
            ),
        ],
    },
    {
        "slug": "experience-exchange-safer-norwegian-cities-2027",
        "title": "Experience exchange: Safer Norwegian Cities",
        "kind": "exchange",
        "start": datetime(2027, 3, 17, 10, 0, tzinfo=OSLO),
        "end": datetime(2027, 3, 18, 15, 0, tzinfo=OSLO),
        "time_zone": "Europe/Oslo",
        "venue": "Bergen City Hall",
        "host_city": "bergen",
        "language": "nb",
        "capacity": 40,
        "members_only": True,
        "registration_opens": datetime(2026, 11, 16, 9, 0, tzinfo=OSLO),
        "registration_closes": datetime(2027, 2, 26, 16, 0, tzinfo=OSLO),
        "introduction": (
            "The Norwegian members show what the Safer Norwegian Cities project has changed, "
            "and member cities from the other Nordic countries test the ideas against their "
            "own."
        ),
    },
    {
        "slug": "summit-2027-helsinki",
        "title": "Nordic Safe Cities Summit 2027",
        "kind": "summit",
        "start": datetime(2027, 5, 26, 9, 0, tzinfo=HELSINKI),
        "end": datetime(2027, 5, 27, 16, 0, tzinfo=HELSINKI),
        "time_zone": "Europe/Helsinki",
        "venue": "Helsinki Central Library Oodi",
        "address": "Töölönlahdenkatu 4, 00100 Helsinki",
        "host_city": "helsinki",
        "all_day": True,
        "capacity": 180,
        "members_only": True,
        "registration_opens": datetime(2027, 1, 11, 9, 0, tzinfo=HELSINKI),
        "registration_closes": datetime(2027, 4, 30, 16, 0, tzinfo=HELSINKI),
        "introduction": (
            "Two days for member cities' politicians, officials, police and civil society: "
            "what works against insecurity, online hate and disinformation, and how we know."
        ),
        "body": [
            paragraph(
                "<p>Day one: the Capital Code's four themes, one workshop each. Day two: study "
                "visits to Helsinki's anchor team and library courses, and the network's annual "
                "meeting.</p>"
            ),
        ],
    },
    {
        "slug": "safety-walk-sodertalje-2027",
        "title": "Safety walk at Södertälje central station",
        "kind": "safety_walk",
        "start": datetime(2027, 11, 16, 17, 0, tzinfo=STOCKHOLM),
        "end": datetime(2027, 11, 16, 19, 30, tzinfo=STOCKHOLM),
        "time_zone": "Europe/Stockholm",
        "venue": "Södertälje central station, main entrance",
        "host_city": "sodertalje",
        "language": "sv",
        "capacity": 25,
        "registration_opens": datetime(2026, 11, 2, 9, 0, tzinfo=STOCKHOLM),
        "registration_closes": datetime(2027, 11, 12, 12, 0, tzinfo=STOCKHOLM),
        "introduction": (
            "Join Södertälje's yearly safety walk (trygghetsvandring) with the police, property "
            "owners and the public transport operator, and see how the follow-up works."
        ),
    },
]


# Invented people; each photo's description is its alternative text.
SPEAKERS = [
    {
        "name": "Sara Nyström",
        "title": "Safety coordinator",
        "organisation": "Södertälje municipality",
        "bio": (
            "Leads Södertälje's safety walks with the police, property owners and the public "
            "transport operator, and the follow-up of what was agreed."
        ),
    },
    {
        "name": "Mikko Laine",
        "title": "Head of the anchor team",
        "organisation": "City of Helsinki",
        "bio": (
            "Social worker and police officer by training; has led Helsinki's multi-agency "
            "anchor team for young people since 2019."
        ),
    },
    {
        "name": "Ingrid Solberg",
        "title": "Project lead, Safer Norwegian Cities",
        "organisation": "City of Bergen",
        "bio": "Coordinates the Norwegian members' joint project and its evaluation.",
    },
    {
        "name": "Anders Berg",
        "title": "Analyst",
        "organisation": "City of Gothenburg",
        "bio": (
            "Runs the tenant surveys that Gothenburg uses to follow insecurity, estate by "
            "estate, over the years."
        ),
    },
    {
        "name": "Elin Holm",
        "title": "Secretary general",
        "organisation": "Nordic Safe Cities",
        "bio": "Runs the network's secretariat and its summits.",
    },
]

# Programmes by event slug: (day, start, end, title, room, speakers, practice slugs).
STOCKHOLM_DAY_ONE = date(2020, 2, 11)
STOCKHOLM_DAY_TWO = date(2020, 2, 12)
HELSINKI_DAY_ONE = date(2027, 5, 26)
HELSINKI_DAY_TWO = date(2027, 5, 27)
PROGRAMMES = {
    # The summit of 2020 took place; the sessions below are invented for the demo, and
    # show only practices the cities had started by then.
    "summit-2020-stockholm": [
        {
            "day": STOCKHOLM_DAY_ONE,
            "start_time": time(9, 0),
            "end_time": time(9, 45),
            "title": "Welcome to Stockholm",
            "room": "The Council Chamber",
            "description": "The host city and the network open the summit.",
            "speakers": ["Elin Holm"],
        },
        {
            "day": STOCKHOLM_DAY_ONE,
            "start_time": time(10, 0),
            "end_time": time(12, 0),
            "title": "The Stockholm model against violent extremism",
            "room": "The Council Chamber",
            "description": (
                "Action plans and coordinators in every district, the exit programme, and "
                "the routines for returnees from conflict zones and their children."
            ),
            "practices": [
                "stockholm-model-against-violent-extremism",
                "exit-programme",
                "returnees-and-their-children",
            ],
        },
        {
            "day": STOCKHOLM_DAY_ONE,
            "start_time": time(13, 0),
            "end_time": time(14, 30),
            "title": "Study visit: Sergels torg and its Business Improvement District",
            "room": "Meeting point at the main entrance",
            "practices": ["sergels-torg-placemaking"],
        },
        {
            "day": STOCKHOLM_DAY_ONE,
            "start_time": time(15, 0),
            "end_time": time(16, 30),
            "title": "Reaching young people and families early",
            "room": "The Golden Hall",
            "speakers": ["Mikko Laine"],
            "practices": ["anchor-teams", "home-visits-to-new-parents"],
        },
        {
            "day": STOCKHOLM_DAY_TWO,
            "start_time": time(9, 0),
            "end_time": time(11, 0),
            "title": "How do we know it works?",
            "room": "The Golden Hall",
            "description": "Cities compare the figures they follow, and how they measure them.",
            "speakers": ["Anders Berg"],
            "practices": ["safety-alliance-with-housing-companies"],
        },
        {
            "day": STOCKHOLM_DAY_TWO,
            "start_time": time(11, 15),
            "end_time": time(16, 0),
            "title": "The network's next steps as an association of its own",
            "room": "The Council Chamber",
            "description": "For member cities' appointed representatives.",
            "speakers": ["Elin Holm"],
        },
    ],
    "summit-2027-helsinki": [
        {
            "day": HELSINKI_DAY_ONE,
            "start_time": time(9, 0),
            "end_time": time(9, 45),
            "title": "Welcome: what works, and how we know",
            "room": "Maijansali",
            "speakers": ["Elin Holm"],
        },
        {
            "day": HELSINKI_DAY_ONE,
            "start_time": time(10, 0),
            "end_time": time(12, 0),
            "title": "Workshops on the Capital Code's four themes",
            "room": "Kuuttiskammio and Kuutiosali",
            "description": "Online hate, disinformation, youth inclusion and local alliances.",
            "practices": ["disinformation-courses-at-libraries", "reporting-online-hate"],
        },
        {
            "day": HELSINKI_DAY_ONE,
            "start_time": time(13, 0),
            "end_time": time(14, 30),
            "title": "Indicators of effect: Gothenburg's tenant surveys",
            "room": "Maijansali",
            "speakers": ["Anders Berg"],
            "practices": ["safety-alliance-with-housing-companies"],
        },
        {
            "day": HELSINKI_DAY_TWO,
            "start_time": time(9, 0),
            "end_time": time(11, 30),
            "title": "Study visit: Helsinki's anchor team",
            "room": "Meeting point at the main entrance",
            "speakers": ["Mikko Laine"],
            "practices": ["anchor-teams"],
        },
        {
            "day": HELSINKI_DAY_TWO,
            "start_time": time(13, 0),
            "end_time": time(16, 0),
            "title": "The network's annual meeting",
            "room": "Maijansali",
            "description": "For member cities' appointed representatives.",
            "speakers": ["Elin Holm"],
        },
    ],
    "webinar-indicators-of-effect": [
        {
            "start_time": time(13, 0),
            "end_time": time(13, 25),
            "title": "Södertälje: following up a safety walk",
            "speakers": ["Sara Nyström"],
            "practices": ["safety-walk-central-station"],
        },
        {
            "start_time": time(13, 25),
            "end_time": time(13, 50),
            "title": "Helsinki: testing what library courses teach",
            "speakers": ["Mikko Laine"],
            "practices": ["disinformation-courses-at-libraries"],
        },
        {
            "start_time": time(13, 50),
            "end_time": time(14, 30),
            "title": "Gothenburg's tenant surveys, and questions",
            "speakers": ["Anders Berg"],
        },
    ],
    "experience-exchange-safer-norwegian-cities-2027": [
        {
            "day": date(2027, 3, 17),
            "start_time": time(10, 0),
            "end_time": time(12, 0),
            "title": "What Safer Norwegian Cities has changed",
            "room": "Bystyresalen",
            "speakers": ["Ingrid Solberg"],
            "practices": ["coordinated-local-crime-prevention"],
        },
        {
            "day": date(2027, 3, 18),
            "start_time": time(9, 0),
            "end_time": time(15, 0),
            "title": "The other Nordic members test the ideas against their own",
            "room": "Bystyresalen",
        },
    ],
    "safety-walk-sodertalje-2027": [
        {
            "start_time": time(17, 0),
            "end_time": time(17, 20),
            "title": "Welcome and the route",
            "room": "Main entrance",
            "speakers": ["Sara Nyström"],
        },
        {
            "start_time": time(17, 20),
            "end_time": time(18, 50),
            "title": "The walk: lighting, flows of people, maintenance",
            "description": "In groups, each with a police officer and a property owner.",
            "practices": ["safety-walk-central-station"],
        },
        {
            "start_time": time(18, 50),
            "end_time": time(19, 30),
            "title": "Who fixes what, and how we follow it up",
            "room": "The station's waiting hall",
            "speakers": ["Sara Nyström"],
        },
    ],
}
