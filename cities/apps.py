from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Member cities")

    def ready(self):
        from portal import page_cache

        # The home page counts the member cities; the directory lists them.
        page_cache.lists("portal.homepage", "cities.citypage")
        page_cache.lists("cities.cityindexpage", "cities.citypage")
