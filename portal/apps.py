from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import admin_display, page_cache, permissions, privacy, site_structure

        page_cache.connect()
        permissions.connect()
        privacy.connect()
        site_structure.connect()
        admin_display.register()
