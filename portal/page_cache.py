"""Whole pages for anonymous visitors from the cache, invalidated by what each page shows.

A page served to a visitor without a session is stored with the *tags* of what it shows,
and with each tag's version at that moment. Publishing, unpublishing, moving or deleting
a page bumps the versions of the tags that page affects; a stored page whose tags have
moved on is not served again. So exactly the pages that show the changed page are
rebuilt, and the rest keep being served from the cache:

- ``page:<id>``: the page itself and every page below it (their breadcrumbs and URLs
  carry its title and slug);
- ``children:<id>``: a page listing its children (a city's practices);
- ``type:<app.model>``: a page listing pages of a type from anywhere in the tree (the
  library lists practices that live under their cities); see ``LISTINGS``;
- ``nav``: the main navigation, on every page, from the home page and its sections;
- pages linked either way through Wagtail's reference index (an event naming a
  practice, a story about a city) are bumped by their ``page:<id>`` tag.

Besides publishing, what a page shows changes when an event's registrations change (its
places left: ``refresh``, from the events app), when a snippet or an image it shows is
saved or deleted (the pages that show it are found in Wagtail's reference index), and
with time alone: registration opening and closing, an event starting or ending, a tour's
current week. A page says when that next happens (``next_change`` on the portal's pages)
and is kept no longer, here and at a CDN.

Versions live in the same cache as the pages, so every application server sees the
same ones: with several servers this must be a shared cache (Redis, ``REDIS_URL``). A
CDN in front (``WAGTAILFRONTENDCACHE``) is purged for the same pages through Wagtail's
front-end cache invalidation.
"""

import datetime
import gzip
import hashlib
import math
import time

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.template.response import SimpleTemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language_from_request
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)
from wagtail.snippets.models import get_snippet_models

from portal.request_memo import per_request

# Listing pages and the page types (from anywhere in the tree) whose changes they show.
# Portal's own here; each app above adds its listings when it is ready (``lists``).
LISTINGS = {
    "portal.homepage": {"portal.storypage"},
    "portal.storyindexpage": {"portal.storypage"},
}


def lists(listing, *page_types):
    """Declare that pages of the listing type ("practices.practiceindexpage") show pages
    of these types from anywhere in the tree, so that changing one of those changes them."""
    LISTINGS.setdefault(listing, set()).update(page_types)


# Pages at this depth or above are the home page and its sections: the navigation.
NAVIGATION_DEPTH = 3
# Tagged on views that show any page (site search).
ANY_CONTENT = "content"
KEY_PREFIX = "pagecache"


def seconds():
    """How long a page is kept; 0 switches the cache off."""
    return getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0)


