"""Every admin URL refuses strangers and other cities' editors; drafts and membership
applications never leak through search, feeds, the API or the sitemap."""

import re
import uuid

import pytest
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from wagtail.log_actions import log
from wagtail.models import Collection

from cities.factories import MembershipApplicationFactory
from cities.models.membership import ApplicationStatus
from events.factories import TakeoverPostFactory, TourStopFactory
from portal.factories import PortalImageFactory
from portal.models import PortalDocument
from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

# Words searched for, and phrases that appear only in unpublished content beside
# them; the phrases may never be served (the words are echoed as the query).
DRAFT_WORD = "Quokkadraftplan"
DRAFT_PHRASE = "for the harbour at Slussen"
EDIT_WORD = "Wombatpendingedit"
EDIT_PHRASE = "walks revised but not yet published"
APPLICATION_WORD = "Numbatapplication"
APPLICATION_PHRASE = "reasons only staff may read"
# Another city's takeover post, image and document, which its editors alone may see.
POST_PHRASE = "our mayor's unannounced walk"
IMAGE_PHRASE = "Slussen before the rebuild"
DOCUMENT_PHRASE = "Draft safety programme 2028"
SECRET_PHRASES = (
    DRAFT_PHRASE,
    EDIT_PHRASE,
    APPLICATION_PHRASE,
    POST_PHRASE,
    IMAGE_PHRASE,
    DOCUMENT_PHRASE,
)

# Admin URLs that are public by design: the icon sprite and the interface's translations.
PUBLIC_ADMIN_URLS = {"wagtailadmin_sprite", "wagtailadmin_javascript_catalog"}
# What any editor may open, whatever their city: their dashboard, their own account,
# the page explorer (which shows only their own city) and the generic listings and
# choosers that Wagtail filters by permission.
ANY_EDITOR_MAY_OPEN = (
    "wagtailadmin_home",
    "wagtailadmin_account",
    "wagtailadmin_explore_root",
    "wagtailadmin_pages:search",
    "wagtailadmin_choose_page",
    "wagtailadmin_reports:",
    "wagtailimages:",
    "wagtailimages_chooser:",
    "wagtaildocs:",
    "wagtaildocs_chooser:",
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_",
)


