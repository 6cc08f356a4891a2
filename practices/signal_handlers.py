from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from cities.models import CityPage
from portal import page_cache
from portal.models import NoticeKind
from portal.notices import notify

from . import search_index
from .models import PracticePage, TargetGroup


@receiver(post_page_move)
def keep_practice_city_in_step(sender, instance, **kwargs):
    if isinstance(instance.specific, PracticePage):
        instance.specific.follow_move()


# The library's Elasticsearch index follows what is published, once the change is
# committed. Deletion needs no handler of its own: Wagtail unpublishes a live page
# before deleting it (page_unpublished), and a page that was not live is not indexed.
@receiver(page_published, sender=PracticePage)
@receiver(page_unpublished, sender=PracticePage)
@receiver(post_page_move, sender=PracticePage)
def update_practice_in_search_index(sender, instance, **kwargs):
    if settings.ELASTICSEARCH_URL:
        transaction.on_commit(partial(search_index.sync_practice, instance.pk))


@receiver(page_published, sender=CityPage)
def update_city_practices_in_search_index(sender, instance, **kwargs):
    # A practice's document carries its city's slug, title and country.
    if settings.ELASTICSEARCH_URL:
        page_ids = list(instance.practice_pages.live().values_list("pk", flat=True))
        transaction.on_commit(partial(search_index.sync_practices, page_ids))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def update_restricted_practices_in_search_index(sender, instance, **kwargs):
    # The library lists public practices only; a restriction hides the page and all below.
    if settings.ELASTICSEARCH_URL:
        page_ids = list(
            PracticePage.objects.live()
            .descendant_of(instance.page, inclusive=True)
            .values_list("pk", flat=True)
        )
        transaction.on_commit(partial(search_index.sync_practices, page_ids))


# Moderation of practices: Wagtail's own workflow emails tell the reviewers of a
# submission and the submitter of the verdict, following the same account switches;
# these notices put the same news on their dashboards.


APPROVED = gettext_noop("Practice approved: %(title)s")
RETURNED = gettext_noop("Practice sent back for changes: %(title)s")


def practice_of(workflow_state):
    page = workflow_state.content_object
    return page.specific if page and isinstance(page.specific, PracticePage) else None


@receiver(task_submitted)
def notice_of_practice_submitted(sender, instance, user=None, **kwargs):
    practice = practice_of(instance.workflow_state)
    groups = getattr(instance.task.specific, "groups", None)
    if practice is None or groups is None:
        return
    reviewers = get_user_model().objects.filter(groups__in=groups.all(), is_active=True)
    if user is not None:
        reviewers = reviewers.exclude(pk=user.pk)
    notify(
        reviewers.distinct(),
        NoticeKind.PRACTICE_SUBMITTED,
        describe=lambda: (
            _("Practice submitted for moderation: %(title)s") % {"title": practice.title},
            "",
        ),
        path=reverse("wagtailadmin_pages:edit", args=[practice.pk]),
        email=False,
    )


@receiver(workflow_approved)
@receiver(workflow_rejected)
def notice_of_practice_verdict(sender, instance, signal, user=None, **kwargs):
    practice = practice_of(instance)
    submitter = instance.requested_by
    if practice is None or submitter is None or submitter == user:
        return
    if signal is workflow_approved:
        kind, subject, comment = NoticeKind.PRACTICE_APPROVED, APPROVED, ""
    else:
        kind, subject = NoticeKind.PRACTICE_RETURNED, RETURNED
        comment = instance.current_task_state.specific.get_comment()
    notify(
        [submitter],
        kind,
        describe=lambda: (_(subject) % {"title": practice.title}, comment),
        path=reverse("wagtailadmin_pages:edit", args=[practice.pk]),
        email=False,
    )


@receiver(post_save, sender=TargetGroup)
@receiver(pre_delete, sender=TargetGroup)
def drop_stored_pages_showing_target_group(sender, instance, **kwargs):
    """Practices show their target groups, a many-to-many relation that Wagtail's
    reference index does not record, so the page cache cannot find them there."""
    practices = PracticePage.objects.filter(target_groups=instance).values_list("pk", flat=True)
    page_cache.invalidate_pages(set(practices))
