"""A stored page never shows a tour's week older than the change staff or a city made:
a stop's schedule, status or topic, and a post published on the city's week. Stops and
posts are not pages: they are saved on the tour's scheduling screens and in the admin's
lists, so the pages that show them are dropped by their own signals."""

import pytest
from django.test import Client

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TakeoverPostFactory, TourPageFactory, TourStopFactory, this_monday
from events.models import PostStatus, StopStatus, TourIndexPage

pytestmark = pytest.mark.django_db


def visit(url):
    response = Client().get(url)
    return response, response.content.decode()


@pytest.fixture
def stop(section, home):
    tour = TourPageFactory(parent=section(TourIndexPage), first_week=this_monday())
    city = CityPageFactory(parent=section(CityIndexPage), title="Tampere")
    return TourStopFactory(tour=tour, city=city, week_start=this_monday(), topic="Placemaking")


@pytest.fixture(autouse=True)
def kept_fragments(settings):
    """Pages and the fragments within them kept, as in production."""
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600


def stored(*urls):
    for url in urls:
        visit(url)
        assert visit(url)[0]["X-Page-Cache"] == "hit", url


@pytest.mark.parametrize("page", ["tour", "home", "city"])
def test_a_changed_topic_shows_on_every_stored_page_of_the_stop(
    page_cache, stop, home, page, django_capture_on_commit_callbacks
):
    url = {"tour": stop.tour.url, "home": home.url, "city": stop.city.url}[page]
    stored(url)

    stop.topic = "Exit programmes"
    with django_capture_on_commit_callbacks(execute=True):
        stop.save()

    response, html = visit(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Exit programmes" in html


def test_a_stop_back_to_proposed_leaves_the_stored_tour_page(
    page_cache, stop, django_capture_on_commit_callbacks
):
    stored(stop.tour.url)
    assert "Tampere" in visit(stop.tour.url)[1]

    stop.status = StopStatus.PROPOSED
    with django_capture_on_commit_callbacks(execute=True):
        stop.save()

    assert "Tampere" not in visit(stop.tour.url)[1]


def test_a_published_post_shows_on_the_stored_week(
    page_cache, stop, django_capture_on_commit_callbacks
):
    week = stop.tour.url + stop.tour.reverse_subpage("stop", kwargs={"city_slug": stop.city.slug})
    post = TakeoverPostFactory(stop=stop, text="Hello from Tampere's market square")
    stored(week)

    post.status = PostStatus.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        post.save()

    assert "Hello from Tampere" in visit(week)[1]