def store():
    return caches[getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default")]


def model_label(page):
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def tags_for_page(page):
    """The tags of a page's response: itself, its ancestors, its children, what it lists."""
    ancestor_ids = Page.objects.ancestor_of(page).values_list("pk", flat=True)
    return {
        "nav",
        *(f"page:{pk}" for pk in [*ancestor_ids, page.pk]),
        f"children:{page.pk}",
        *(f"type:{label}" for label in LISTINGS.get(model_label(page), ())),
    }


def tag_response(request, *tags):
    """Mark a view's response as cacheable, depending on these tags (for views that are
    not Wagtail pages)."""
    request.page_cache_tags = {*getattr(request, "page_cache_tags", ()), *tags}


def tag_key(tag):
    return f"{KEY_PREFIX}:tag:{tag}"


def entry_key(request):
    """The stored page's key: the address, and the language LocaleMiddleware will choose,
    which on an address without a language prefix may come from the visitor's browser.
    Computed before the language is active, so that a stored page is answered before the
    middleware that would activate it."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = get_language_from_request(request, check_path=True)
    return f"{KEY_PREFIX}:response:{request.get_host()}:{language}:{path}"


def is_anonymous_without_session(request):
    """A visitor with no session and no pending messages sees what every such visitor
    sees; checked by cookie, so serving from the cache reads no session."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


# A stored page is kept twice: compressed for the browsers that accept gzip (all of them),
# and as it is for the clients that do not. Both are made once, when the page is stored.
GZIP = "gzip"
IDENTITY = "identity"


def encoding_for(request):
    return GZIP if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else IDENTITY


def bodies(response):
    """The response's body in both encodings, or None for an encoding this cache does not
    keep."""
    encoding = response.get("Content-Encoding")
    if encoding is None:
        return {IDENTITY: response.content, GZIP: compress_string(response.content)}
    if encoding == GZIP:
        return {IDENTITY: gzip.decompress(response.content), GZIP: response.content}
    return None


def encoded_headers(headers, encoding, content):
    """The final headers of a stored body: the middleware that would count its length
    (CommonMiddleware) does not run again on a stored page."""
    encoding_header = {"Content-Encoding": GZIP} if encoding == GZIP else {}
    return {**headers, **encoding_header, "Content-Length": str(len(content))}


class StoredPageMiddleware:
    """Serve and store anonymous GET responses (see the module's description).

    Placed near the top of ``MIDDLEWARE``, so that a stored page is answered before the
    middleware it does not need (sessions, the language, the site, authentication); what
    those add to a response (the language's headers, the Content-Security-Policy, the
    compression) is stored with it. Only the middleware above it runs again on a stored
    page, and none of those read the database or the cache. Every response is seen after
    the middleware that may set cookies (sessions, CSRF, messages), and one that sets a
    cookie is never stored; a view that wrote to the session is seen by the session's own
    flag (``session_changed``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not seconds() or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if not is_anonymous_without_session(request):
            return self.get_response(request)
        key = entry_key(request)
        cached = self.fetch(key, encoding_for(request))
        if cached is not None:
            return cached
        response = self.get_response(request)
        self.store(request, key, response)
        return response

    def fetch(self, key, encoding):
        """The stored response, if its tags have not moved on since it was stored; in one
        round trip to the cache when this process has seen the page's tags before."""
        cache = store()
        tag_keys = stored_tags.get(key, ())
        body_key = f"{key}:{encoding}"
        found = cache.get_many([body_key, *tag_keys])
        entry = found.pop(body_key, None)
        if entry is None:
            return None
        versions, expires, status, headers, content = entry
        # The cache's own expiry runs on its clock; the page's next change on ours.
        if timezone.now().timestamp() >= expires:
            return None
        if tuple(versions) != tag_keys:
            # The page was stored by another process, or with other tags since.
            remember_tags(key, versions)
            found = cache.get_many(list(versions))
        if found != versions:
            return None
        response = HttpResponse(content, status=status, headers=headers)
        response["X-Page-Cache"] = "hit"
        return response

    def store(self, request, key, response):
        """Store the response with the versions of its tags, if it may be."""
        tags = set(getattr(request, "page_cache_tags", ()))
        page = None
        if isinstance(response, SimpleTemplateResponse):
            page = (response.context_data or {}).get("page")
        if isinstance(page, Page):
            tags |= tags_for_page(page)
        if not tags or not self.cacheable(request, response) or session_changed(request):
            return
        encoded = bodies(response)
        if encoded is None:
            return
        expires = expiry(page, response)
        keep = (expires - timezone.now()).total_seconds()
        if keep <= 0:
            return
        # Before the headers are stored, so that the page says the same when served again.
        allow_cdn(request, response, page, keep)
        versions = current_versions([tag_key(tag) for tag in sorted(tags)])
        # This cache answers by the visitor's Accept-Encoding, and says so to any cache after it.
        patch_vary_headers(response, ["Accept-Encoding"])
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in {"content-length", "content-encoding", "x-page-cache"}
        }
        entries = {
            f"{key}:{encoding}": (
                versions,
                expires.timestamp(),
                response.status_code,
                encoded_headers(headers, encoding, content),
                content,
            )
            for encoding, content in encoded.items()
        }
        store().set_many(entries, math.ceil(keep))
        remember_tags(key, versions)
        response["X-Page-Cache"] = "miss"

    @staticmethod
    def cacheable(request, response):
        if response.status_code != 200 or response.cookies or response.streaming:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if "private" in cache_control or "no-store" in cache_control:
            return False
        # SessionMiddleware says "Vary: Cookie" of every page that looked at the session
        # (each page asks whether the visitor is signed in); a visitor without a session
        # cookie has an empty one, as every such visitor has. A page that varies by
        # cookie for any other reason is not stored.
        return "cookie" not in response.get("Vary", "").lower() or session_accessed(request)


