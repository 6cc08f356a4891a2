"""The site's structure from the shared cache (portal/site_structure.py): a page reads the
locales, the restricted sections and the menu from the database only until another
request has stored them, and sees an editor's change to any of them on its next request."""

import io
import pickle
import re
from unittest.mock import patch

import pytest
from django.core import serializers
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import EventPageFactory
from events.models import EventIndexPage
from portal.factories import StandardPageFactory
from portal.localisation import locale_for
from portal.models import CharterGoal, StandardPage
from portal.querysets import restricted_sections
from portal.request_memo import RequestMemoMiddleware
from portal.site_structure import KEY, plain, rebuilt, shared
from practices.factories import PracticePageFactory
from tests.portal.locales import without_locale

pytestmark = pytest.mark.django_db

# The portal's reads of the structure.
READS = {
    "site": re.compile(r'FROM "wagtailcore_site"'),
    # The home page as its own type, which Wagtail routes every address from.
    "home page": re.compile(r'"portal_homepage"\."introduction"'),
    "locales": re.compile(r'FROM "wagtailcore_locale"(?! WHERE)'),
    # The list of restricted sections, which listings leave out; not the check of the
    # served page's own restrictions (SELECT DISTINCT), made on every request.
    "restricted sections": re.compile(r'^SELECT "wagtailcore_pageviewrestriction"'),
    "menu": re.compile(r'OR \("wagtailcore_page"\."depth" = \d+ AND "wagtailcore_page"\."live"'),
}


