"""The Safe City Tours: 2021 as it happened where the network's documents say so, and a
coming tour in 2027 so that the home page has a next stop to show."""

from datetime import date

from portal.factories import heading, paragraph

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
            ("kristiansand", date(2021, 3, 15), "From a teacher's concern to a plan"),
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
