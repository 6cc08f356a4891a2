"""Where each page type may live. City editors are scoped to their city's subtree, so
practices must sit under a city and nowhere else."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cities.models import CityIndexPage, CityPage
from events.models import EventIndexPage, EventPage, TourIndexPage, TourPage
from portal.models import CrosswalkPage, HomePage, StandardPage, StoryIndexPage, StoryPage
from practices.models import PracticeIndexPage, PracticePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_is_a_site_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_sections_hang_off_the_home_page(self):
        for section in (
            CityIndexPage,
            PracticeIndexPage,
            TourIndexPage,
            EventIndexPage,
            StoryIndexPage,
        ):
            with self.subTest(section=section):
                self.assertAllowedParentPageTypes(section, {HomePage})

    def test_practices_live_under_their_city_only(self):
        self.assertAllowedParentPageTypes(PracticePage, {CityPage})
        self.assertAllowedSubpageTypes(CityPage, {PracticePage})

    def test_the_practice_library_aggregates_rather_than_holds_practices(self):
        self.assertAllowedSubpageTypes(PracticeIndexPage, set())

    def test_cities_tours_events_and_stories_live_in_their_index(self):
        self.assertAllowedParentPageTypes(CityPage, {CityIndexPage})
        self.assertAllowedParentPageTypes(TourPage, {TourIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})

    def test_leaf_pages_have_no_children(self):
        for leaf in (PracticePage, TourPage, EventPage, StoryPage, CrosswalkPage):
            with self.subTest(leaf=leaf):
                self.assertAllowedSubpageTypes(leaf, set())

    def test_standard_pages_nest_and_hold_the_crosswalk(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(CrosswalkPage, {StandardPage})
