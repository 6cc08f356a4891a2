"""The Safe City Tours: 2021 as it happened where the network's documents say so, and a
coming tour in 2027 so that the home page has a next stop to show."""

from datetime import date

from events.models import Channel, StopStatus
from portal.blocks import heading, paragraph

TOURS = [
    {
        "slug": "safe-city-tour-2021",
        "title": "Safe City Tour 2021",
        "introduction": (
            "Every week one member city took over the network's Twitter and LinkedIn accounts "
            "for a working week, Monday to Friday, and showed how it works for a safe city."
        ),
        "first_week": date(2021, 1, 4),
        "number_of_weeks": 20,
        "channels": ["x", "linkedin"],
        "goals": ["safe-urban-spaces", "safe-communities", "safe-public-institutions"],
        "themes": ["local-safe-city-alliances"],
        "body": [
            paragraph(
                "<p>Stockholm hosted week ten, the halfway point. The mayor posted each day on "
                "one topic: a welcome; placemaking for safer public spaces with businesses and "
                "property owners, with Sergels torg turned around through a Business "
                "Improvement District; cooperation with the police, the security service and "
                "the prison and probation service; the Stockholm model against violent "
                "extremism; prevention adapted to modern society; and the exit programme for "
                "people leaving criminal or extremist milieus.</p>"
            ),
            paragraph("<p>The tour then went on to Copenhagen, 22–26 March 2021.</p>"),
        ],
        # Stockholm's and Copenhagen's weeks are on record; the other stops are invented,
        # and a tour stop cannot be flagged on its own, so the whole tour is.
        "is_demo_content": True,
        # Stockholm's week 10 was followed by Copenhagen's week 12: week 11 had no takeover.
        "breaks": [(date(2021, 3, 15), "Week off between Stockholm and Copenhagen")],
        "stop_status": StopStatus.DONE,
        # (city, Monday of the week, topic, host, host's title)
        "stops": [
            ("reykjavik", date(2021, 1, 4), "Neighbourhood alliances for safe communities"),
            ("oslo", date(2021, 1, 11), "Supporting employees threatened online"),
            ("helsinki", date(2021, 1, 18), "Resilience to disinformation at the library"),
            ("gothenburg", date(2021, 1, 25), "Outreach social work in every district"),
            ("aarhus", date(2021, 2, 1), "Mentors and a way back for young people"),
            ("bergen", date(2021, 2, 8), "A safer nightlife in the city centre"),
            ("turku", date(2021, 2, 15), "Young people against online hate"),
            ("malmo", date(2021, 2, 22), "Safety walks led by young women"),
            ("odense", date(2021, 3, 1), "A youth council on safety"),
            (
                "stockholm",
                date(2021, 3, 8),
                "Placemaking, cooperation and the Stockholm model",
                "",
                "Mayor of Stockholm",
            ),
            ("copenhagen", date(2021, 3, 22), "Reporting hate online, and home visits"),
            ("tampere", date(2021, 3, 29), "Youth work where young people play"),
            ("espoo", date(2021, 4, 5), "Safety information in every resident's language"),
            ("sodertalje", date(2021, 4, 12), "Countering rumours after serious incidents"),
            ("stavanger", date(2021, 4, 19), "Somewhere to be in the evening"),
            ("vantaa", date(2021, 4, 26), "Safe stations and shopping centres"),
            ("aalborg", date(2021, 5, 3), "One prevention team per school district"),
            ("uppsala", date(2021, 5, 10), "Mapping insecurity with residents"),
            ("trondheim", date(2021, 5, 17), "Safe streets in the student city"),
        ],
    },
    {
        "slug": "safe-city-tour-2027",
        "title": "Safe City Tour 2027",
        "introduction": (
            "The tour returns: from January, one member city a week takes over the network's "
            "LinkedIn and Bluesky accounts and shows what changed, and how it was measured."
        ),
        "first_week": date(2027, 1, 11),
        "number_of_weeks": 12,
        "channels": ["linkedin", "bluesky"],
        "goals": ["safe-online-sphere", "strong-youth-engagement"],
        "themes": ["reduce-online-hate-and-fear", "resist-disinformation"],
        "body": [
            heading("Measuring what changed"),
            paragraph(
                "<p>This year every host city ends its week with one figure: a change it can "
                "show, and how it was measured.</p>"
            ),
        ],
        "is_demo_content": True,
        "breaks": [],
        "stop_status": StopStatus.CONFIRMED,
        # The last two cities have been asked but have not yet said yes.
        "proposed": ["malmo", "stockholm"],
        "stops": [
            ("helsinki", date(2027, 1, 11), "Disinformation resilience at the library"),
            ("sodertalje", date(2027, 1, 18), "What our safety walks changed"),
            ("bergen", date(2027, 1, 25), "Nightlife alliances, four years on"),
            ("reykjavik", date(2027, 2, 1), "Media literacy for the whole family"),
            ("malmo", date(2027, 2, 8), "Young women map the city after dark"),
            ("stockholm", date(2027, 2, 15), "Halving insecurity: what the surveys show"),
        ],
    },
]


# Stockholm's week of the 2021 tour, day by day, as the network's documents tell it:
# (weekday 0-4, channel, text). The wording of the posts is written for the demo.
STOCKHOLM_2021_POSTS = [
    (
        0,
        Channel.LINKEDIN,
        "Good morning from Stockholm! This week the Mayor of Stockholm takes over the "
        "Nordic Safe Cities accounts. We are halfway through the Safe City Tour, and every "
        "day this week we will share one part of how Stockholm works for a safe city.",
    ),
    (
        0,
        Channel.X,
        "Hello from Stockholm! This week our mayor takes over the #NordicSafeCities "
        "accounts: one topic a day on how we work for a safe city. #SafeCityTour",
    ),
    (
        1,
        Channel.LINKEDIN,
        "Placemaking: safer public spaces are made together with businesses and property "
        "owners. Sergels torg, in the heart of the city, has been turned around through a "
        "Business Improvement District in which the city, property owners and businesses "
        "share the work and the costs.",
    ),
    (
        2,
        Channel.LINKEDIN,
        "No city can do it alone. Today: how Stockholm cooperates with the police, the "
        "Swedish Security Service and the Prison and Probation Service, so that prevention "
        "and law enforcement pull in the same direction.",
    ),
    (
        3,
        Channel.LINKEDIN,
        "The Stockholm model against violent extremism: a city-wide structure that brings "
        "schools, social services, youth work and the police together around one person's "
        "concern, early and with clear roles.",
    ),
    (
        4,
        Channel.LINKEDIN,
        "Prevention has to keep up with how people live now, online and offline. And for "
        "those who want to leave a criminal or extremist milieu, the exit programme offers "
        "a way out. Thank you for following Stockholm's week. Next: Copenhagen, 22-26 March.",
    ),
]
