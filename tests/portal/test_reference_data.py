"""The charter goals and Capital Code themes come from a data migration, with the exact
names of the network's documents and slugs that web addresses rely on."""

import pytest
from django.conf import settings

from portal.models import CapitalCodeTheme, CharterGoal
from practices.models import TargetGroup

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def english(model):
    return model.objects.filter(locale__language_code="en")


def test_the_six_charter_goals_exist_in_order():
    assert list(english(CharterGoal).values_list("number", "name", "slug")) == [
        (1, "Safe urban spaces", "safe-urban-spaces"),
        (2, "Safe online sphere", "safe-online-sphere"),
        (3, "Strong families", "strong-families"),
        (4, "Safe public institutions", "safe-public-institutions"),
        (5, "Strong youth engagement", "strong-youth-engagement"),
        (6, "Safe communities", "safe-communities"),
    ]


def test_the_four_capital_code_themes_exist_in_order():
    assert list(english(CapitalCodeTheme).values_list("number", "name")) == [
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


@pytest.mark.parametrize("model", [CharterGoal, CapitalCodeTheme, TargetGroup])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_term_exists_once_in_every_language_with_the_same_slug(model, language):
    translations = model.objects.filter(locale__language_code=language)
    assert sorted(translations.values_list("translation_key", "slug")) == sorted(
        english(model).values_list("translation_key", "slug")
    )


@pytest.mark.parametrize(
    ("language", "goal", "theme", "group"),
    [
        ("sv", "Trygga stadsmiljöer", "Minska hat och rädsla på nätet", "Unga"),
        ("da", "Trygge byrum", "Mindsk had og frygt på nettet", "Unge"),
        ("nb", "Trygge byrom", "Reduser hat og frykt på nett", "Unge"),
        ("fi", "Turvalliset kaupunkitilat", "Vähennä vihaa ja pelkoa verkossa", "Nuoret"),
        ("is", "Örugg borgarrými", "Drögum úr hatri og ótta á netinu", "Ungt fólk"),
    ],
)
def test_the_terms_are_named_in_each_language(language, goal, theme, group):
    def name(model, slug):
        return model.objects.get(locale__language_code=language, slug=slug).name

    assert name(CharterGoal, "safe-urban-spaces") == goal
    assert name(CapitalCodeTheme, "reduce-online-hate-and-fear") == theme
    assert name(TargetGroup, "young-people") == group


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_a_translated_theme_relates_to_the_goals_of_its_own_language(language):
    for theme in CapitalCodeTheme.objects.filter(locale__language_code=language):
        source = english(CapitalCodeTheme).get(slug=theme.slug)
        goals = theme.related_goals.all()
        assert {goal.locale.language_code for goal in goals} == {language}
        assert {goal.slug for goal in goals} == {goal.slug for goal in source.related_goals.all()}


def contrast_with_white(hex_colour):
    """WCAG 2.1 contrast ratio between the colour and white."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
