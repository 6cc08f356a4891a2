import datetime
import json

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import translation
from wagtail.models import Page, get_page_models

from cities.factories import CityPageFactory, MembershipApplicationFactory
from cities.membership import approve_application
from cities.models import CityIndexPage
from events.factories import EventPageFactory, TourPageFactory
from events.models import EventIndexPage, TourIndexPage
from portal.factories import (
    CrosswalkPageFactory,
    StandardPageFactory,
    StoryPageFactory,
    UserFactory,
)
from portal.mfa import add_totp
from portal.models import HomePage, StoryIndexPage
from portal.roles import NETWORK_STAFF
from practices.factories import PracticePageFactory
from tests.performance.conftest import TEST_REDIS_URL, redis_reachable
from tests.portal.test_settings import load_production_settings


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English. A request to /sv/... leaves Swedish active in the
    test's thread, where reverse() would then give Swedish addresses to the next test."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


# The moment every test runs at unless it moves the clock: a Wednesday, 10:00 in
# Stockholm, mid-week and mid-day, so that "this week", "today" and "upcoming" mean the
# same thing on every day and at every hour the suite is run. It lies after the dates the
# tests write as past (decisions of October 2026) and before those they write as coming
# (tours and summits of 2027).
NOW = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def clock(time_machine):
    """The suite's one clock, fixed at ``NOW`` and ticking from there (the live server of
    the browser tests runs in this process and reads the same clock). A test that needs
    another moment moves it: ``clock.move_to(instant)``; ``tick=False`` stops it there.
    Browser cookies are unaffected: Django sends Max-Age, which Chromium prefers to the
    expiry date computed from this clock."""
    time_machine.move_to(NOW, tick=True)
    return time_machine


@pytest.fixture
def stopped_clock(clock):
    """The clock stopped at ``NOW`` for the whole test, so a one-time code the test computes
    is the code allauth expects, however long the test takes."""
    clock.move_to(NOW, tick=False)
    return clock


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test database starts with the site structure production has, made once per
    database (1.6 s on PostgreSQL) instead of once per test: a test runs in a transaction
    that is rolled back, so every test finds it as it was made here. Made at the suite's
    moment, as if a test had made it."""
    with django_db_blocker.unblock(), time_machine.travel(NOW, tick=False):
        call_command("setup_site", verbosity=0)
        # A test on real transactions with ``serialized_rollback`` starts from the copy of
        # the database Django kept when it made it (before the structure); the copy is
        # taken again, or the test would restore Wagtail's welcome page beside the home
        # page. Django keeps it in an attribute of the connection, without public API.
        for connection in connections.all(initialized_only=True):
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def pytest_collection_modifyitems(items):
    """Tests on real transactions (the browser tests' live server) run last. Each empties
    the database when it ends and restores only what the migrations made, so every test
    after it on the same worker would make the site structure again for itself."""
    items.sort(key=runs_on_real_transactions)


def runs_on_real_transactions(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in getattr(
        item, "fixturenames", ()
    )


@pytest.fixture
def home(db):
    """The site structure production has: home page, sections, staff group, workflow;
    made by ``django_db_setup``, or here again after a test on real transactions."""
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        call_command("setup_site", verbosity=0)
        home = HomePage.objects.get(depth=2)
    return home


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


@pytest.fixture
def page_of_every_type(home, section):
    """One live page of each page type the portal has, each with a newer draft, keyed by
    the page's model. A page type added without a page here fails the tests that use it."""
    city = CityPageFactory(parent=section(CityIndexPage), title="Stockholm")
    about = StandardPageFactory(parent=home, title="About the network")
    built = [
        home,
        city,
        about,
        CrosswalkPageFactory(parent=about),
        PracticePageFactory(parent=city, title="Safety walks"),
        EventPageFactory(parent=section(EventIndexPage), title="Nordic Safe Cities Summit"),
        TourPageFactory(parent=section(TourIndexPage), title="Safe City Tour"),
        StoryPageFactory(parent=section(StoryIndexPage), title="A summit in Stockholm"),
    ]
    built += home.get_children().specific()
    pages = {type(page.specific): page.specific for page in built}
    missing = {model for model in get_page_models() if model is not Page} - set(pages)
    assert not missing, f"no page to try for {sorted(model.__name__ for model in missing)}"
    for page in pages.values():
        page.save_revision()  # the published state, as the page's first revision
        draft = page.get_latest_revision_as_object()
        draft.title = f"{page.title} (draft)"
        draft.save_revision()
    return pages


# The settings that shape a request, as production has them with Redis (previews pass
# through all of them).
PRODUCTION_SETTINGS = [
    "DEBUG",
    "MIDDLEWARE",
    "CACHES",
    "SESSION_ENGINE",
    "SESSION_CACHE_ALIAS",
    "PORTAL_PAGE_CACHE_SECONDS",
    "PORTAL_STRUCTURE_CACHE_SECONDS",
    "PORTAL_FRAGMENT_CACHE_SECONDS",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]


@pytest.fixture(scope="module")
def production_values():
    if reason := redis_reachable():
        pytest.skip(reason)
    result = load_production_settings(
        "from django.conf import settings; import json; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_SETTINGS}}}))",
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="testserver",
        WAGTAILADMIN_BASE_URL="http://testserver",
        REDIS_URL=TEST_REDIS_URL,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def production(settings, production_values):
    """The production settings that shape a request, in this process."""
    for name, value in production_values.items():
        setattr(settings, name, value)
    caches["default"].clear()
    yield
    caches["default"].clear()
