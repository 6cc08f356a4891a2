import uuid

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from portal import page_cache
from portal.navigation import main_navigation


def navigation(request):
    return {"main_navigation": SimpleLazyObject(lambda: main_navigation(request))}


def fragments(request):
    """What a cached fragment of a page (a card, ``{% cache %}``) is kept for: at most
    ``PORTAL_FRAGMENT_CACHE_SECONDS`` (0: not kept), and until any content, the site's
    structure or the charter's terms change (``page_cache.shown_version``). A card shows
    its page, the page's city and terms, and its picture: cheaper to render all again
    after a change than to track each. Kept for signed-in visitors too, who never get a
    whole page from the cache.

    With the fragment cache off, and in a preview, which shows a draft, a page neither
    reads a kept fragment (its version is one no fragment was kept under: ``{% cache %}``
    reads even when told to keep for 0 seconds) nor keeps one."""
    if not settings.PORTAL_FRAGMENT_CACHE_SECONDS or getattr(request, "is_preview", False):
        return {"fragment_seconds": 0, "shown_version": f"unkept-{uuid.uuid4()}"}
    return {
        "fragment_seconds": settings.PORTAL_FRAGMENT_CACHE_SECONDS,
        "shown_version": SimpleLazyObject(page_cache.shown_version),
    }
