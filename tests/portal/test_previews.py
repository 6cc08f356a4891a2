"""Editors preview every page type before it is published: the draft, an earlier
revision, and the live preview beside the editor (tests/browser/test_live_preview.py).
Under the production settings (Redis caches, DEBUG off, HTTPS), since Wagtail renders a
preview by passing a request of its own through the whole middleware stack inside the
editor's request, and a middleware that is not re-entrant fails only there."""

import datetime

import pytest
from django.urls import reverse

from events.factories import TourPageFactory, TourStopFactory
from events.models import TourIndexPage
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(staff):
    """Staff in the admin, over HTTPS as the load balancer of docs/deploy.md forwards it."""
    client = logged_in(staff)
    client.defaults["HTTP_X_FORWARDED_PROTO"] = "https"
    return client


def preview_urls(page):
    revision = page.revisions.order_by("created_at").first()
    return {
        "draft": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
    }


@pytest.mark.parametrize("view", ["draft", "revision"])
def test_every_page_type_previews_under_production_settings(
    production, editor_client, page_of_every_type, view
):
    failures = {}
    for model, page in page_of_every_type.items():
        response = editor_client.get(preview_urls(page)[view])
        body = response.content.decode()
        if response.status_code != 200 or page.title not in body:
            failures[model.__name__] = (response.status_code, response.get("Location"))
    assert failures == {}


def test_the_draft_preview_shows_the_draft(production, editor_client, page_of_every_type):
    for page in page_of_every_type.values():
        body = editor_client.get(preview_urls(page)["draft"]).content.decode()
        assert f"{page.title} (draft)" in body


def test_a_preview_shows_the_drafts_weeks_not_the_kept_ones(production, editor_client, section):
    """The tour's week-by-week list is kept for every visitor; a draft that lengthens the
    tour must show its own."""
    tour = TourPageFactory(
        parent=section(TourIndexPage), first_week=datetime.date(2026, 11, 2), number_of_weeks=4
    )
    TourStopFactory(tour=tour, week_start=tour.first_week)
    live = editor_client.get(tour.url).content.decode()
    assert "Week 4" in live and "Week 6" not in live

    tour.number_of_weeks = 6
    tour.save_revision()

    draft = editor_client.get(preview_urls(tour)["draft"]).content.decode()
    assert "Week 6" in draft
