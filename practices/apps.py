from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self):
        from portal import page_cache

        from . import signal_handlers  # noqa: F401

        page_cache.lists("portal.homepage", "practices.practicepage")
        # The library's facets and cards show their cities' names and countries.
        page_cache.lists("practices.practiceindexpage", "practices.practicepage", "cities.citypage")