def admin_routes():
    """(route, name, pattern) of every URL under /admin/, from the URL resolver."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                yield prefix + str(pattern.pattern), name, pattern

    return [route for route in walk(get_resolver().url_patterns) if route[0].startswith("admin/")]


def concrete_url(route, pattern, ids):
    """The route with every parameter filled in with an object of the other city (or of
    the pending application), so the views really look at something to refuse."""
    # Wagtail's admin API nests regular expressions (^pages/(?P<pk>\d+)/$) in paths.
    url = "/" + re.sub(r"\(\?P<\w+>[^)]*\)", str(ids["page"]), route)
    url = url.replace("^", "").replace("$", "")
    if not isinstance(pattern.pattern, RoutePattern):
        return url
    object_id = next(
        (ids[kind] for prefix, kind in OBJECT_IDS_BY_ROUTE if route.startswith(prefix)),
        ids["application"] if "membership" in route else ids["page"],
    )
    for name, converter in pattern.pattern.converters.items():
        kind = type(converter).__name__
        value = {"UUIDConverter": uuid.uuid4(), "SlugConverter": "x"}.get(kind, object_id)
        url = _replace_parameter(url, name, value)
    return url


# Which object of the other city a route's id stands for; the rest take the draft page.
OBJECT_IDS_BY_ROUTE = [
    ("admin/images/", "image"),
    ("admin/documents/", "document"),
    ("admin/events_takeoverpost/", "post"),
]


def _replace_parameter(url, name, value):
    start = url.index("<")
    while start != -1:
        end = url.index(">", start)
        if url[start + 1 : end].split(":")[-1] == name:
            return f"{url[:start]}{value}{url[end + 1 :]}"
        start = url.find("<", end)
    raise AssertionError(f"no parameter {name} in {url}")


@pytest.fixture
def world(staff, approved_city):
    stockholm, stockholm_editor = approved_city("Stockholm", "SE")
    stockholm.save_revision(user=staff).publish()
    _oslo, oslo_editor = approved_city("Oslo", "NO")
    draft = PracticePageFactory(
        parent=stockholm, title=f"{DRAFT_WORD} {DRAFT_PHRASE}", summary=DRAFT_WORD, live=False
    )
    published = PracticePageFactory(parent=stockholm, title="Safety walks in Husby")
    published.title = f"Safety {EDIT_PHRASE} {EDIT_WORD}"
    published.save_revision(user=staff)
    application = MembershipApplicationFactory(
        city_name="Reykjavík",
        country="IS",
        motivation=f"Our {APPLICATION_PHRASE}: {APPLICATION_WORD}",
    )
    stockholm_collection = Collection.objects.get(name="Stockholm")
    image = PortalImageFactory(title=IMAGE_PHRASE, collection=stockholm_collection)
    document = PortalDocument.objects.create(
        title=DOCUMENT_PHRASE,
        collection=stockholm_collection,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="programme.pdf"),
    )
    post = TakeoverPostFactory(
        stop=TourStopFactory(city=stockholm),
        text=f"Tomorrow {POST_PHRASE} through Husby.",
        created_by=stockholm_editor,
    )
    # What Site history would list: the post written and submitted, a staff member's edit.
    log(post, "wagtail.create", user=stockholm_editor)
    log(post, "events.takeover_post.submit", user=stockholm_editor)
    return {
        "stockholm": stockholm,
        "draft": draft,
        "published": published,
        "application": application,
        "oslo_editor": oslo_editor,
        "stockholm_editor": stockholm_editor,
        "image": image,
        "document": document,
        "post": post,
        "ids": {
            "page": draft.pk,
            "application": application.pk,
            "image": image.pk,
            "document": document.pk,
            "post": post.pk,
        },
    }


def test_every_admin_url_refuses_anonymous_visitors(client, world):
    routes = admin_routes()
    assert len(routes) > 250  # the walk found Wagtail's admin, not a fragment of it
    opened = []
    for route, name, pattern in routes:
        if name in PUBLIC_ADMIN_URLS:
            continue
        url = concrete_url(route, pattern, world["ids"])
        if url is None:
            continue
        response = client.get(url)
        refused = response.status_code in {403, 404, 405} or (
            response.status_code == 302
            # To allauth's log-in (directly or through /admin/login/) or its password reset.
            and response["Location"].startswith(("/accounts/", "/admin/login/"))
        )
        if not refused:
            opened.append((url, response.status_code, response.get("Location")))
    assert opened == [], "\n".join(map(str, opened))


# Found by the walk below and not yet fixed (reported to the lead; each needs a hook in
# an app's wagtail_hooks.py): Wagtail's page chooser lists other cities' drafts, its
# move confirmation shows a page's title before checking permission, and the snippet
# chooser lists membership applications to every editor.


def editor_opened(world, names):
    """The admin URLs (with another city's draft or an application in them) that
    showed the Oslo editor something not theirs."""
    editor = logged_in(world["oslo_editor"])
    opened = []
    for route, name, pattern in admin_routes():
        if not names(name):
            continue
        url = concrete_url(route, pattern, world["ids"])
        if url is None or not (pattern.pattern.converters or "membership" in route):
            continue
        response = editor.get(url)
        if response.status_code == 200:
            body = response.content.decode()
            if any(phrase in body for phrase in SECRET_PHRASES) or "membership" in route:
                opened.append((url, name))
    return opened


def test_every_admin_url_about_another_citys_pages_or_the_applications_refuses_an_editor(
    world,
):
    # Among them Wagtail's page chooser and move confirmation, and the applications'
    # snippet chooser, which portal/ and cities/wagtail_hooks.py narrow.
    opened = editor_opened(world, lambda name: True)
    assert opened == [], "\n".join(map(str, opened))


def bulk(app_label, model_name, action, query):
    return f"{reverse('wagtail_bulk_action', args=[app_label, model_name, action])}?{query}"


PAGE_BULK_ACTIONS = ("delete", "unpublish", "publish", "move")
MEDIA_BULK_ACTIONS = ("delete", "add_tags", "add_to_collection")


def urls_about_another_citys_work(world):
    """Admin URLs that take another city's objects from the query string, list them, or
    report on the whole site: the walk above cannot fill them in."""
    ids, stockholm = world["ids"], world["stockholm"]
    pages = f"id={ids['page']}&id={world['published'].pk}"
    return [
        *(bulk("wagtailcore", "page", action, pages) for action in PAGE_BULK_ACTIONS),
        *(
            bulk("wagtailcore", "page", action, f"id=all&childOf={stockholm.pk}")
            for action in PAGE_BULK_ACTIONS
        ),
        *(
            bulk("portal", "portalimage", action, f"id={ids['image']}")
            for action in MEDIA_BULK_ACTIONS
        ),
        *(
            bulk("portal", "portaldocument", action, f"id={ids['document']}")
            for action in MEDIA_BULK_ACTIONS
        ),
        reverse("wagtailadmin_choose_page_child", args=[stockholm.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Safety",
        *(
            reverse(f"wagtailadmin_reports:{report}")
            for report in (
                "site_history",
                "site_history_results",
                "page_types_usage",
                "page_types_usage_results",
                "workflow",
                "workflow_tasks",
                "aging_pages",
                "locked_pages",
            )
        ),
        *(
            reverse(f"events_takeoverpost:{view}", args=[ids["post"]])
            for view in ("history", "history_results", "usage", "edit", "copy", "delete")
        ),
    ]


def test_no_bulk_action_chooser_report_or_history_shows_an_editor_another_citys_work(world):
    editor = logged_in(world["oslo_editor"])
    leaks = []
    for url in urls_about_another_citys_work(world):
        response = editor.get(url)
        body = response.content.decode()
        if found := [phrase for phrase in SECRET_PHRASES if phrase in body]:
            leaks.append((url, response.status_code, found))
    assert leaks == [], "\n".join(map(str, leaks))


def test_another_citys_takeover_post_has_no_history_or_usage_for_an_editor(world):
    """Wagtail's history and usage views asked only for the model permission, which every
    city's editors hold; the post's own city still opens them."""
    urls = [
        reverse(f"events_takeoverpost:{view}", args=[world["ids"]["post"]])
        for view in ("history", "history_results", "usage")
    ]
    oslo, stockholm = logged_in(world["oslo_editor"]), logged_in(world["stockholm_editor"])
    for url in urls:
        assert oslo.get(url).status_code in {302, 403, 404}, url
        assert stockholm.get(url).status_code == 200, url


def test_the_site_wide_reports_name_staff_to_staff_only(world, staff):
    """Site history names who did what; a city's editors are refused it (and Page types
    usage), while staff see other cities' work there."""
    reports = [
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:page_types_usage"),
    ]
    editor = logged_in(world["oslo_editor"])
    for url in reports:
        assert editor.get(url).status_code in {302, 403}, url
    history = logged_in(staff).get(reports[0]).content.decode()
    assert "Takeover post submitted" in history
    menu = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reports[0] not in menu


