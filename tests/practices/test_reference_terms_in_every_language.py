"""Issue 18, item 3: the fixed vocabularies (charter goals, Capital Code themes, target
groups, prevention levels, statuses, evidence, countries) read in the visitor's
language in all six languages, and an editor chooses each goal, theme and target group
once, named in their admin language, whatever language the practice is in."""

import html

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from portal.models import CapitalCodeTheme, CharterGoal
from practices.factories import PracticePageFactory
from practices.models import EvidenceLevel, PracticeStatus, PreventionLevel, TargetGroup
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def term(model, slug, language="en"):
    return model.objects.get(slug=slug, locale__language_code=language)


@pytest.fixture
def walk(home, section):
    """An English practice of a Swedish city, filed with English terms."""
    city = CityPageFactory(
        parent=section(CityIndexPage), title="Södertälje", slug="sodertalje", country="SE"
    )
    return PracticePageFactory(
        parent=city,
        title="Safety walk at the central station",
        charter_goals=[term(CharterGoal, "safe-urban-spaces")],
        capital_code_themes=[term(CapitalCodeTheme, "local-safe-city-alliances")],
        target_groups=[term(TargetGroup, "residents")],
        prevention_level=PreventionLevel.UNIVERSAL,
        status=PracticeStatus.ONGOING,
    )


def translate(page, language):
    """The page translated the way translators do it, through wagtail-localize."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=language)
    translation, _created = source.create_or_update_translation(
        locale, copy_parent_pages=True, fallback=True
    )
    # wagtail-localize publishes once the transaction commits, which a test's never does.
    translation.get_latest_revision().publish()
    return translation


def prefixed(language, path):
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def facet_labels(html):
    """The library's filter labels, without their counts."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        " ".join(label.get_text(" ", strip=True).rsplit("(", 1)[0].split())
        for label in soup.select("form label")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_librarys_filters_are_named_in_the_visitors_language(client, walk, language):
    practice = walk if language == "en" else translate(walk, language)
    # A translation filed before the terms followed its language (wagtail-localize copies
    # the source's relations) still counts under the visitor's names.
    practice.charter_goals.set([term(CharterGoal, "safe-urban-spaces")])

    response = client.get(prefixed(language, "/practices/"))

    labels = facet_labels(response.content.decode())
    with translation.override(language):
        expected = {
            term(CharterGoal, "safe-urban-spaces", language).name,
            term(CapitalCodeTheme, "local-safe-city-alliances", language).name,
            term(TargetGroup, "residents", language).name,
            str(PreventionLevel.UNIVERSAL.label),
            str(PracticeStatus.ONGOING.label),
            str(EvidenceLevel.DESCRIBED.label),
            str(Country.SWEDEN.label),
        }
    assert expected <= labels, expected - labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_goals_page_is_titled_in_the_visitors_language(client, home, language):
    response = client.get(prefixed(language, "/practices/goals/strong-families/"))

    soup = BeautifulSoup(response.content, "html.parser")
    name = term(CharterGoal, "strong-families", language).name
    assert soup.h1.get_text(strip=True) == name
    assert soup.title.get_text().startswith(name)


def test_a_practice_filed_with_an_english_goal_names_it_in_finnish_on_the_finnish_site(
    client, walk
):
    response = client.get(prefixed("fi", walk.url))

    soup = BeautifulSoup(response.content, "html.parser")
    badges = {badge.get_text(strip=True) for badge in soup.select(".badge")}
    assert "Turvalliset kaupunkitilat" in badges
    assert "Safe urban spaces" not in badges
    assert "Alueen asukkaat" in soup.get_text()


def test_a_translated_practice_is_filed_with_the_terms_of_its_own_language(walk):
    finnish = translate(walk, "fi")

    finnish.refresh_from_db()
    assert [goal.name for goal in finnish.charter_goals.all()] == ["Turvalliset kaupunkitilat"]
    assert [theme.locale.language_code for theme in finnish.capital_code_themes.all()] == ["fi"]
    assert [group.name for group in finnish.target_groups.all()] == ["Alueen asukkaat"]
    # The source keeps its own.
    assert [goal.name for goal in walk.charter_goals.all()] == ["Safe urban spaces"]


def in_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return logged_in(user)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_an_editor_chooses_each_goal_once_named_in_their_admin_language(staff, walk, language):
    response = in_admin_language(staff, language).get(
        reverse("wagtailadmin_pages:edit", args=[walk.pk])
    )

    content = response.content.decode()
    assert content.count('name="charter_goals"') == 6
    assert content.count('name="target_groups"') == 9
    for goal in CharterGoal.objects.filter(locale__language_code=language):
        assert f"{goal.name}</label>" in html.unescape(content), goal.name


@pytest.mark.parametrize(
    ("language", "first"), [("en", "Safe urban spaces"), ("sv", "Trygga stadsmiljöer")]
)
def test_the_goals_listing_opens_in_the_editors_admin_language(staff, home, language, first):
    response = in_admin_language(staff, language).get(
        reverse("wagtailsnippets_portal_chartergoal:list")
    )

    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("table.listing tbody tr")
    assert len(rows) == 6
    assert first in rows[0].get_text()
