"""The cards of practices and stories, and a page's language links, are made once and
kept, for every visitor, signed in or not, until any content changes
(portal.context_processors.fragments, portal.page_cache.kept)."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from cities.models import CityPage
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage
from theme.templatetags import i18n_tags

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments(page_cache, settings):
    """Fragments kept, whole pages not: what a signed-in editor gets."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600
    return page_cache


@pytest.fixture
def library(home):
    return PracticeIndexPage.objects.child_of(home).get().url


def card_of(html, title_part):
    """The card (its <article>) whose heading links a title containing title_part."""
    cards = re.findall(r'<article class="card.*?</article>', html, re.S)
    return next(card for card in cards if title_part in card)


def library_card(client, library, title_part="walks at the station"):
    return card_of(client.get(library).content.decode(), title_part)


def quietly_rename(practice, title):
    """A change the portal is not told of (no save, no signal): shows what is kept."""
    PracticePage.objects.filter(pk=practice.pk).update(title=title)


def test_a_card_is_kept_until_content_changes(
    fragments, library, walk, staff, django_capture_on_commit_callbacks
):
    visitor, editor = Client(), Client()
    editor.force_login(staff)
    assert "Safety walks at the station" in library_card(visitor, library)

    quietly_rename(walk, "Safety walks at the old station")

    # Kept, for the visitor and for a signed-in editor alike.
    assert "Safety walks at the station" in library_card(visitor, library)
    assert "Safety walks at the station" in library_card(editor, library)

    walk.refresh_from_db()
    walk.title = "Night walks at the station"
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()

    assert "Night walks at the station" in library_card(visitor, library)
    assert "Night walks at the station" in library_card(editor, library)


def test_a_release_drops_what_the_code_before_it_kept(page_cache, settings, library, walk):
    """A release runs migrate: the pages, cards and results the old code kept may not fit
    the new code's templates and classes."""
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600
    visitor = Client()
    assert "Safety walks at the station" in library_card(visitor, library)
    quietly_rename(walk, "Safety walks at the old station")
    assert visitor.get(library)["X-Page-Cache"] == "hit"
    assert "Safety walks at the station" in library_card(Client(), library)

    call_command("migrate", verbosity=0)

    response = Client().get(library)
    assert response["X-Page-Cache"] == "miss"
    assert "Safety walks at the old station" in card_of(response.content.decode(), "walks")


def test_a_card_shows_its_renamed_goal_and_city(
    fragments, library, walk, cities, django_capture_on_commit_callbacks
):
    goal = walk.charter_goals.get()
    library_card(Client(), library)

    goal.name = "Streets that feel safe"
    with django_capture_on_commit_callbacks(execute=True):
        goal.save()
    assert "Streets that feel safe" in library_card(Client(), library)
    # And in the library's filters, whose labels are kept too.
    searched = Client().get(library + "?q=walks").content.decode()
    assert 'Streets that feel safe <span class="facet__count">' in searched

    stockholm = CityPage.objects.get(pk=cities["stockholm"].pk)
    stockholm.title = "Greater Stockholm"
    with django_capture_on_commit_callbacks(execute=True):
        stockholm.save_revision().publish()
    assert "Greater Stockholm" in library_card(Client(), library)


def test_a_card_is_kept_in_each_language_of_its_own(fragments, library, walk):
    english = library_card(Client(), library)
    finnish = library_card(Client(), "/fi" + library)

    # Untranslated, the practice is marked in Finnish as being in English.
    assert 'lang="en"' not in english
    assert 'lang="en"' in finnish
    assert 'href="/fi/cities/stockholm/walks/"' in finnish
    assert 'href="/cities/stockholm/walks/"' in english


def test_no_card_is_kept_when_fragments_are_off(page_cache, settings, library, walk):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 0
    library_card(Client(), library)

    quietly_rename(walk, "Safety walks at the old station")

    assert "Safety walks at the old station" in library_card(Client(), library, "old station")


