"""A city's editors attach only the images and documents their city may use (its own
collection, and collections shared with it), in a chooser field, a page's blocks or a
takeover post; what a page already showed may stay."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.factories import TourPageFactory, TourStopFactory
from events.models import TakeoverPost
from portal.factories import PortalImageFactory
from portal.forms import NOT_YOURS_TO_USE
from portal.models import PortalDocument
from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def document(collection, title):
    return PortalDocument.objects.create(
        title=title, collection=collection, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="a.pdf")
    )


@pytest.fixture
def world(staff, approved_city):
    stockholm, stockholm_editor = approved_city("Stockholm", "SE")
    stockholm.save_revision(user=staff).publish()
    approved_city("Oslo", "NO")
    own, others = Collection.objects.get(name="Stockholm"), Collection.objects.get(name="Oslo")
    return {
        "stockholm": stockholm,
        "editor": stockholm_editor,
        "staff": staff,
        "own_image": PortalImageFactory(collection=own),
        "oslo_image": PortalImageFactory(collection=others),
        "own_document": document(own, "Stockholm's safety programme"),
        "oslo_document": document(others, "Oslo's draft plan"),
    }


def practice_form(practice, **changes):
    data = nested_form_data(
        {
            "title": practice.title,
            "slug": practice.slug,
            "summary": practice.summary,
            "status": practice.status,
            "evaluation": practice.evaluation,
            "original_language": practice.original_language,
            "body": streamfield([]),
            "resources": streamfield([]),
            "indicators": inline_formset([]),
            **changes,
        }
    )
    data["charter_goals"] = [goal.pk for goal in practice.charter_goals.all()]
    return data


def resources_with(document):
    return streamfield([("document", {"document": document.pk, "title": ""})])


def save_practice(user, practice, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    return logged_in(user).post(url, practice_form(practice, **changes))


def form_errors(response):
    """Every error message of the response's form, its own and its fields'."""
    if response.context is None or "form" not in response.context:
        return []
    return [
        str(message)
        for messages in response.context["form"].errors.values()
        for message in messages
    ]


def latest(practice):
    """The practice as last saved (the object in hand knows an older latest revision)."""
    practice.refresh_from_db()
    return practice.get_latest_revision_as_object()


def latest_resources(practice):
    return latest(practice).resources


def test_an_editor_cannot_put_another_citys_document_in_a_page_block(world):
    practice = PracticePageFactory(parent=world["stockholm"], title="Safety walks")

    response = save_practice(
        world["editor"], practice, resources=resources_with(world["oslo_document"])
    )

    assert response.status_code == 200
    assert str(NOT_YOURS_TO_USE) in form_errors(response)
    assert not latest_resources(practice)


def test_an_editor_puts_their_own_citys_document_in_a_page_block(world):
    practice = PracticePageFactory(parent=world["stockholm"], title="Safety walks")

    response = save_practice(
        world["editor"], practice, resources=resources_with(world["own_document"])
    )

    assert response.status_code == 302, form_errors(response)
    assert latest_resources(practice)[0].value["document"] == world["own_document"]


def test_an_editor_cannot_choose_another_citys_image_for_their_page(world):
    practice = PracticePageFactory(parent=world["stockholm"], title="Safety walks")

    response = save_practice(world["editor"], practice, social_image=world["oslo_image"].pk)

    assert response.status_code == 200
    assert str(NOT_YOURS_TO_USE) in form_errors(response)
    assert latest(practice).social_image is None


def test_what_staff_attached_stays_when_an_editor_saves(world):
    """Staff may use every collection; an editor's later save keeps their choice."""
    practice = PracticePageFactory(parent=world["stockholm"], title="Safety walks")
    staff_response = save_practice(
        world["staff"],
        practice,
        social_image=world["oslo_image"].pk,
        resources=resources_with(world["oslo_document"]),
    )
    assert staff_response.status_code == 302, form_errors(staff_response)
    practice.refresh_from_db()

    response = save_practice(
        world["editor"],
        practice,
        title="Safety walks, revised",
        social_image=world["oslo_image"].pk,
        resources=resources_with(world["oslo_document"]),
    )

    assert response.status_code == 302, form_errors(response)
    assert latest(practice).title == "Safety walks, revised"


def test_a_takeover_post_takes_only_an_image_the_city_may_use(world):
    tour = TourPageFactory(first_week=datetime.date(2027, 1, 11), number_of_weeks=2)
    stop = TourStopFactory(tour=tour, city=world["stockholm"], week_start=tour.first_week)
    client = logged_in(world["editor"])

    def add(image):
        return client.post(
            reverse("events_takeoverpost:add"),
            {
                "stop": stop.pk,
                "day": stop.week_start.isoformat(),
                "channel": "linkedin",
                "text": "Good morning from Stockholm",
                "image": image.pk,
                "image_alt": "The square at first light",
                "link": "",
                **nested_form_data({"practice_links": inline_formset([])}),
            },
        )

    refused = add(world["oslo_image"])
    assert refused.status_code == 200
    assert str(NOT_YOURS_TO_USE) in form_errors(refused)
    assert not TakeoverPost.objects.exists()

    accepted = add(world["own_image"])
    assert accepted.status_code == 302, form_errors(accepted)
    assert TakeoverPost.objects.get().image == world["own_image"]
