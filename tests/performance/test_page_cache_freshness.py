"""A stored page never shows a state older than the change that altered it, beyond
publishing: an event's registrations, a snippet or an image it shows, and what changes
with time alone (registration opening and closing, an event ending, a tour's week)."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from events.factories import (
    OpenEventPageFactory,
    SpeakerFactory,
    TourPageFactory,
)
from events.models import EventIndexPage, TourIndexPage, programme_session
from events.registration import register
from portal import page_cache
from portal.factories import PortalImageFactory, UserFactory
from practices.models import PracticeIndexPage, TargetGroup

from .test_frontend_cache import proxy  # noqa: F401 -- the CDN's recorder, a fixture

pytestmark = pytest.mark.django_db


def visit(url):
    response = Client().get(url)
    return response, response.content.decode()


def stored(url):
    first, _ = visit(url)
    assert first["X-Page-Cache"] == "miss"
    assert visit(url)[0]["X-Page-Cache"] == "hit"


@pytest.fixture
def event(section):
    return OpenEventPageFactory(
        parent=section(EventIndexPage),
        title="Summit on safe squares",
        capacity=3,
        start=timezone.now() + datetime.timedelta(days=30),
    )


@pytest.fixture
def kept_for_a_year(page_cache, settings):
    """Pages kept far longer than the moments below are away: only the page's own next
    change can end a stored copy before them."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 365 * 24 * 3600
    return page_cache


def later(monkeypatch, moment):
    """The portal's clock at ``moment`` (the pages and the cache read it)."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_a_registration_updates_the_places_left_on_the_stored_event_page(
    page_cache, event, django_capture_on_commit_callbacks
):
    stored(event.url)
    assert "3 places left" in visit(event.url)[1]

    with django_capture_on_commit_callbacks(execute=True):
        register(event, UserFactory())

    response, html = visit(event.url)
    assert response["X-Page-Cache"] == "miss"
    assert "2 places left" in html


def test_a_cancellation_frees_the_place_on_the_stored_event_page(
    page_cache, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, UserFactory())
    stored(event.url)

    with django_capture_on_commit_callbacks(execute=True):
        registration.delete()

    assert "3 places left" in visit(event.url)[1]


def test_a_registration_is_purged_from_the_cdn(
    proxy,  # noqa: F811
    event,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        register(event, UserFactory())

    assert event.url in proxy.purged


def test_saving_a_speaker_refreshes_the_event_page_that_shows_them(
    page_cache, event, django_capture_on_commit_callbacks
):
    speaker = SpeakerFactory(name="Anna Lind")
    event.programme = [programme_session("Opening", datetime.time(9), speakers=[speaker])]
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    unrelated = OpenEventPageFactory(parent=event.get_parent(), title="Another event")
    stored(event.url)
    stored(unrelated.url)

    speaker.name = "Anna Lindqvist"
    with django_capture_on_commit_callbacks(execute=True):
        speaker.save()

    response, html = visit(event.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Anna Lindqvist" in html
    # A page that does not show the speaker stays stored.
    assert visit(unrelated.url)[0]["X-Page-Cache"] == "hit"


def test_saving_a_target_group_refreshes_the_practice_and_the_library(
    page_cache, home, walk, django_capture_on_commit_callbacks
):
    group = TargetGroup.objects.create(name="Shop owners", slug="shop-owners")
    walk.target_groups.add(group)
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()
    library = PracticeIndexPage.objects.child_of(home).get()
    stored(walk.url)
    stored(library.url)

    group.name = "Shopkeepers"
    with django_capture_on_commit_callbacks(execute=True):
        group.save()

    response, html = visit(walk.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Shopkeepers" in html
    assert visit(library.url)[0]["X-Page-Cache"] == "miss"


def test_saving_or_deleting_an_image_refreshes_the_pages_that_show_it(
    page_cache, event, django_capture_on_commit_callbacks
):
    photo = PortalImageFactory(description="The mayor at the square")
    speaker = SpeakerFactory(name="Anna Lind", photo=photo)
    event.programme = [programme_session("Opening", datetime.time(9), speakers=[speaker])]
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    event.social_image = photo
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    stored(event.url)

    photo.description = "The mayor and the police chief at the square"
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    assert visit(event.url)[0]["X-Page-Cache"] == "miss"

    assert visit(event.url)[0]["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert visit(event.url)[0]["X-Page-Cache"] == "miss"


def test_wagtails_own_bookkeeping_on_an_image_drops_nothing(
    page_cache, event, django_capture_on_commit_callbacks
):
    event.social_image = PortalImageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    stored(event.url)

    with django_capture_on_commit_callbacks(execute=True):
        event.social_image.save(update_fields=["file_hash"])

    assert visit(event.url)[0]["X-Page-Cache"] == "hit"


def test_a_stored_event_page_expires_when_registration_opens(kept_for_a_year, event, monkeypatch):
    opens = timezone.now() + datetime.timedelta(hours=2)
    event.registration_opens = opens
    event.save_revision().publish()
    stored(event.url)
    assert "Registration not yet open" in visit(event.url)[1]

    later(monkeypatch, opens - datetime.timedelta(seconds=1))
    assert visit(event.url)[0]["X-Page-Cache"] == "hit"
    later(monkeypatch, opens)
    response, html = visit(event.url)
    # Built afresh (and, changing again at this very moment, not stored).
    assert response.get("X-Page-Cache") != "hit"
    assert "Registration is open" in html


def test_a_stored_event_page_expires_when_registration_closes(kept_for_a_year, event, monkeypatch):
    stored(event.url)

    later(monkeypatch, event.registration_closes)
    response, html = visit(event.url)
    assert response.get("X-Page-Cache") != "hit"
    assert "Registration is open" not in html


def test_the_stored_home_page_drops_an_event_when_it_ends(
    kept_for_a_year, home, event, monkeypatch
):
    stored(home.url)
    assert "Summit on safe squares" in visit(home.url)[1]

    # Listed until it ends (portal.models.HomePage), gone the instant after.
    later(monkeypatch, event.end + datetime.timedelta(microseconds=1))
    response, html = visit(home.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Summit on safe squares" not in html


def test_a_stored_tour_page_expires_at_midnight(kept_for_a_year, section, monkeypatch):
    tour = TourPageFactory(parent=section(TourIndexPage))
    stored(tour.url)

    later(monkeypatch, page_cache.start_of_tomorrow() - datetime.timedelta(seconds=1))
    assert visit(tour.url)[0]["X-Page-Cache"] == "hit"
    later(monkeypatch, page_cache.start_of_tomorrow())
    assert visit(tour.url)[0]["X-Page-Cache"] == "miss"


def test_the_cdn_keeps_a_page_no_longer_than_its_next_change(
    proxy,  # noqa: F811
    page_cache,
    event,
):
    opens = timezone.now() + datetime.timedelta(seconds=90)
    event.registration_opens = opens
    event.save_revision().publish()

    response = Client().get(event.url)

    s_maxage = next(
        int(part.split("=")[1])
        for part in response["Cache-Control"].split(", ")
        if part.startswith("s-maxage=")
    )
    assert 0 < s_maxage <= 90
