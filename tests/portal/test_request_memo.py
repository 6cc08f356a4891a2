"""What a request reads once and looks up many times (portal/request_memo.py): the translations
of the charter's terms and the locales are read once per request however often a page
asks for them (the locales not at all where the site's structure comes from the cache,
portal/site_structure.py), and nothing is kept outside a request; the rest is read again by
the next request."""

import re

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import OpenEventPageFactory
from events.models import EventIndexPage
from portal.localisation import active_locale, locale_for
from portal.models import CharterGoal
from portal.request_memo import RequestMemoMiddleware, per_request
from practices.factories import PracticePageFactory
from tests.portal.locales import without_locale

pytestmark = pytest.mark.django_db

# Queries of the locales table itself (Locale.get_active(), page.locale, ...); a query of
# pages that joins it for their language codes costs no query of its own.
READS_LOCALES = re.compile(r'FROM "wagtailcore_locale"')
READS_GOALS_IN_A_LANGUAGE = re.compile(
    r'FROM "portal_chartergoal" WHERE "portal_chartergoal"."locale_id" ='
)


def queries_of(client, url):
    # The first view fills what every process keeps (the site's root paths, content types).
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured.captured_queries]


@pytest.fixture
def stockholm(home, section):
    return CityPageFactory(parent=section(CityIndexPage), title="Stockholm", slug="stockholm")


@pytest.fixture
def swedish_goals(home):
    """Every charter goal's Swedish translation (from the data migration) renamed
    "Mål <number>"."""
    swedish = Locale.objects.get(language_code="sv")
    for goal in CharterGoal.objects.filter(locale=swedish):
        goal.name = f"Mål {goal.number}"
        goal.save()


def practices(city, count):
    goals = list(CharterGoal.objects.filter(locale__language_code="en").order_by("number"))
    return [
        PracticePageFactory(parent=city, charter_goals=goals[n % 3 : n % 3 + 2])
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("language", "url"),
    [
        ("en", "/cities/stockholm/walks/"),
        ("en", "/events/"),
        ("en", "/events/summit/"),
        # The city is translated into Swedish; the practice and the event are served from
        # the original.
        ("sv", "/sv/cities/stockholm/"),
        ("sv", "/sv/cities/stockholm/walks/"),
        ("sv", "/sv/events/summit/"),
    ],
)
@pytest.mark.parametrize(
    ("structure_cache_seconds", "locale_reads_at_most"),
    # Once for Wagtail (Locale.get_active()); once for the portal, unless the site's
    # structure comes from the cache.
    [(0, 2), (300, 1)],
)
def test_a_request_reads_the_locales_once_for_wagtail_and_once_at_most_for_the_portal(
    client,
    settings,
    section,
    stockholm,
    swedish_goals,
    language,
    url,
    structure_cache_seconds,
    locale_reads_at_most,
):
    settings.PORTAL_STRUCTURE_CACHE_SECONDS = structure_cache_seconds
    PracticePageFactory(parent=stockholm, slug="walks")
    OpenEventPageFactory(parent=section(EventIndexPage), slug="summit", host_city=stockholm)
    swedish = Locale.objects.get(language_code="sv")
    stockholm.copy_for_translation(swedish, copy_parents=True).save_revision().publish()

    response, queries = queries_of(client, url)

    assert response.headers["Content-Language"] == language
    locale_reads = [sql for sql in queries if READS_LOCALES.search(sql)]
    assert len(locale_reads) <= locale_reads_at_most, "\n".join(locale_reads)


def test_a_swedish_page_of_english_practices_reads_the_goal_translations_once_for_all_cards(
    client, stockholm, swedish_goals
):
    practices(stockholm, 2)
    _, two_cards = queries_of(client, "/sv/cities/stockholm/")
    practices(stockholm, 4)
    response, six_cards = queries_of(client, "/sv/cities/stockholm/")

    assert len(six_cards) == len(two_cards)
    assert len([sql for sql in six_cards if READS_GOALS_IN_A_LANGUAGE.search(sql)]) == 1
    # Two goals a card, named in Swedish.
    badges = re.findall(r'badge--dot"[^>]*>([^<]*)<', response.content.decode())
    assert len(badges) == 12
    assert all(name.startswith("Mål ") for name in badges)


def test_outside_a_request_a_locale_created_later_is_found():
    without_locale("sv")
    english = Locale.objects.get(language_code="en")

    with translation.override("sv"):
        assert (locale_for("sv"), active_locale()) == (None, english)
        swedish = Locale.objects.create(language_code="sv")

        assert (locale_for("sv"), active_locale()) == (swedish, swedish)


def test_what_a_request_reads_is_read_again_by_the_next(rf):
    reads = []

    def read():
        reads.append(len(reads))
        return len(reads)

    def view(request):
        answers = {per_request("answer", read) for _ in range(3)}
        if request.GET.get("fail"):
            raise ValueError
        return HttpResponse(str(answers))

    middleware = RequestMemoMiddleware(view)

    assert middleware(rf.get("/")).content == b"{1}"
    assert middleware(rf.get("/")).content == b"{2}"
    with pytest.raises(ValueError):
        middleware(rf.get("/", {"fail": "1"}))
    # Outside a request, every time.
    assert [per_request("answer", read), per_request("answer", read)] == [4, 5]


def test_a_request_passed_through_inside_another_keeps_each_its_own_memo(rf):
    """Wagtail renders a preview by passing a request of its own through the middleware
    while the editor's request is still being answered."""
    reads = iter(range(1, 10))

    def inner_view(request):
        return HttpResponse(str(per_request("answer", lambda: next(reads))))

    inner = RequestMemoMiddleware(inner_view)

    def outer_view(request):
        before = per_request("answer", lambda: next(reads))
        preview = inner(rf.get("/preview/")).content.decode()
        after = per_request("answer", lambda: next(reads))
        return HttpResponse(f"{before} {preview} {after}")

    assert RequestMemoMiddleware(outer_view)(rf.get("/")).content == b"1 2 1"