# The tag keys of the pages this process stored or served, by page key, in their order:
# reading a stored page then reads its tags' versions in the same round trip. A page
# stored again with other tags is noticed when served (fetch).
stored_tags = {}
MAX_REMEMBERED_PAGES = 10_000


def remember_tags(key, versions):
    if len(stored_tags) >= MAX_REMEMBERED_PAGES:
        stored_tags.clear()
    stored_tags[key] = tuple(versions)


def expiry(page, response):
    """When the stored response stops being served: after the cache's time, or sooner
    when the page shows something that changes by time alone before then (its
    ``next_change``)."""
    latest = timezone.now() + datetime.timedelta(seconds=seconds())
    next_change = getattr(page, "next_change", None)
    changes_at = next_change(response.context_data) if next_change else None
    return min(latest, changes_at) if changes_at else latest


def start_of_tomorrow(now=None):
    """The next local midnight: when what a page shows by date (a tour's current week)
    may change."""
    today = timezone.localdate(now)
    return timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    )


def first_to_come(moments, now=None):
    """The earliest of the moments not yet past, or None. A moment that is now counts: a
    page that changes at the instant after it (an event listed until it ends) must not be
    stored at all."""
    now = now or timezone.now()
    return min((moment for moment in moments if moment and moment >= now), default=None)


def session_changed(request):
    """Whether the view wrote to the visitor's session: SessionMiddleware, which answers
    after this one, will then send them a session cookie, and the page may show what the
    session now holds."""
    session = getattr(request, "session", None)
    return session is not None and session.modified


def session_accessed(request):
    session = getattr(request, "session", None)
    return session is not None and session.accessed


def allow_cdn(request, response, page, keep):
    """With a CDN in front, it may keep a stored page as long as we do (``keep``
    seconds) if a purge can reach it: publishing purges the addresses Wagtail knows for
    the pages that show the change (``Page.get_cached_paths``; see invalidate), never an
    address with a query string. Anything else (a search, a filtered listing, a view that
    is not a page) the CDN must not keep at all, whatever its default time to keep a
    page."""
    if not cdn_in_front():
        return
    purgeable = (
        isinstance(page, Page)
        and not request.META.get("QUERY_STRING")
        and request.path in cached_addresses(page, request)
    )
    # Rounded, not truncated: the moments between reading the clock for the expiry and
    # here would otherwise take a second off every page's time.
    patch_cache_control(response, public=True, s_maxage=round(keep) if purgeable else 0)


def cached_addresses(page, request):
    """The addresses a purge of the page names, as Wagtail's front-end cache makes them."""
    # The page's own address, as a purge (outside any visitor's request) names it; not
    # the one under the visitor's prefix (``BasePage.get_url_parts``).
    parts = Page.get_url_parts(page, request)
    url = parts[2] if parts else None
    if url is None:
        return set()
    return {url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()}


def version():
    return time.time_ns()


def current_versions(keys):
    """The versions of the tag keys, {key: version}, a tag that has none yet given its
    first."""
    cache = store()
    versions = cache.get_many(keys)
    missing = [key for key in keys if key not in versions]
    if missing:
        # add, not set: a bump from another server wins over this first version.
        for key in missing:
            cache.add(key, version(), timeout=None)
        versions = cache.get_many(keys)
    return versions


def shown_version():
    """The versions of what a cached fragment (a card) may show: any page's content
    (``ANY_CONTENT``), and the site's structure with the charter's terms (``nav``); read
    once per request, in one round trip."""

    def read():
        keys = [tag_key(ANY_CONTENT), tag_key("nav")]
        versions = current_versions(keys)
        return "-".join(str(versions.get(key)) for key in keys)

    return per_request("shown-version", read)


