"""The audit log records publication, permission changes and membership decisions,
and staff can read it in the admin's site history."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from cities.factories import MembershipApplicationFactory
from cities.models import CityPage
from tests.conftest import logged_in

from .forms import empty_streamfields, form_data

pytestmark = pytest.mark.django_db


def site_history(client):
    return client.get(reverse("wagtailadmin_reports:site_history")).content.decode()


def test_publishing_a_page_is_logged_with_who_did_it(staff, approved_city):
    city, _editor = approved_city("Turku", "FI")
    client = logged_in(staff)
    edit_url = reverse("wagtailadmin_pages:edit", args=[city.pk])
    data = form_data(client.get(edit_url).content.decode(), "page-edit-form")
    data.update(empty_streamfields(CityPage))
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors

    entry = PageLogEntry.objects.filter(page=city, action="wagtail.publish").get()
    assert entry.user == staff
    assert "Turku" in site_history(client)


def test_a_change_to_a_groups_permissions_is_logged(admin_user, approved_city):
    _city, _editor = approved_city("Aarhus", "DK")
    group = Group.objects.get(name="Aarhus editors")
    client = logged_in(admin_user)
    edit_url = reverse("wagtailusers_groups:edit", args=[group.pk])
    page = client.get(edit_url)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    assert str(Permission.objects.get(codename="access_admin").pk) in data["permissions"]
    access_admin = Permission.objects.get(codename="access_admin")
    data["permissions"] = [
        value for value in data.get("permissions", []) if value != str(access_admin.pk)
    ]
    response = client.post(edit_url, data)
    assert response.status_code == 302

    assert not group.permissions.filter(pk=access_admin.pk).exists()
    entry = ModelLogEntry.objects.filter(object_id=str(group.pk), action="wagtail.edit").get()
    assert entry.user == admin_user
    assert "Aarhus editors" in site_history(client)


def test_membership_decisions_are_logged_and_shown_in_the_history(staff, home):
    approved = MembershipApplicationFactory(city_name="Bergen", country="NO")
    declined = MembershipApplicationFactory(city_name="Espoo", country="FI")
    client = logged_in(staff)
    namespace = "wagtailsnippets_cities_membershipapplication"
    client.post(reverse(f"{namespace}:approve", args=[approved.pk]))
    client.post(
        reverse(f"{namespace}:decline", args=[declined.pk]), {"reason": "Not a municipality."}
    )

    decisions = {
        (entry.object_id, entry.action, entry.user)
        for entry in ModelLogEntry.objects.filter(action__startswith="cities.application.")
    }
    assert (str(approved.pk), "cities.application.approve", staff) in decisions
    assert (str(declined.pk), "cities.application.decline", staff) in decisions
    history = site_history(client)
    assert "Application approved" in history
    assert "Application declined" in history
