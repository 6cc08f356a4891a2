"""The charter goals and Capital Code themes come from a data migration, with the exact
names of the network's documents and slugs that web addresses rely on."""

import pytest

from portal.models import CapitalCodeTheme, CharterGoal

pytestmark = pytest.mark.django_db


def test_the_six_charter_goals_exist_in_order():
    assert list(CharterGoal.objects.values_list("number", "name", "slug")) == [
        (1, "Safe urban spaces", "safe-urban-spaces"),
        (2, "Safe online sphere", "safe-online-sphere"),
        (3, "Strong families", "strong-families"),
        (4, "Safe public institutions", "safe-public-institutions"),
        (5, "Strong youth engagement", "strong-youth-engagement"),
        (6, "Safe communities", "safe-communities"),
    ]


def test_the_four_capital_code_themes_exist_in_order():
    assert list(CapitalCodeTheme.objects.values_list("number", "name")) == [
        (1, "Reduce online hate and fear"),
        (2, "Empower citizens to resist disinformation"),
        (3, "Empower youth to promote inclusion"),
        (4, "Build and expand local safe city alliances"),
    ]


def test_every_term_has_a_description_and_a_colour_white_text_can_sit_on():
    for term in [*CharterGoal.objects.all(), *CapitalCodeTheme.objects.all()]:
        assert term.description
        assert contrast_with_white(term.colour) >= 4.5, term


def test_every_theme_relates_to_at_least_one_goal():
    for theme in CapitalCodeTheme.objects.prefetch_related("related_goals"):
        assert theme.related_goals.exists(), theme


def contrast_with_white(hex_colour):
    """WCAG 2.1 contrast ratio between the colour and white."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
