from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self):
        from django.core import checks

        from portal import page_cache

        from . import search_sql, signal_handlers  # noqa: F401

        checks.register(search_sql.check_search_sql)

        page_cache.lists("portal.homepage", "practices.practicepage")
        # The library's facets and cards show their cities' names and countries.
        page_cache.lists("practices.practiceindexpage", "practices.practicepage", "cities.citypage")
