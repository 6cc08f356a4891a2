from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cities.models import CityPage
from portal import cache

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


@receiver(post_save, sender=TargetGroup)
@receiver(pre_delete, sender=TargetGroup)
def drop_stored_pages_showing_target_group(sender, instance, **kwargs):
    """Practices show their target groups, a many-to-many relation that Wagtail's
    reference index does not record, so the page cache cannot find them there."""
    practices = PracticePage.objects.filter(target_groups=instance).values_list("pk", flat=True)
    cache.invalidate_pages(set(practices))
