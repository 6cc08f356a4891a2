from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import PracticePage


@receiver(post_page_move)
def keep_practice_city_in_step(sender, instance, **kwargs):
    if isinstance(instance.specific, PracticePage):
        instance.specific.follow_move()