def kept(name, vary_on, build):
    """What ``build()`` gives, kept as the cards of pages are (``{% cache %}`` with
    ``shown_version``, ``portal.context_processors.fragments``): for every visitor, until
    any content, the structure or the terms change; built anew when the fragment cache is
    off. ``vary_on`` names everything else it depends on; what is built must pickle."""
    keep = settings.PORTAL_FRAGMENT_CACHE_SECONDS
    if not keep:
        return build()
    key = make_template_fragment_key(name, [*vary_on, shown_version()])
    cache = store()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, keep)
    return value


def bump(tags):
    """New versions for the tags: every stored page depending on one is stale."""
    if tags:
        store().set_many(dict.fromkeys((tag_key(tag) for tag in tags), version()), None)


def related_page_ids(page):
    """Pages that reference the page, and pages it references, per the reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    referencing = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    referenced = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type)
    return {
        *referencing.values_list("object_id", flat=True),
        *referenced.values_list("to_object_id", flat=True),
    }


def tags_changed_by(page, parent_ids=()):
    """What publishing, unpublishing, moving or deleting the page makes stale."""
    tags = {f"page:{page.pk}", f"type:{model_label(page)}", ANY_CONTENT}
    tags |= {f"children:{pk}" for pk in parent_ids if pk}
    tags |= {f"page:{pk}" for pk in related_page_ids(page)}
    if page.depth <= NAVIGATION_DEPTH:
        tags.add("nav")
    return tags


def invalidate(page, parent_ids=None, moved_from=None):
    """Once the change is committed, drop the stored pages that show the page, here and in
    the CDN if there is one; after a move (``moved_from``: the page's url_path before),
    the CDN's copies at the old addresses too."""
    if parent_ids is None:
        parent = page.get_parent()
        parent_ids = [parent.pk] if parent else []
    tags = tags_changed_by(page, parent_ids)

    def apply():
        bump(tags)
        purge_frontend_cache(tags, page, moved_from)

    transaction.on_commit(apply)


def tags_changed_by_pages(page_ids):
    """What a change shown on these pages makes stale (a snippet or an image they show):
    what publishing each of them again would, in a few queries for any number of them."""
    page_type = ContentType.objects.get_for_model(Page)
    tags = {ANY_CONTENT}
    parent_paths = set()
    rows = Page.objects.filter(pk__in=page_ids).values_list("pk", "path", "depth", "content_type")
    for pk, path, depth, content_type_id in rows:
        content_type = ContentType.objects.get_for_id(content_type_id)
        tags |= {f"page:{pk}", f"type:{content_type.app_label}.{content_type.model}"}
        parent_paths.add(path[: -Page.steplen])
        if depth <= NAVIGATION_DEPTH:
            tags.add("nav")
    parents = Page.objects.filter(path__in=parent_paths).values_list("pk", flat=True)
    tags |= {f"children:{pk}" for pk in parents}
    referencing = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        to_content_type=page_type,
        to_object_id__in=[str(pk) for pk in page_ids],
    ).values_list("object_id", flat=True)
    tags |= {f"page:{pk}" for pk in referencing}
    return tags


def invalidate_showing(instance):
    """Once committed, drop the stored pages that show the object (a snippet or an
    image), found in Wagtail's reference index, here and at the CDN."""
    page_type = ContentType.objects.get_for_model(Page)
    showing = ReferenceIndex.get_references_to(instance).filter(base_content_type=page_type)
    invalidate_pages({int(pk) for pk in showing.values_list("object_id", flat=True)})


def invalidate_pages(page_ids):
    """Once committed, drop the stored pages that show something that changed on these
    pages (for relations the reference index does not record, such as many-to-many
    fields), here and at the CDN."""
    if not page_ids:
        return
    tags = tags_changed_by_pages(page_ids)

    def apply():
        bump(tags)
        purge_frontend_cache(tags)

    transaction.on_commit(apply)


def refresh(pages):
    """Once committed, drop the stored copies of these pages alone, here and at the CDN:
    for a change that they show and no other page lists (an event's places left)."""
    pages = list(pages)
    tags = {f"page:{page.pk}" for page in pages}

    def apply():
        bump(tags)
        if cdn_in_front():
            purge_from_cdn(pages)

    transaction.on_commit(apply)


