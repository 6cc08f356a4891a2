"""A page's privacy covers it in every language.

Wagtail keeps each translation as a page of its own, with restrictions of its own. It
copies a page's restrictions when the translation is made, but not when staff make the
page private, change how, or open it again later. The portal shows each piece of content
in the visitor's language where a translation exists, so a Swedish translation left
public would go on listing, under /sv/, a city staff had just made private. Here every
change to a page's restrictions is repeated on its translations, from whichever language
staff made it in.
"""

from collections import Counter
from contextvars import ContextVar

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction

# Set while the restrictions of translations are being rewritten here, so that those
# changes are not repeated back.
_sharing = ContextVar("portal_privacy_sharing", default=False)


def signature(restriction):
    """What a restriction asks of a visitor: its kind, password and groups."""
    groups = frozenset(restriction.groups.values_list("pk", flat=True))
    return restriction.restriction_type, restriction.password, groups


def share_with_translations(page):
    """Give every translation of the page exactly the page's own restrictions."""
    wanted = Counter(signature(restriction) for restriction in page.view_restrictions.all())
    token = _sharing.set(True)
    try:
        for translation in page.get_translations():
            restrictions = translation.view_restrictions.all()
            if Counter(signature(restriction) for restriction in restrictions) == wanted:
                continue
            restrictions.delete()
            for restriction_type, password, groups in wanted.elements():
                copy = PageViewRestriction.objects.create(
                    page=translation, restriction_type=restriction_type, password=password
                )
                copy.groups.set(groups)
    finally:
        _sharing.reset(token)


def restriction_changed(sender, instance, raw=False, **kwargs):
    if raw or _sharing.get():
        return
    if deleted_with_its_page(kwargs.get("origin")):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        share_with_translations(page)


def deleted_with_its_page(origin):
    """A page deleted takes its restrictions along; its translations keep theirs. (A
    deletion's origin is the instance or the queryset that ``delete()`` was called on.)"""
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return issubclass(model, Page)


def groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        restriction_changed(sender, instance)


def connect():
    uid = "portal-privacy"
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-saved")
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-deleted"
    )
    m2m_changed.connect(
        groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=f"{uid}-groups"
    )
