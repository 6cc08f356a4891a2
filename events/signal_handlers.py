from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from events.models import EventPage, Registration
from portal import page_cache


@receiver(post_save, sender=Registration)
@receiver(post_delete, sender=Registration)
def registrations_changed(sender, instance, **kwargs):
    """An event's page and its translations say how many places are left (they share
    the working language's registrations): a stored copy must not outlive a change."""
    events = EventPage.objects.filter(pk=instance.event_id).values("translation_key")
    page_cache.refresh(EventPage.objects.filter(translation_key__in=events))
