"""Summits and events, past and coming. Times are local to the venue."""

from datetime import datetime
from zoneinfo import ZoneInfo

from portal.factories import heading, paragraph

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
        "venue": "Stockholm",
        "host_city": "stockholm",
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
        ],
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
        "introduction": (
            "Two days for member cities' politicians, officials, police and civil society: "
            "what works against insecurity, online hate and disinformation, and how we know."
        ),
        "body": [
            heading("Programme"),
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
        "introduction": (
            "Join Södertälje's yearly safety walk (trygghetsvandring) with the police, property "
            "owners and the public transport operator, and see how the follow-up works."
        ),
    },
]