def test_a_pages_language_links_are_kept_until_content_changes(
    fragments, walk, monkeypatch, django_capture_on_commit_callbacks
):
    built = []
    build = i18n_tags._page_links
    monkeypatch.setattr(
        i18n_tags,
        "_page_links",
        lambda page, request: built.append(page.pk) or build(page, request),
    )
    first = Client().get(walk.url).content.decode()
    again = Client().get(walk.url).content.decode()

    assert built == [walk.pk]
    assert 'href="/sv/cities/stockholm/walks/" lang="sv"' in again
    assert again == first

    swedish = walk.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    swedish.slug = "promenader"
    with django_capture_on_commit_callbacks(execute=True):
        swedish.save_revision().publish()
        for ancestor in swedish.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.live:
                ancestor.save_revision().publish()

    html = Client().get(walk.url).content.decode()
    assert 'href="/sv/cities/stockholm/promenader/" lang="sv"' in html
    assert len(built) == 2


def home_sections(client, url="/"):
    """The home page's newest practices and its count of member cities."""
    html = client.get(url).content.decode()
    practices = html.split('id="practices-heading"')[1].split("</section>")[0]
    cities = re.search(r'class="hero__stats">\s*<li>\s*<strong>(\d+)</strong>', html).group(1)
    return practices, int(cities)


def test_the_home_pages_shared_sections_are_kept_until_content_changes(
    fragments, walk, cities, staff, django_capture_on_commit_callbacks
):
    editor = Client()
    editor.force_login(staff)
    for url in ["/", "/fi/"]:
        practices, member_cities = home_sections(Client(), url)
        assert "Safety walks at the station" in practices
        assert member_cities == 2

    quietly_rename(walk, "Safety walks at the old station")
    CityPage.objects.filter(pk=cities["oslo"].pk).update(membership_status="former")

    # Kept for the visitor and the signed-in editor alike, in each language its own.
    for client, url in [(Client(), "/"), (editor, "/"), (Client(), "/fi/")]:
        practices, member_cities = home_sections(client, url)
        assert "Safety walks at the station" in practices, url
        assert member_cities == 2, url
    assert 'href="/fi/cities/stockholm/walks/"' in home_sections(Client(), "/fi/")[0]

    walk.refresh_from_db()
    walk.title = "Night walks at the station"
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()

    for client, url in [(Client(), "/"), (editor, "/"), (Client(), "/fi/")]:
        practices, member_cities = home_sections(client, url)
        assert "Night walks at the station" in practices, url
        assert member_cities == 1, url


def test_the_home_pages_hero_is_kept_until_the_home_page_changes(
    fragments, home, django_capture_on_commit_callbacks
):
    def hero_lead(url="/"):
        html = Client().get(url).content.decode()
        return re.search(r'<p class="hero__lead">(.*?)</p>', html).group(1)

    assert hero_lead() == home.introduction
    type(home).objects.filter(pk=home.pk).update(introduction="Quietly changed.")
    assert hero_lead() == home.introduction

    home.refresh_from_db()
    home.introduction = "Twenty cities that share what makes streets feel safe."
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()

    for url in ["/", "/fi/"]:
        assert hero_lead(url) == home.introduction, url


def test_the_footer_is_kept_until_a_section_changes(
    fragments, home, django_capture_on_commit_callbacks
):
    def footer(url="/"):
        html = Client().get(url).content.decode()
        return html.split('<footer class="site-footer">')[1].split("</footer>")[0]

    library = PracticeIndexPage.objects.child_of(home).get()
    assert f">{library.title}</a>" in footer()
    PracticeIndexPage.objects.filter(pk=library.pk).update(title="Quietly renamed")
    assert f">{library.title}</a>" in footer()

    library.refresh_from_db()
    library.title = "What works"
    with django_capture_on_commit_callbacks(execute=True):
        library.save_revision().publish()

    for url in ["/", "/fi/"]:
        assert ">What works</a>" in footer(url), url


