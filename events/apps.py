from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Tours and events")

    def ready(self):
        from . import signal_handlers  # noqa: F401
