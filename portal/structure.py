"""The site's structure, which every page reads and editors seldom change: the site and
its home page, the locales, the sections with view restrictions, the pages of the main
menu, and the reference lists (the charter's goals, the Capital Code's themes).

A request takes what the cache holds for the structure's current version, all of it in
one round trip, and reads from the database only what is missing (then stores it for
the requests after it). The version is the page cache's ``nav`` tag (``portal.cache``):
what every page shows. Publishing, unpublishing, deleting or creating live (an alias) a
home page or a section below it, moving any page, or saving or deleting a view
restriction, a locale or a site bumps it, so neither this nor a stored page is served
from before the change.

With Redis (``REDIS_URL``) every application server shares the cache and sees a change
on its next request. A memory cache belongs to one process: there, a change made
through another process is seen only once what was stored expires
(``PORTAL_STRUCTURE_CACHE_SECONDS``), which is why this cache is on by default only with
Redis (0 switches it off).

Within a request the structure is read once and stays the same (``portal.memo``);
outside a request (commands, the shell, tests calling a function directly) it is read
from the database every time.
"""

import pickle
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import cache
from portal.memo import in_request, per_request

# The page cache's tag of what every page shows: a change to the structure makes every
# stored page stale too.
TAG = "nav"
# The key names the layout of what is stored under it. Servers being upgraded one by one
# share the cache: one still running the code from before a change to ``Stored`` must
# not read what an upgraded one stores, nor the other way round.
KEY = "portal:structure:2"


def seconds():
    return getattr(settings, "PORTAL_STRUCTURE_CACHE_SECONDS", 0)


@dataclass
class Stored:
    """What was read of the structure at one version, and until when it may be used.

    Each item is kept pickled as it was read. The objects a request is handed are its to
    change (a page keeps the rows it is asked for, the image of its hero photo, say), and
    what a later addition stores for other requests must not carry those along."""

    version: int
    expires: float
    items: dict = field(default_factory=dict)
    as_read: dict = field(default_factory=dict)

    def add(self, key, value):
        self.items[key] = value
        self.as_read[key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        # Adding an item keeps the expiry of the first: a memory cache that misses other
        # processes' changes is then stale for at most ``seconds()``.
        timeout = self.expires - time.time()
        if timeout > 0:
            cache.page_cache().set(KEY, self, timeout)

    def __getstate__(self):
        return {"version": self.version, "expires": self.expires, "as_read": self.as_read}

    def __setstate__(self, state):
        self.__init__(**state)
        self.items = {key: pickle.loads(value) for key, value in self.as_read.items()}  # noqa: S301 -- written by this module to the site's own cache


def fetch():
    """What the cache holds for the current version: both in one round trip."""
    shared_cache = cache.page_cache()
    version_key = cache.tag_key(TAG)
    found = shared_cache.get_many([version_key, KEY])
    version = found.get(version_key)
    if version is None:
        # The first read since the cache was emptied. The version is set before the
        # database is read, so that a change from now on moves past it.
        shared_cache.add(version_key, cache.version(), timeout=None)
        version = shared_cache.get(version_key)
    stored = found.get(KEY)
    if stored is not None and stored.version == version:
        return stored
    return Stored(version, time.time() + seconds())


def shared(key, read):
    """``read()`` once per request, and from the cache as long as the structure has not
    changed since another request read it; outside a request, every time."""
    if not seconds() or not in_request():
        return per_request(key, read)
    stored = per_request(KEY, fetch)
    if key not in stored.items:
        stored.add(key, read())
    return stored.items[key]


def changed(**kwargs):
    """Drop the structure now, as Wagtail drops its sites' root paths, and again once the
    change is committed: a request in between may have stored the rows from before."""
    cache.bump({TAG})
    transaction.on_commit(lambda: cache.bump({TAG}))


def page_changed(instance, **kwargs):
    # Deeper pages are in no menu; a restricted section deleted with its page takes its
    # restriction along, which is a change of its own.
    if instance.depth <= cache.NAVIGATION_DEPTH:
        changed()


def page_created(instance, created, **kwargs):
    # A page can go live without being published: an alias of a live page (the untranslated
    # parents copied when a page is translated) is live from the start.
    if created and isinstance(instance, Page) and instance.live:
        page_changed(instance)


def connect():
    page_published.connect(page_changed, dispatch_uid="portal-structure-published")
    # Every page type sends its own post_save.
    post_save.connect(page_created, dispatch_uid="portal-structure-page-created")
    page_unpublished.connect(page_changed, dispatch_uid="portal-structure-unpublished")
    post_delete.connect(page_changed, sender=Page, dispatch_uid="portal-structure-deleted")
    # A moved page takes the restrictions below it to other paths.
    post_page_move.connect(changed, dispatch_uid="portal-structure-moved")
    # The charter's goals and the Capital Code's themes (portal.localisation.reference_terms).
    terms = (apps.get_model("portal", "CharterGoal"), apps.get_model("portal", "CapitalCodeTheme"))
    for model in (PageViewRestriction, Locale, Site, *terms):
        uid = f"portal-structure-{model._meta.label_lower}"
        post_save.connect(changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}-deleted")
