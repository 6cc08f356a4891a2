"""Who may do what: a city's editors work on their own city only and submit for
moderation; network staff do everything; visitors see only live pages."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(staff, approved_city):
    stockholm, stockholm_editor = approved_city("Stockholm", "SE")
    oslo, _ = approved_city("Oslo", "NO")
    oslo_draft = PracticePageFactory(parent=oslo, title="Oslo's unpublished plan", live=False)
    stockholm_practice = PracticePageFactory(parent=stockholm, title="Safety walks")
    return {
        "staff": staff,
        "stockholm": stockholm,
        "stockholm_practice": stockholm_practice,
        "stockholm_editor": stockholm_editor,
        "oslo": oslo,
        "oslo_draft": oslo_draft,
    }


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_an_editor_edits_their_own_city_and_its_practices(world):
    editor = logged_in(world["stockholm_editor"])
    assert editor.get(edit_url(world["stockholm"])).status_code == 200
    assert editor.get(edit_url(world["stockholm_practice"])).status_code == 200
    add_practice = reverse(
        "wagtailadmin_pages:add", args=["practices", "practicepage", world["stockholm"].pk]
    )
    assert editor.get(add_practice).status_code == 200


def test_an_editor_cannot_publish_but_submits_for_moderation(world):
    user = world["stockholm_editor"]
    practice = world["stockholm_practice"]
    permissions = practice.permissions_for_user(user)
    assert permissions.can_edit()
    assert not permissions.can_publish()

    data = nested_form_data(
        {
            "title": "Safety walks, revised",
            "slug": practice.slug,
            "summary": practice.summary,
            "status": practice.status,
            "evaluation": practice.evaluation,
            "original_language": practice.original_language,
            "body": streamfield([]),
            "resources": streamfield([]),
            "indicators": inline_formset([]),
            "action-submit": "Submit for moderation",
        }
    )
    data["charter_goals"] = [goal.pk for goal in practice.charter_goals.all()]
    response = logged_in(user).post(edit_url(practice), data)
    assert response.status_code == 302, response.context["form"].errors
    practice.refresh_from_db()
    assert practice.title == "Safety walks"  # the live version is unchanged
    assert practice.workflow_in_progress
    assert practice.get_latest_revision().content["title"] == "Safety walks, revised"


def test_an_editor_cannot_edit_list_or_find_another_citys_drafts(world):
    editor = logged_in(world["stockholm_editor"])
    draft = world["oslo_draft"]
    assert editor.get(edit_url(world["oslo"])).status_code in {302, 403}
    assert editor.get(edit_url(draft)).status_code in {302, 403}
    explorer = editor.get(reverse("wagtailadmin_explore", args=[world["oslo"].pk]))
    assert draft.title not in explorer.content.decode()
    search = editor.get(reverse("wagtailadmin_pages:search"), {"q": "unpublished plan"})
    assert draft.title not in search.content.decode()
    assert not draft.permissions_for_user(world["stockholm_editor"]).can_publish()


def test_an_editor_cannot_see_membership_applications(world):
    editor = logged_in(world["stockholm_editor"])
    listing = reverse("wagtailsnippets_cities_membershipapplication:list")
    assert editor.get(listing).status_code in {302, 403}


def test_network_staff_can_do_everything_with_every_city(world):
    staff = world["staff"]
    for page in (world["stockholm"], world["oslo"], world["oslo_draft"]):
        permissions = page.permissions_for_user(staff)
        assert permissions.can_edit()
        assert permissions.can_publish()
    staff_client = logged_in(staff)
    assert staff_client.get(edit_url(world["oslo_draft"])).status_code == 200
    listing = reverse("wagtailsnippets_cities_membershipapplication:list")
    assert staff_client.get(listing).status_code == 200


def test_visitors_see_only_live_pages(world, client):
    assert client.get(world["stockholm_practice"].url).status_code == 200
    draft = world["oslo_draft"]
    # A draft has no public address; its would-be address is not found.
    would_be = world["oslo"].url + draft.slug + "/"
    assert client.get(world["oslo"].url).status_code == 404  # the approved city is a draft
    assert client.get(would_be).status_code == 404
    assert not Page.objects.live().filter(pk=draft.pk).exists()
