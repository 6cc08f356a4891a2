"""The site's structure, which every page reads and editors seldom change: the site and
its home page, the locales, the sections with view restrictions, the pages of the main
menu, and the reference lists (the charter's goals, the Capital Code's themes).

A request takes what the cache holds for the structure's current version, all of it in
one round trip, and reads from the database only what is missing (then stores it for
the requests after it). The version is the page cache's ``nav`` tag (``portal.page_cache``):
what every page shows. Publishing, unpublishing, deleting or creating live (an alias) a
home page or a section below it, moving any page, or saving or deleting a view
restriction, a locale or a site bumps it, so neither this nor a stored page is served
from before the change.

With Redis (``REDIS_URL``) every application server shares the cache and sees a change
on its next request. A memory cache belongs to one process: there, a change made
through another process is seen only once what was stored expires
(``PORTAL_STRUCTURE_CACHE_SECONDS``), which is why this cache is on by default only with
Redis (0 switches it off).

Within a request the structure is read once and stays the same (``portal.request_memo``);
outside a request (commands, the shell, tests calling a function directly) it is read
from the database every time.
"""

import datetime
import decimal
import time
import uuid
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models, router, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import page_cache
from portal.request_memo import in_request, per_request

# The page cache's tag of what every page shows: a change to the structure makes every
# stored page stale too.
TAG = "nav"
KEY = "portal:structure"
MISSING = object()
# What the cache holds is plain values only (``plain``): no pickled object of Django,
# Wagtail or the portal, so servers being upgraded one by one can share it whatever
# changes in those.
PLAIN = (
    type(None),
    bool,
    int,
    float,
    str,
    bytes,
    decimal.Decimal,
    datetime.date,
    datetime.time,
    datetime.timedelta,
    uuid.UUID,
)


def seconds():
    return getattr(settings, "PORTAL_STRUCTURE_CACHE_SECONDS", 0)


class NotPlain(TypeError):
    pass


def plain(value):
    """The value as plain data: a model instance as its model's label and the values of
    the fields it was read with (as Django's serializers write them), lists, tuples and
    dicts of those, and values of the standard library's types."""
    if isinstance(value, models.Model):
        deferred = value.get_deferred_fields()
        return (
            "row",
            value._meta.label_lower,
            {
                each.attname: plain_field(each, value)
                for each in value._meta.concrete_fields
                if each.attname not in deferred
            },
        )
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [plain(item) for item in value])
    if isinstance(value, dict):
        return ("dict", [(plain(key), plain(item)) for key, item in value.items()])
    if isinstance(value, PLAIN):
        return ("value", value)
    raise NotPlain(f"{type(value).__name__} is not kept with the site's structure")


def plain_field(model_field, instance):
    value = model_field.value_from_object(instance)
    return value if isinstance(value, PLAIN) else model_field.value_to_string(instance)


def rebuilt(data):
    """The value ``plain`` gave ``data`` for, with new model instances, as the database
    would give them (``Model.from_db``): a field the model no longer has is left out,
    one it has gained is loaded when it is first read. LookupError if a model is gone."""
    kind, *rest = data
    if kind == "row":
        label, values = rest
        model = apps.get_model(label)
        fields = [each for each in model._meta.concrete_fields if each.attname in values]
        return model.from_db(
            router.db_for_read(model),
            [each.attname for each in fields],
            [each.to_python(values[each.attname]) for each in fields],
        )
    if kind == "list":
        return [rebuilt(item) for item in rest[0]]
    if kind == "tuple":
        return tuple(rebuilt(item) for item in rest[0])
    if kind == "dict":
        return {rebuilt(key): rebuilt(item) for key, item in rest[0]}
    if kind == "value":
        return rest[0]
    raise LookupError(kind)


@dataclass
class Stored:
    """What was read of the structure at one version, and until when it may be used:
    ``as_read`` is what the cache holds, plain; ``items`` the values this request was
    handed, rebuilt from it, so that what a request changes in them (a page keeps the
    rows it is asked for) is never stored for other requests."""

    version: int
    expires: float
    as_read: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)

    def get(self, key, read):
        if key not in self.items:
            value = self.rebuild(key)
            if value is MISSING:
                self.add(key, read())
                value = rebuilt(self.as_read[key])
            self.items[key] = value
        return self.items[key]

    def rebuild(self, key):
        if key not in self.as_read:
            return MISSING
        try:
            return rebuilt(self.as_read[key])
        except LookupError:
            # Stored by a server with a model this one does not have: read again.
            return MISSING

    def add(self, key, value):
        self.as_read[key] = plain(value)
        # Adding an item keeps the expiry of the first: a memory cache that misses other
        # processes' changes is then stale for at most ``seconds()``.
        timeout = self.expires - time.time()
        if timeout > 0:
            record = {"version": self.version, "expires": self.expires, "as_read": self.as_read}
            page_cache.store().set(KEY, record, timeout)


def fetch():
    """What the cache holds for the current version: both in one round trip."""
    shared_cache = page_cache.store()
    version_key = page_cache.tag_key(TAG)
    found = shared_cache.get_many([version_key, KEY])
    version = found.get(version_key)
    if version is None:
        # The first read since the cache was emptied. The version is set before the
        # database is read, so that a change from now on moves past it.
        shared_cache.add(version_key, page_cache.version(), timeout=None)
        version = shared_cache.get(version_key)
    record = found.get(KEY)
    if isinstance(record, dict) and record.get("version") == version:
        return Stored(version, record["expires"], dict(record["as_read"]))
    return Stored(version, time.time() + seconds())


def shared(key, read):
    """``read()`` once per request, and from the cache as long as the structure has not
    changed since another request read it; outside a request, every time. ``key`` and
    what ``read()`` gives must be plain (``plain``): model instances are kept as the
    values of their fields, and come back as new instances without a query."""
    if not seconds() or not in_request():
        return per_request(key, read)
    return per_request(KEY, fetch).get(key, read)


def changed(**kwargs):
    """Drop the structure now, as Wagtail drops its sites' root paths, and again once the
    change is committed: a request in between may have stored the rows from before."""
    page_cache.bump({TAG})
    transaction.on_commit(lambda: page_cache.bump({TAG}))


def page_changed(instance, **kwargs):
    # Deeper pages are in no menu; a restricted section deleted with its page takes its
    # restriction along, which is a change of its own.
    if instance.depth <= page_cache.NAVIGATION_DEPTH:
        changed()


def page_created(instance, created, raw=False, **kwargs):
    # A page can go live without being published: an alias of a live page (the untranslated
    # parents copied when a page is translated) is live from the start. A page loaded as
    # it was stored (a fixture, ``raw``) comes one table at a time: a page type's own row
    # knows nothing of the page's place in the tree yet.
    if raw:
        changed()
    elif created and isinstance(instance, Page) and instance.live:
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
