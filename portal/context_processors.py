import uuid

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from portal import page_cache
from portal.navigation import main_navigation


def navigation(request):
    return {"main_navigation": SimpleLazyObject(lambda: main_navigation(request))}


def fragments(request):
    """What a kept fragment of a page (a card, ``{% wagtailcache %}``) is kept for: at most
    ``PORTAL_FRAGMENT_CACHE_SECONDS`` (0: not kept), and until any content, the site's
    structure or the charter's terms change (``page_cache.shown_version``). A card shows
    its page, the page's city and terms, and its picture: cheaper to render all again
    after a change than to track each. Kept for signed-in visitors too, who never get a
    whole page from the cache. Templates keep them with Wagtail's ``{% wagtailcache %}``,
    which keeps nothing in a preview, where a page shows a draft.

    With the fragment cache off, a page neither keeps a fragment nor reads one kept
    before (its version is one no fragment was kept under: the tag reads even when told
    to keep for 0 seconds)."""
    if not settings.PORTAL_FRAGMENT_CACHE_SECONDS:
        return {"fragment_seconds": 0, "shown_version": f"unkept-{uuid.uuid4()}"}
    return {
        "fragment_seconds": settings.PORTAL_FRAGMENT_CACHE_SECONDS,
        "shown_version": SimpleLazyObject(page_cache.shown_version),
    }
