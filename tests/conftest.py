import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from cities.factories import MembershipApplicationFactory
from cities.membership import approve_application
from portal.factories import UserFactory
from portal.mfa import add_totp
from portal.models import HomePage
from portal.roles import NETWORK_STAFF


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English. A request to /sv/... leaves Swedish active in the
    test's thread, where reverse() would then give Swedish addresses to the next test."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def home(db):
    """The site structure production has: home page, sections, staff group, workflow."""
    call_command("setup_site", verbosity=0)
    return HomePage.objects.get(depth=2)


@pytest.fixture
def section(home):
    """The home page's section of a given page type: section(CityIndexPage)."""

    def find(page_class):
        return page_class.objects.child_of(home).get()

    return find


@pytest.fixture
def staff(home):
    """A member of the network's staff, with the group's permissions."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=NETWORK_STAFF))
    # Everyone who can open the admin has a second factor (portal.security).
    add_totp(user)
    return user


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser (behind ``admin_client``), with the second factor that
    everyone who can open the admin has."""
    add_totp(admin_user)
    return admin_user


@pytest.fixture
def approved_city(staff, rf):
    """A city let in the way the portal lets cities in: its application approved by staff.
    Returns the draft city page and its invited editor."""

    def approve(name, country):
        application = MembershipApplicationFactory(city_name=name, country=country)
        approve_application(application, user=staff, request=rf.get("/"))
        application.refresh_from_db()
        editor = application.editors_group.user_set.get()
        add_totp(editor)
        return application.city_page.specific, editor

    return approve


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client
