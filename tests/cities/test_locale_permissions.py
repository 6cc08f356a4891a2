"""Rights follow the content into every language: network staff (plain members of the
group, not superusers) and a city's editors may do in Swedish or Finnish what they may
do in English."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, Locale

from cities.membership import grant_city_editing
from cities.models import CityPage
from portal.factories import UserFactory
from portal.models import HomePage, User
from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def translated(page, language_code):
    """A translation the way wagtail-localize's "Translate" action makes one (with its
    untranslated parents)."""
    locale = Locale.objects.get(language_code=language_code)
    return page.specific.copy_for_translation(locale, copy_parents=True)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def stockholm(staff, approved_city):
    page, editor = approved_city("Stockholm", "SE")
    page.save_revision(user=staff).publish()
    return page, editor


@pytest.mark.parametrize("language_code", ["sv", "fi"])
def test_network_staff_edit_and_publish_in_every_language(staff, stockholm, language_code):
    assert not staff.is_superuser
    practice = PracticePageFactory(parent=stockholm[0], title="Safety walks")
    translation = translated(practice, language_code)
    home = HomePage.objects.get(locale__language_code=language_code)

    for page in (translation, translation.get_parent(), home):
        permissions = page.permissions_for_user(staff)
        assert permissions.can_edit(), page
        assert permissions.can_publish(), page
    # The Swedish city takes new practices, the Swedish home page new sections.
    for page in (translation.get_parent(), home):
        assert page.permissions_for_user(staff).can_add_subpage(), page
    assert logged_in(staff).get(edit_url(translation)).status_code == 200


def test_a_citys_editors_edit_its_translations_made_after_approval(stockholm):
    city, editor = stockholm
    practice = PracticePageFactory(parent=city, title="Safety walks")
    swedish_city = translated(city, "sv")
    swedish_practice = translated(practice, "sv")

    editor_client = logged_in(editor)
    for page in (swedish_city, swedish_practice):
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit(), page
        assert not permissions.can_publish(), page
        assert editor_client.get(edit_url(page)).status_code == 200
    # What they write in Swedish goes to network staff for approval, as in English.
    assert swedish_practice.get_workflow() == practice.get_workflow() is not None


def test_a_citys_editors_edit_translations_that_existed_before_their_group(approved_city):
    # As in the demo, where the cities are translated before their editors' group exists.
    oslo, _ = approved_city("Oslo", "NO")
    swedish_oslo = translated(oslo, "sv")
    group = Group.objects.create(name="Oslo editors (late)")
    grant_city_editing(group, oslo, Collection.get_first_root_node().add_child(name="Late"))
    editor = UserFactory()
    editor.groups.add(group)

    assert swedish_oslo.permissions_for_user(editor).can_edit()


def test_editors_of_one_city_get_nothing_in_another_citys_translation(stockholm, approved_city):
    oslo, _ = approved_city("Oslo", "NO")
    swedish_oslo = translated(oslo, "sv")
    _city, stockholm_editor = stockholm

    assert not swedish_oslo.permissions_for_user(stockholm_editor).can_edit()
    assert logged_in(stockholm_editor).get(edit_url(swedish_oslo)).status_code in {302, 403}


def test_the_demo_staff_account_is_a_plain_member_who_works_in_swedish():
    call_command("load_demo", verbosity=0)
    staff = User.objects.get(email="staff@example.org")
    editor = User.objects.get(email="editor.stockholm@example.org")
    swedish_stockholm = CityPage.objects.get(slug="stockholm", locale__language_code="sv")

    assert not staff.is_superuser
    assert swedish_stockholm.permissions_for_user(staff).can_publish()
    assert swedish_stockholm.get_parent().permissions_for_user(staff).can_edit()
    assert swedish_stockholm.permissions_for_user(editor).can_edit()
    assert not swedish_stockholm.permissions_for_user(editor).can_publish()