def test_a_citys_editors_still_see_their_own_work(world):
    """The narrowing above leaves a city's editors their own pages, images and posts."""
    editor = logged_in(world["stockholm_editor"])
    ids = world["ids"]
    delete_pages = editor.get(bulk("wagtailcore", "page", "delete", f"id={ids['page']}"))
    assert DRAFT_PHRASE in delete_pages.content.decode()
    delete_image = editor.get(bulk("portal", "portalimage", "delete", f"id={ids['image']}"))
    assert IMAGE_PHRASE in delete_image.content.decode()
    history = editor.get(reverse("events_takeoverpost:history", args=[ids["post"]]))
    assert history.status_code == 200
    chooser = editor.get(reverse("wagtailadmin_choose_page_child", args=[world["stockholm"].pk]))
    assert EDIT_PHRASE in chooser.content.decode()


def test_the_membership_views_refuse_other_editors_and_strangers(client, world):
    application = world["application"]
    namespace = "wagtailsnippets_cities_membershipapplication"
    urls = [reverse(f"{namespace}:list")] + [
        reverse(f"{namespace}:{view}", args=[application.pk])
        for view in ("inspect", "edit", "history", "approve", "decline", "decision_document")
    ]
    editor = logged_in(world["oslo_editor"])
    for url in urls:
        assert editor.get(url).status_code in {302, 403}, url
        assert client.get(url).status_code == 302, url
    for view in ("approve", "decline"):
        url = reverse(f"{namespace}:{view}", args=[application.pk])
        editor.post(url, {"reason": "No."})
        client.post(url, {"reason": "No."})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


PUBLIC_CHANNELS = [
    "/search/?q={word}",
    "/sv/search/?q={word}",
    "/practices/?q={word}",
    "/practices/feed/atom/",
    "/practices/feed/rss/",
    "/practices/feed/atom/?q={word}",
    "/api/v2/practices/",
    "/api/v2/practices/?search={word}",
    "/api/v2/practices/?fields=*",
    "/api/v2/cities/?fields=*",
    "/api/v2/events/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("channel", PUBLIC_CHANNELS)
def test_unpublished_content_never_leaks(client, world, channel):
    for word in (DRAFT_WORD, EDIT_WORD, APPLICATION_WORD):
        response = client.get(channel.format(word=word))
        assert response.status_code in {200, 404}, channel
        body = response.content.decode()
        for phrase in SECRET_PHRASES:
            assert phrase not in body, f"{phrase} leaked through {channel}"
        assert f"/{world['draft'].slug}/" not in body


def test_the_api_refuses_a_draft_by_id(client, world):
    for endpoint in ("practices", "cities"):
        response = client.get(f"/api/v2/{endpoint}/{world['draft'].pk}/")
        assert response.status_code == 404


def test_the_published_practice_is_in_the_channels(client, world):
    """The leak tests above could pass with empty channels; this shows they are not."""
    assert "Safety walks in Husby" in client.get("/practices/feed/atom/").content.decode()
    assert "Safety walks in Husby" in client.get("/api/v2/practices/").content.decode()
    assert world["published"].slug in client.get("/sitemap.xml").content.decode()