def test_a_city_pages_own_sections_are_kept_until_it_or_its_practices_change(
    fragments, cities, walk, django_capture_on_commit_callbacks
):
    stockholm = CityPage.objects.get(pk=cities["stockholm"].pk)
    assert "Safety walks at the station" in Client().get(stockholm.url).content.decode()

    quietly_rename(walk, "Safety walks at the old station")
    assert "Safety walks at the station" in Client().get(stockholm.url).content.decode()

    CityPage.objects.filter(pk=stockholm.pk).update(population=1, population_year=None)
    assert "<dd>1</dd>" not in Client().get(stockholm.url).content.decode()

    stockholm.contacts.create(name="Karin Lind", role="Safety coordinator", is_public=True)
    stockholm.population = 984748
    stockholm.population_year = None
    with django_capture_on_commit_callbacks(execute=True):
        stockholm.save_revision().publish()

    for url in [stockholm.url, "/fi" + stockholm.url]:
        html = Client().get(url).content.decode()
        assert "Karin Lind" in html
        assert "Safety walks at the old station" in html
        # Its facts (the population in the language's own digit grouping).
        assert re.search(r"<dd>984.748</dd>", html), url


def test_a_goals_practices_are_kept_until_a_practice_is_published(
    fragments, home, cities, walk, django_capture_on_commit_callbacks
):
    library = PracticeIndexPage.objects.child_of(home).get()
    goal = walk.charter_goals.get()
    url = library.term_url(goal)
    assert "Safety walks at the station" in Client().get(url).content.decode()

    quietly_rename(walk, "Safety walks at the old station")
    assert "Safety walks at the station" in Client().get(url).content.decode()

    harbour = PracticePageFactory(
        parent=cities["oslo"], title="Placemaking at the harbour", charter_goals=[goal]
    )
    with django_capture_on_commit_callbacks(execute=True):
        harbour.save_revision().publish()
    html = Client().get(url).content.decode()
    assert "Placemaking at the harbour" in html
    assert "Safety walks at the old station" in html
    assert "Placemaking at the harbour" in Client().get("/fi" + url).content.decode()


def test_an_event_card_is_kept_until_the_event_changes_and_apart_once_it_is_over(
    fragments, section, clock, django_capture_on_commit_callbacks
):
    events = section(EventIndexPage)
    event = EventPageFactory(parent=events, title="Summit on safe squares")
    assert "Summit on safe squares" in Client().get(events.url).content.decode()

    EventPage.objects.filter(pk=event.pk).update(title="Summit on safe harbours")
    assert "Summit on safe squares" in Client().get(events.url).content.decode()

    event.refresh_from_db()
    event.title = "Summit on safe streets"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert "Summit on safe streets" in Client().get(events.url).content.decode()

    # Once over, it is listed among the past events, as a card of its own.
    clock.move_to(event.end + datetime.timedelta(days=1))
    past = Client().get(events.url).content.decode().split('id="past-heading"')[1]
    assert "event-item--past" in past and "Summit on safe streets" in past


def test_a_practice_pages_content_is_kept_until_content_changes(
    fragments, walk, staff, django_capture_on_commit_callbacks
):
    editor = Client()
    editor.force_login(staff)
    Client().get(walk.url)

    PracticePage.objects.filter(pk=walk.pk).update(summary="Walks that changed nothing")
    for client in (Client(), editor):
        html = client.get(walk.url).content.decode()
        assert "Walks that changed nothing" not in html.split("</head>")[1]

    walk.refresh_from_db()
    walk.summary = "Walks that halved the reports of harassment"
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()
    html = Client().get(walk.url).content.decode()
    assert "Walks that halved the reports of harassment" in html.split("</head>")[1]
    assert '"description": "Walks that halved the reports of harassment"' in html


def test_the_event_filters_host_cities_are_kept_until_an_event_is_published(
    fragments, section, cities, django_capture_on_commit_callbacks
):
    events = section(EventIndexPage)
    EventPageFactory(parent=events, host_city=cities["stockholm"])
    assert 'value="oslo"' not in Client().get(events.url).content.decode()

    in_oslo = EventPageFactory(parent=events, host_city=cities["oslo"])
    with django_capture_on_commit_callbacks(execute=True):
        in_oslo.save_revision().publish()

    html = Client().get("/fi" + events.url).content.decode()
    assert html.count('value="oslo"') == 1
    assert 'value="oslo"' in Client().get(events.url).content.decode()
