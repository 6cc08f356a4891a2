"""Network news and city stories."""

from datetime import date

from portal.blocks import heading, key_fact, paragraph

STORIES = [
    {
        "slug": "stockholm-takes-over-the-safe-city-tour",
        "title": "Stockholm takes over the Safe City Tour at its halfway point",
        "date": date(2021, 3, 8),
        "cities": ["stockholm"],
        "introduction": (
            "In week ten of the Safe City Tour 2021, the mayor of Stockholm posts every day on "
            "one part of the city's work for a safe city."
        ),
        "image": "Stockholm's city hall tower against a March sky",
        "body": [
            paragraph(
                "<p>The week's topics: a welcome; placemaking for safer public spaces with "
                "businesses and property owners, where Sergels torg was turned around through "
                "a Business Improvement District; cooperation with the police, the security "
                "service and the prison and probation service; the Stockholm model against "
                "violent extremism; prevention adapted to modern society; and the exit "
                "programme for people leaving criminal or extremist milieus.</p>"
            ),
            paragraph(
                "<p>Stockholm's stated ambition is to halve residents' sense of insecurity by "
                "2025. After Stockholm, the tour goes on to Copenhagen, 22–26 March.</p>"
            ),
        ],
        # Everything here is on record in the network's documents.
        "is_demo_content": False,
    },
    {
        "slug": "safer-norwegian-cities-grant",
        "title": "Safer Norwegian Cities: Gjensidige grants 10 million NOK",
        "date": date(2021, 6, 14),
        "cities": ["oslo", "bergen", "kristiansand"],
        "introduction": (
            "The Gjensidige Foundation has granted 10,000,000 NOK to Safer Norwegian Cities, a "
            "project for the network's Norwegian member cities."
        ),
        "image": "The Oslo fjord on a summer evening",
        "body": [
            key_fact(
                "10 000 000 NOK", "granted to Safer Norwegian Cities", "Gjensidige Foundation"
            ),
            paragraph(
                "<p>The project lets the Norwegian members test practices from across the "
                "network at home, from nightlife alliances to youth councils, and measure what "
                "they change. Funders and projects like this one are part of how the network "
                "works.</p>"
            ),
        ],
    },
    {
        "slug": "the-network-becomes-an-independent-association",
        "title": "The network becomes an independent association",
        "date": date(2020, 2, 12),
        "cities": ["stockholm"],
        "introduction": (
            "Started in 2016 on the initiative of the Nordic Council of Ministers, the network "
            "is now an independent non-profit association run by its member cities."
        ),
        "image": "Stockholm's waterfront on a February morning",
        "body": [
            paragraph(
                "<p>Membership stays free, with no obligation to attend meetings; member cities "
                "pay their own travel. A city joins by a decision of its own government.</p>"
            ),
            paragraph("<p>The decision was celebrated at the network's summit in Stockholm.</p>"),
        ],
    },
    {
        "slug": "what-a-safety-walk-changed-in-sodertalje",
        "title": "What a safety walk changed at Södertälje central station",
        "date": date(2023, 3, 20),
        "cities": ["sodertalje"],
        "introduction": (
            "Four months after the November 2022 safety walk, the group walked the station "
            "again to check what had been done. Twenty-one of twenty-seven problems were fixed."
        ),
        "image": "New lighting in the underpass at Södertälje central station",
        "body": [
            paragraph(
                "<p>The underpass has new lighting, the bushes along the path to the town "
                "centre are cut back, and the evening bus stops closer to the entrance. Six "
                "items remain, each with an owner and a new date.</p>"
            ),
            heading("How we know"),
            paragraph(
                "<p>The municipality's safety survey asks travellers the same question every "
                "year: do you feel safe at the station after dark?</p>"
            ),
        ],
    },
    {
        "slug": "helsinki-to-host-the-2027-summit",
        "title": "Helsinki to host the 2027 summit",
        "date": date(2026, 10, 5),
        "cities": ["helsinki"],
        "introduction": (
            "The network's summit comes to Helsinki on 26–27 May 2027, with study visits to the "
            "city's anchor team and its disinformation courses at the libraries."
        ),
        "image": "Helsinki's South Harbour in autumn",
        "body": [
            paragraph(
                "<p>Member cities are invited to propose workshops on the Capital Code's four "
                "themes. Registration opens in February.</p>"
            ),
        ],
    },
]