def purge_frontend_cache(tags, page=None, moved_from=None):
    """Purge the CDN's copies of the pages the tags name and of the listings that show
    their types. Wagtail's front-end cache app purges a published or unpublished
    ``page`` itself; after a move, the old addresses of the page and the pages below it
    are purged here too."""
    if not cdn_in_front():
        return
    ids = {int(tag.split(":")[1]) for tag in tags if tag.startswith(("page:", "children:"))}
    if page is not None:
        ids.discard(page.pk)
    listing_types = [
        label
        for label, listed in LISTINGS.items()
        if any(tag == f"type:{shown}" for tag in tags for shown in listed)
    ]
    pages = Page.objects.live().filter(pk__in=ids)
    for label in listing_types:
        app_label, model = label.split(".")
        pages |= Page.objects.live().filter(
            content_type__app_label=app_label, content_type__model=model
        )
    moved = as_before_move(page, moved_from) if moved_from else []
    purge_from_cdn([*pages.distinct(), *moved])


def as_before_move(page, url_path_before):
    """The moved page and its live descendants, addressed as they were before the move
    (or before its slug changed): instances to ask for their old URLs, never saved."""
    url_path_after = Page.objects.values_list("url_path", flat=True).get(pk=page.pk)
    moved = list(Page.objects.live().descendant_of(page, inclusive=True).specific(defer=True))
    for each in moved:
        each.url_path = url_path_before + each.url_path.removeprefix(url_path_after)
    return moved


def purge_old_addresses(sender, instance, instance_before, **kwargs):
    """A new slug gives the page and those below it new addresses; the CDN's copies at
    the old ones are purged (publishing has already dropped what Redis stored)."""
    if cdn_in_front():
        purge_from_cdn(as_before_move(instance, instance_before.url_path))


def cdn_in_front():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_from_cdn(pages):
    # Imported here: Wagtail's front-end cache app is installed only with a CDN in front.
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    purge_pages_from_cache(pages)


def on_published(sender, instance, **kwargs):
    invalidate(instance)


def on_unpublished(sender, instance, **kwargs):
    invalidate(instance)


def on_moved(
    sender,
    instance,
    parent_page_before,
    parent_page_after,
    url_path_before,
    url_path_after,
    **kwargs,
):
    invalidate(
        instance,
        parent_ids=[parent_page_before.pk, parent_page_after.pk],
        # A page reordered among its siblings keeps its address.
        moved_from=url_path_before if url_path_before != url_path_after else None,
    )


def on_deleted(sender, instance, **kwargs):
    # The page row is gone; its path still names its parent.
    parent = Page.objects.filter(path=instance.path[: -Page.steplen]).first()
    invalidate(instance, parent_ids=[parent.pk] if parent else [])


def shown_on_pages(model):
    return model in get_snippet_models() or issubclass(model, get_image_model())


def on_object_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    """A snippet or an image saved, or about to be deleted (while the reference index
    still names the pages that show it)."""
    if raw or not shown_on_pages(sender):
        return
    # Wagtail records an image's size and hash on first use: nothing a visitor sees.
    if update_fields and set(update_fields) <= {"file_hash", "file_size"}:
        return
    invalidate_showing(instance)


def on_migrated(sender, **kwargs):
    """A release runs ``migrate`` (docs/deploy.md): every page, fragment and value kept
    by the code before it, whose templates and classes may have changed, is stale, as is
    what a data migration changed."""
    bump({"nav", ANY_CONTENT})


def connect():
    post_migrate.connect(
        on_migrated, sender=apps.get_app_config("portal"), dispatch_uid="portal-cache-release"
    )
    page_published.connect(on_published, dispatch_uid="portal-cache-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="portal-cache-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="portal-cache-moved")
    page_slug_changed.connect(purge_old_addresses, dispatch_uid="portal-cache-slug-changed")
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="portal-cache-deleted")
    # Every model sends its own post_save; snippets and images are picked out above.
    post_save.connect(on_object_changed, dispatch_uid="portal-cache-object-saved")
    pre_delete.connect(on_object_changed, dispatch_uid="portal-cache-object-deleted")