@pytest.fixture(autouse=True)
def structure_cache(settings):
    """The structure cache switched on, in a memory cache that starts empty."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.PORTAL_STRUCTURE_CACHE_SECONDS = 300
    caches["default"].clear()
    yield
    caches["default"].clear()


def reads_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return {
        name
        for name, pattern in READS.items()
        if any(pattern.search(query["sql"]) for query in captured.captured_queries)
    }


def menu(client):
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.DOTALL)
    return re.findall(r">([^<>]+)</a>", nav.group()) if nav else []


@pytest.fixture
def event(home, section):
    return EventPageFactory(
        parent=section(EventIndexPage), title="Nightwalk conference", slug="summit"
    )


@pytest.mark.parametrize(
    ("url", "another_in_its_language"),
    [
        ("/", "/cities/"),
        ("/events/", "/cities/"),
        ("/events/summit/", "/cities/"),
        ("/sv/events/summit/", "/sv/cities/"),
    ],
)
def test_a_second_request_reads_neither_the_locales_nor_the_restrictions_nor_the_menu(
    client, event, url, another_in_its_language
):
    # A page that lists no pages has no need of the restricted sections.
    assert reads_of(client, url) | {"restricted sections"} == set(READS)
    assert reads_of(client, url) == set()
    assert reads_of(client, another_in_its_language) == set()


def test_the_active_locale_is_not_read_from_the_database(client, event):
    """Wagtail asks for the active locale by its language code to route every address."""
    client.get("/sv/events/summit/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/sv/events/summit/")

    assert not [query for query in captured if 'FROM "wagtailcore_locale"' in query["sql"]]


def test_the_reference_terms_are_read_once_and_again_after_staff_edit_them(client, home):
    # Whole goals, not through a practice's goals nor the library's labels of its values.
    goals_read = re.compile(
        r'^SELECT "portal_chartergoal"\."id".* FROM "portal_chartergoal" (WHERE|ORDER)'
    )

    def goals_read_and_listed(url):
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        return any(goals_read.search(query["sql"]) for query in captured), html

    first, _html = goals_read_and_listed("/")
    second, _html = goals_read_and_listed("/practices/goals/safe-urban-spaces/")
    goal = CharterGoal.objects.get(slug="safe-urban-spaces", locale=home.locale)
    goal.name = "Safe and welcoming public spaces"
    goal.save()
    after_edit, html = goals_read_and_listed("/")

    assert (first, second, after_edit) == (True, False, True)
    assert "Safe and welcoming public spaces" in html


def test_a_published_home_page_is_served_on_the_next_request(client, home):
    client.get("/")
    home.introduction = "Twenty-four cities, one network."
    home.save_revision().publish()

    assert "Twenty-four cities, one network." in client.get("/").content.decode()


def test_a_translation_of_the_home_page_is_served_from_its_publication_to_its_unpublication(
    client, home
):
    assert client.get("/sv/").context["page"] == home
    swedish = home.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.introduction = "Ett nätverk av nordiska städer."
    swedish.save_revision()
    draft = client.get("/sv/").context["page"]
    swedish.save_revision().publish()
    published = client.get("/sv/")
    swedish.refresh_from_db()
    swedish.unpublish()

    assert draft == home
    assert published.context["page"] == swedish
    assert "Ett nätverk av nordiska städer." in published.content.decode()
    assert client.get("/sv/").context["page"] == home


def test_a_published_top_level_page_is_in_the_menu_on_the_next_request(client, home):
    before = menu(client)
    membership = StandardPageFactory(
        parent=home, title="Membership", slug="membership", show_in_menus=True, live=False
    )

    membership.save_revision().publish()
    published = menu(client)
    membership.title = "Join the network"
    membership.save_revision().publish()
    renamed = menu(client)
    membership.refresh_from_db()
    membership.unpublish()
    unpublished = menu(client)

    assert "Membership" not in before
    assert published == [*before, "Membership"]
    assert renamed == [*before, "Join the network"]
    assert unpublished == before


def test_a_top_level_page_created_live_is_in_the_menu_on_the_next_request(client, home):
    """An alias of a live page is live from the start, without being published: Wagtail
    makes them for the untranslated parents of a page being translated."""
    before = menu(client)
    about = StandardPage.objects.get(slug="about")

    about.create_alias(parent=home, update_slug="about-the-network")

    assert menu(client) == [*before, "About the network"]


def test_a_moved_or_deleted_top_level_page_leaves_the_menu_on_the_next_request(client, home):
    about = StandardPage.objects.get(slug="about")
    membership = StandardPageFactory(
        parent=home, title="Membership", slug="membership", show_in_menus=True, live=False
    )
    membership.save_revision().publish()
    assert {"About the network", "Membership"} <= set(menu(client))

    about.move(membership, pos="last-child")
    assert "About the network" not in menu(client)
    membership.delete()
    assert "Membership" not in menu(client)


def listed(client, event):
    return event.title in client.get("/events/").content.decode()


def test_a_view_restriction_makes_a_page_private_on_the_next_request(client, event):
    assert client.get(event.url).status_code == 200
    assert listed(client, event)

    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.LOGIN
    )
    private = client.get(event.url)
    private_listed = listed(client, event)
    restriction.delete()
    public = client.get(event.url)

    assert private.status_code == 302
    assert "/login/?next=" in private["Location"]
    assert not private_listed
    assert public.status_code == 200
    assert listed(client, event)


def test_a_moved_restricted_page_stays_out_of_listings(client, section):
    oslo, stockholm = (
        CityPageFactory(parent=section(CityIndexPage), title=name) for name in ("Oslo", "Stockholm")
    )
    walk = PracticePageFactory(parent=oslo, title="Nightwalks with the police")
    assert walk.title in client.get("/practices/").content.decode()
    PageViewRestriction.objects.create(page=walk, restriction_type=PageViewRestriction.LOGIN)
    assert walk.title not in client.get("/practices/").content.decode()

    # The library lists practices from every city.
    walk.move(stockholm, pos="last-child")

    assert walk.title not in client.get("/practices/").content.decode()


def test_a_deleted_restricted_page_leaves_the_restricted_sections(rf, event):
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    respond = RequestMemoMiddleware(lambda request: HttpResponse(len(restricted_sections())))
    assert respond(rf.get("/")).content == b"1"

    event.delete()

    assert respond(rf.get("/")).content == b"0"


def test_a_new_locale_is_seen_on_the_next_request(rf):
    without_locale("sv")
    respond = RequestMemoMiddleware(lambda request: HttpResponse(repr(locale_for("sv"))))
    assert respond(rf.get("/")).content == b"None"

    Locale.objects.create(language_code="sv")

    assert respond(rf.get("/")).content == repr(Locale.objects.get(language_code="sv")).encode()


def test_a_new_site_root_is_seen_on_the_next_request(client, home):
    about = StandardPage.objects.get(slug="about")
    StandardPageFactory(parent=about, title="Membership", show_in_menus=True)
    assert "Membership" not in menu(client)
    site = Site.objects.get()

    site.root_page = about
    site.save()

    assert menu(client) == ["Membership"]


def test_what_a_request_does_with_the_structure_is_not_stored_for_the_next(rf):
    def view(request):
        menu = shared("menu", lambda: ["About"])
        menu.append("changed by the request")
        # Reading something new stores the structure again, after the change.
        shared("sections", lambda: [])
        return HttpResponse()

    RequestMemoMiddleware(view)(rf.get("/"))
    respond = RequestMemoMiddleware(lambda request: HttpResponse(repr(shared("menu", list))))

    assert respond(rf.get("/")).content == b"['About']"


def test_nothing_is_cached_outside_a_request():
    without_locale("sv")
    assert [shared("answer", lambda: 1), shared("answer", lambda: 2)] == [1, 2]
    assert locale_for("sv") is None
    # With nothing dropped from the cache, only reading the database finds the new locale.
    with patch("portal.page_cache.bump"):
        swedish = Locale.objects.create(language_code="sv")
        assert locale_for("sv") == swedish
    assert caches["default"].get(KEY) is None


def test_what_is_read_before_a_change_is_committed_is_not_kept(
    rf, django_capture_on_commit_callbacks
):
    answers = iter(["before", "during", "after"])

    def view(request):
        return HttpResponse(shared("answer", lambda: next(answers)))

    without_locale("fi")
    respond = RequestMemoMiddleware(view)
    assert respond(rf.get("/")).content == b"before"
    with django_capture_on_commit_callbacks(execute=True):
        Locale.objects.create(language_code="fi")
        # A request between the change and its commit may read the rows from before it.
        assert respond(rf.get("/")).content == b"during"

    assert respond(rf.get("/")).content == b"after"
    assert respond(rf.get("/")).content == b"after"


def modules_pickled(value):
    """The modules whose classes a pickle of the value names."""
    modules = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module, name):
            modules.add(module)
            return super().find_class(module, name)

    Recording(io.BytesIO(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))).load()
    return modules


def test_the_cache_holds_plain_values_never_pickled_objects(client, event):
    """Servers being upgraded one by one share the cache: what one stores must not
    depend on the code of Django, Wagtail or the portal that another runs."""
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    client.get("/sv/")
    client.get("/events/")

    record = caches["default"].get(KEY)

    kinds = {key if isinstance(key, str) else key[0] for key in record["as_read"]}
    assert {"site", "home", "locales", "restricted sections", "top pages"} <= kinds
    assert modules_pickled(record) <= {"builtins", "datetime", "decimal", "uuid"}


def test_a_row_comes_back_as_the_database_gives_it_without_a_query(home, django_assert_num_queries):
    page = Page.objects.get(pk=home.pk)
    data = plain([page, Locale.objects.get(language_code="sv")])

    with django_assert_num_queries(0):
        again, swedish = rebuilt(pickle.loads(pickle.dumps(data)))  # noqa: S301 -- its own
        assert (again.title, again.path, again.live, again.locale_id) == (
            page.title,
            page.path,
            page.live,
            page.locale_id,
        )
        assert again.first_published_at == page.first_published_at
        assert swedish.language_code == "sv"
    assert again == page
    assert again is not page


def test_a_row_stored_by_a_server_with_other_fields_is_read_with_this_ones(home):
    """A field the model has gained since is read when first used; one it has lost is
    left out; a model it no longer has is read again (``LookupError``)."""
    kind, label, values = plain(Locale.objects.get(language_code="sv"))
    del values["language_code"]
    values["retired_field"] = "gone"

    swedish = rebuilt((kind, label, values))

    assert swedish.get_deferred_fields() == {"language_code"}
    assert swedish.language_code == "sv"
    with pytest.raises(LookupError):
        rebuilt((kind, "portal.retiredmodel", values))


def test_what_cannot_be_kept_plain_is_refused():
    with pytest.raises(TypeError):
        plain({"answer": object()})


def test_pages_loaded_as_stored_change_the_menu_without_failing(client, home):
    """Pages loaded as they were stored (``loaddata``, a test's serialized rollback) come
    one table at a time; the structure is read again on the next request."""
    client.get("/")
    stored = serializers.serialize("json", [home, Page.objects.get(pk=home.pk)])
    for loaded in serializers.deserialize("json", stored):
        loaded.save()
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert any(READS["home page"].search(query["sql"]) for query in queries)
