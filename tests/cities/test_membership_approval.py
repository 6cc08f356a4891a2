"""Staff approve or decline an application; approval sets up the city and its editors."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    ModelLogEntry,
    PageLogEntry,
)

from cities.factories import MembershipApplicationFactory
from cities.membership import ApplicationAlreadyDecided, approve_application
from cities.models import ApplicationStatus, CityPage, MembershipApplication
from portal.models import User

pytestmark = pytest.mark.django_db


def admin_url(view, application):
    return reverse(f"wagtailsnippets_cities_membershipapplication:{view}", args=[application.pk])


@pytest.fixture
def application(home):
    return MembershipApplicationFactory(
        city_name="Lund",
        country="SE",
        contact_name="Karin Lindqvist",
        contact_email="karin.lindqvist@lund.example",
    )


def test_approving_sets_up_the_city_its_editors_and_invites_the_contact(
    admin_client, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(admin_url("approve", application))
    assert response.status_code == 302

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    city = application.city_page.specific
    assert isinstance(city, CityPage)
    assert (city.title, city.country, city.live) == ("Lund", "SE", False)

    group = Group.objects.get(name="Lund editors")
    assert application.editors_group == group
    page_permissions = GroupPagePermission.objects.filter(group=group)
    assert {p.page_id for p in page_permissions} == {city.pk}
    assert {p.permission.codename for p in page_permissions} == {"add_page", "change_page"}
    collection = Collection.objects.get(name="Lund")
    assert GroupCollectionPermission.objects.filter(group=group, collection=collection).count() == 6

    editor = User.objects.get(email="karin.lindqvist@lund.example")
    assert not editor.has_usable_password()
    assert list(editor.groups.all()) == [group]
    invitation = next(m for m in mail.outbox if m.to == [editor.email])
    assert "/accounts/password/reset/key/" in invitation.body


def test_approving_twice_does_nothing_more(
    admin_client, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url("approve", application))
    sent = len(mail.outbox)
    assert sent == 1
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url("approve", application))

    assert CityPage.objects.filter(title="Lund").count() == 1
    assert Group.objects.filter(name="Lund editors").count() == 1
    assert Collection.objects.filter(name="Lund").count() == 1
    assert len(mail.outbox) == sent


def test_a_declined_application_cannot_then_be_approved(admin_client, application, rf):
    admin_client.post(admin_url("decline", application), {"reason": "The decision is missing."})
    application.refresh_from_db()
    with pytest.raises(ApplicationAlreadyDecided):
        approve_application(application, user=None, request=rf.get("/"))
    assert not CityPage.objects.filter(title="Lund").exists()


def test_declining_sends_the_reason_staff_typed(
    admin_client, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url("decline", application), {"reason": "Please attach the signed decision."}
        )
    assert response.status_code == 302

    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    declined = next(m for m in mail.outbox if m.to == ["karin.lindqvist@lund.example"])
    assert "Please attach the signed decision." in declined.body
    assert "Dear Karin Lindqvist" in declined.body


def test_declining_needs_a_reason(admin_client, application):
    response = admin_client.post(admin_url("decline", application), {"reason": ""})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_the_history_records_who_decided(admin_client, admin_user, application):
    admin_client.post(admin_url("approve", application))
    application.refresh_from_db()
    entry = ModelLogEntry.objects.get(action="cities.application.approve")
    assert entry.user == admin_user
    assert entry.object_id == str(application.pk)
    assert PageLogEntry.objects.filter(page=application.city_page_id).exists()
    history = admin_client.get(admin_url("history", application)).content.decode()
    assert "Application approved" in history


def test_staff_can_filter_applications_by_status_and_country(admin_client, home):
    MembershipApplicationFactory(city_name="Lund", country="SE")
    MembershipApplicationFactory(
        city_name="Vaasa", country="FI", status=ApplicationStatus.IN_REVIEW
    )
    index = reverse("wagtailsnippets_cities_membershipapplication:list")

    by_country = admin_client.get(index, {"country": "FI"}).content.decode()
    assert "Vaasa" in by_country and "Lund" not in by_country
    by_status = admin_client.get(index, {"status": "submitted"}).content.decode()
    assert "Lund" in by_status and "Vaasa" not in by_status


def test_the_decision_document_is_private_to_staff(admin_client, client, application):
    with pytest.raises(ValueError, match="not accessible via a URL"):
        application.decision_document.url  # noqa: B018 - no public address exists
    response = admin_client.get(admin_url("decision_document", application))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client.get(admin_url("decision_document", application)).status_code == 302


def test_the_edit_form_cannot_change_the_status(admin_client, application):
    """Setting "Approved" by hand skipped the city's page, its editors and the invitation."""
    response = admin_client.post(
        admin_url("edit", application), {"status": "approved", "internal_notes": "Looks good."}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.internal_notes == "Looks good."
    assert 'name="status"' not in admin_client.get(admin_url("edit", application)).content.decode()


def test_approving_says_what_it_set_up(
    admin_client, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(admin_url("approve", application), follow=True)
    said = [str(message) for message in response.context["messages"]]
    assert said == [
        'Lund is approved. Created: the draft page "Lund", the group "Lund editors" and the '
        'collection "Lund". An account for karin.lindqvist@lund.example was made and sent a '
        "link to choose a password."
    ]


def test_approving_an_approved_application_says_nothing_was_done(admin_client, home):
    """An application whose status was set by hand: nothing exists, and nothing is
    claimed."""
    application = MembershipApplicationFactory(city_name="Lund", status=ApplicationStatus.APPROVED)

    page = admin_client.get(admin_url("approve", application)).content.decode()
    assert "already approved" in page
    assert "Approve membership</button>" not in page

    response = admin_client.post(admin_url("approve", application), follow=True)
    said = [str(message) for message in response.context["messages"]]
    assert said == ["Lund was already approved; nothing was created or sent this time."]
    assert not CityPage.objects.filter(title="Lund").exists()
    assert mail.outbox == []


def test_admin_times_are_in_the_networks_zone_and_named(admin_client, application):
    MembershipApplication.objects.filter(pk=application.pk).update(
        submitted_at=datetime.datetime(2026, 12, 5, 0, 5, tzinfo=datetime.UTC)
    )
    listing = admin_client.get(
        reverse("wagtailsnippets_cities_membershipapplication:list")
    ).content.decode()
    inspect = admin_client.get(admin_url("inspect", application)).content.decode()
    for screen in (listing, inspect):
        assert "Dec. 5, 2026, 1:05 a.m. CET</time>" in screen
        assert "12:05 a.m." not in screen


def test_the_inspect_view_says_yes_and_no(admin_client, application):
    inspect = admin_client.get(admin_url("inspect", application)).content.decode()
    values = [
        value.strip() for value in re.findall(r"<dd[^>]*>(.*?)</dd>", inspect, flags=re.DOTALL)
    ]
    assert "Yes" in values
    assert "True" not in values
    assert "None" not in values
