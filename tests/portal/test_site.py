"""The site as a whole: demo content, search, meta tags, error pages, the admin."""

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, CityPage
from portal.factories import StandardPageFactory
from portal.models import HomePage
from practices.factories import PracticePageFactory
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def page_rows():
    return sorted(
        Page.objects.values_list("pk", "title", "slug", "path", "live", "latest_revision_id")
    )


def test_the_demo_loads_once_and_a_second_run_changes_nothing():
    call_command("load_demo", verbosity=0)
    first = page_rows()
    call_command("load_demo", verbosity=0)

    assert page_rows() == first
    members = CityPage.objects.live().members()
    assert members.count() >= 12
    assert set(members.values_list("country", flat=True)) >= {"DK", "FI", "IS", "NO", "SE"}
    practices = PracticePage.objects.live()
    assert practices.count() >= 20
    for goal_slug in practices.values_list("charter_goals__slug", flat=True).distinct():
        assert goal_slug
    assert practices.values("charter_goals").distinct().count() == 6
    assert (
        practices.values("capital_code_themes").exclude(capital_code_themes=None).distinct().count()
        == 4
    )


def test_search_finds_pages_by_their_words(client, home):
    PracticePageFactory(
        title="Safety walks at the central station",
        summary="The municipality, police and property owners walk the station together.",
    )
    response = client.get(reverse("search"), {"q": "station"})

    assert response.status_code == 200
    assert "Safety walks at the central station" in response.content.decode()
    nothing = client.get(reverse("search"), {"q": "zebracrossingxyz"})
    assert "Safety walks at the central station" not in nothing.content.decode()


@pytest.mark.parametrize("language", ["en", "fi"])
def test_search_pages_list_every_result_once_practices_first(client, home, section, language):
    """Ten results a page, each result on one page only (on PostgreSQL the practices by
    relevance, then the other pages); a page number past the end shows the last page."""
    city = CityPageFactory(parent=section(CityIndexPage), title="Tampere", slug="tampere")
    practices = [
        PracticePageFactory(parent=city, title=f"Lantern walk {number}", slug=f"lantern-{number}")
        for number in range(13)
    ]
    StandardPageFactory(parent=home, title="Lantern evenings", slug="lantern-evenings")
    prefix = "" if language == "en" else f"/{language}"

    def titles(number):
        response = client.get(f"{prefix}/search/", {"q": "lantern", "page": number})
        results = response.context["results"]
        return results.paginator.count, [result.title for result in results]

    total, first = titles(1)
    _total, second = titles(2)
    _total, past_the_end = titles(99)

    assert total == 14
    assert len(first) == 10
    expected = [*(practice.title for practice in practices), "Lantern evenings"]
    assert sorted(first + second) == sorted(expected)
    assert past_the_end == second


def test_search_leaves_out_pages_in_private_sections(client, home, section):
    directory = section(CityIndexPage)
    public_city = CityPageFactory(parent=directory, title="Open harbour city")
    PracticePageFactory(parent=public_city, title="Harbour walks in the open")
    private_city = CityPageFactory(parent=directory, title="Closed harbour city")
    PracticePageFactory(parent=private_city, title="Harbour walks behind a login")
    PageViewRestriction.objects.create(
        page=private_city, restriction_type=PageViewRestriction.LOGIN
    )

    html = client.get(reverse("search"), {"q": "harbour"}).content.decode()

    assert "Harbour walks in the open" in html
    assert "Open harbour city" in html
    assert "behind a login" not in html
    assert "Closed harbour city" not in html


def test_every_page_has_a_meta_description_and_open_graph_tags(client, home, section):
    city = CityPageFactory(parent=section(CityIndexPage))
    practice = PracticePageFactory(
        parent=city, summary="Walks that make a station feel safe again."
    )
    content = client.get(practice.url).content.decode()

    assert (
        '<meta name="description" content="Walks that make a station feel safe again.">' in content
    )
    assert '<meta property="og:title"' in content
    assert (
        '<meta property="og:description" content="Walks that make a station feel safe again.">'
        in content
    )
    assert f'content="http://testserver{practice.url}"' in content
    assert '<html lang="en"' in content


def test_the_500_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "<h1" in html
    assert "Nordic Safe Cities" in html


def test_demo_content_is_marked_in_the_admin(admin_client, home):
    invented = PracticePageFactory(title="An invented practice", is_demo_content=True)
    listing = admin_client.get(reverse("wagtailadmin_explore", args=[invented.get_parent().pk]))
    assert "An invented practice [demo]" in listing.content.decode()


def test_the_home_page_is_the_sites_root(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert isinstance(response.context["page"], HomePage)
