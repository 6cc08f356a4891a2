import pytest

from cities.factories import CityPageFactory
from cities.models import Country
from portal.models import CapitalCodeTheme, CharterGoal
from practices.factories import PracticePageFactory
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_a_practice_belongs_to_the_city_it_is_published_under():
    stockholm = CityPageFactory(title="Stockholm")
    practice = PracticePageFactory(parent=stockholm)
    assert practice.city == stockholm


def test_moving_a_practice_to_another_city_moves_its_city_too():
    stockholm = CityPageFactory(title="Stockholm")
    malmo = CityPageFactory(title="Malmö", parent=stockholm.get_parent())
    practice = PracticePageFactory(parent=stockholm)

    practice.move(malmo, pos="last-child")

    assert PracticePage.objects.get(pk=practice.pk).city == malmo


def test_the_library_filters_by_goal_theme_and_country_together():
    walks = CharterGoal.objects.get(locale__language_code="en", slug="safe-urban-spaces")
    online = CharterGoal.objects.get(locale__language_code="en", slug="safe-online-sphere")
    alliances = CapitalCodeTheme.objects.get(
        locale__language_code="en", slug="local-safe-city-alliances"
    )
    stockholm = CityPageFactory(country=Country.SWEDEN)
    oslo = CityPageFactory(country=Country.NORWAY, parent=stockholm.get_parent())
    swedish_walk = PracticePageFactory(
        parent=stockholm, charter_goals=[walks], capital_code_themes=[alliances]
    )
    norwegian_walk = PracticePageFactory(
        parent=oslo, charter_goals=[walks], capital_code_themes=[alliances]
    )
    PracticePageFactory(parent=stockholm, charter_goals=[online])

    practices = PracticePage.objects.live()
    assert set(practices.filter_by(goal=walks)) == {swedish_walk, norwegian_walk}
    assert set(practices.filter_by(goal=walks, country=Country.NORWAY)) == {norwegian_walk}
    assert set(practices.filter_by(theme=alliances, country=Country.SWEDEN)) == {swedish_walk}
    assert practices.filter_by(goal=online, theme=alliances).count() == 0


def test_the_newest_practices_come_first():
    first = PracticePageFactory()
    second = PracticePageFactory(parent=first.get_parent())
    assert list(PracticePage.objects.newest()) == [second, first]
