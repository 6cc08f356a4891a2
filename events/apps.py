from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Tours and events")

    def ready(self):
        from portal import page_cache

        from . import signal_handlers  # noqa: F401

        page_cache.lists("portal.homepage", "events.eventpage", "events.tourpage")
        page_cache.lists("events.eventindexpage", "events.eventpage")
        page_cache.lists("events.tourindexpage", "events.tourpage")
