from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page

from events.models import EventPage, Registration, TakeoverPost, TourStop
from portal import page_cache


@receiver(post_save, sender=Registration)
@receiver(post_delete, sender=Registration)
def registrations_changed(sender, instance, **kwargs):
    """An event's page and its translations say how many places are left (they share
    the working language's registrations): a stored copy must not outlive a change."""
    events = EventPage.objects.filter(pk=instance.event_id).values("translation_key")
    page_cache.refresh(EventPage.objects.filter(translation_key__in=events))


def invalidate_with_translations(pages):
    """Drop the stored pages that show these pages or any of their translations."""
    keys = pages.values("translation_key")
    page_cache.invalidate_pages(
        set(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    )


@receiver(post_save, sender=TourStop)
@receiver(post_delete, sender=TourStop)
def stop_changed(sender, instance, **kwargs):
    """A tour's week shows on the tour's pages, on its city's and on the home page (this
    week's or the next stop). Stops are saved on the scheduling screens, never
    published, so their own change drops those pages."""
    invalidate_with_translations(Page.objects.filter(pk__in=[instance.tour_id, instance.city_id]))


@receiver(post_save, sender=TakeoverPost)
@receiver(post_delete, sender=TakeoverPost)
def post_changed(sender, instance, **kwargs):
    """A city's week on the tour's pages tells its published posts, and the tour's feeds
    list them."""
    tours = TourStop.objects.filter(pk=instance.stop_id).values("tour_id")
    invalidate_with_translations(Page.objects.filter(pk__in=tours))
