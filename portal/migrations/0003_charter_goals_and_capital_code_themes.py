"""The network's reference data: the charter's six goals and the Capital Code's four themes.

Slugs are stable: web addresses and filters rely on them.
"""

import uuid

from django.db import migrations

CHARTER_GOALS = [
    (
        1,
        "Safe urban spaces",
        "safe-urban-spaces",
        "Streets, squares, stations and parks where residents feel safe and are safe: "
        "lighting, maintenance, life in the place, and shared responsibility with property "
        "owners, businesses and the police.",
        "#1F5F8B",
    ),
    (
        2,
        "Safe online sphere",
        "safe-online-sphere",
        "A digital public space free from hate, threats and recruitment to violent "
        "extremism, where residents and public servants can take part without fear.",
        "#5B3F8C",
    ),
    (
        3,
        "Strong families",
        "strong-families",
        "Support to parents and families early, from home visits to new parents to help "
        "for families worried about a child drawn into crime or extremism.",
        "#9A3412",
    ),
    (
        4,
        "Safe public institutions",
        "safe-public-institutions",
        "Schools, social services, libraries and city halls that are safe to work in and "
        "to visit, and staff who know how to recognise and act on concerns.",
        "#1E5E4E",
    ),
    (
        5,
        "Strong youth engagement",
        "strong-youth-engagement",
        "Young people with a voice, a place and a future in their city, involved in the "
        "work against crime and extremism rather than only its target.",
        "#A21C4B",
    ),
    (
        6,
        "Safe communities",
        "safe-communities",
        "Neighbourhoods with trust between residents and with the authorities, where civil "
        "society, faith communities and the city work together.",
        "#3F6212",
    ),
]

CAPITAL_CODE_THEMES = [
    (
        1,
        "Reduce online hate and fear",
        "reduce-online-hate-and-fear",
        "Counter hate speech, threats and fear online, and support those targeted by them.",
        "#4338CA",
        ["safe-online-sphere", "safe-communities"],
    ),
    (
        2,
        "Empower citizens to resist disinformation",
        "resist-disinformation",
        "Give residents the knowledge and habits to recognise and resist disinformation "
        "and conspiracy narratives.",
        "#0E6E7E",
        ["safe-online-sphere", "safe-public-institutions", "safe-communities"],
    ),
    (
        3,
        "Empower youth to promote inclusion",
        "youth-for-inclusion",
        "Let young people lead work for inclusion in their schools, neighbourhoods and "
        "online communities.",
        "#7C2D12",
        ["strong-youth-engagement", "strong-families", "safe-communities"],
    ),
    (
        4,
        "Build and expand local safe city alliances",
        "local-safe-city-alliances",
        "Bring the city, police, businesses, property owners and civil society into lasting "
        "local alliances for safety.",
        "#334155",
        ["safe-urban-spaces", "safe-public-institutions", "safe-communities"],
    ),
]


def create_reference_data(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    CharterGoal = apps.get_model("portal", "CharterGoal")
    CapitalCodeTheme = apps.get_model("portal", "CapitalCodeTheme")
    english, _ = Locale.objects.get_or_create(language_code="en")

    goals = {}
    for number, name, slug, description, colour in CHARTER_GOALS:
        goals[slug], _ = CharterGoal.objects.get_or_create(
            slug=slug,
            locale=english,
            defaults={
                "number": number,
                "name": name,
                "description": description,
                "colour": colour,
                "translation_key": uuid.uuid4(),
            },
        )
    for number, name, slug, description, colour, goal_slugs in CAPITAL_CODE_THEMES:
        theme, _ = CapitalCodeTheme.objects.get_or_create(
            slug=slug,
            locale=english,
            defaults={
                "number": number,
                "name": name,
                "description": description,
                "colour": colour,
                "translation_key": uuid.uuid4(),
            },
        )
        theme.related_goals.set([goals[goal_slug] for goal_slug in goal_slugs])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_reference_data, migrations.RunPython.noop)]
