"""How values read in the admin's inspect views and listings: times in the network's
zone with its name (Wagtail's inspect view printed them in UTC, the listing in the
reader's zone), Yes and No for booleans, and a dash for nothing."""

from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.fields import register_display_class
from wagtail.admin.ui.tables import Column

from .timezones import in_zone, network_zone, zoned_datetime

EMPTY = "-"


def network_time_html(value):
    if value is None:
        return EMPTY
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        in_zone(value).isoformat(),
        str(network_zone()),
        zoned_datetime(value),
    )


def yes_no(value):
    if value is None:
        return EMPTY
    return _("Yes") if value else _("No")


class NetworkTimeDisplay(Component):
    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None):
        return network_time_html(self.value)


class YesNoDisplay(Component):
    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None):
        return yes_no(self.value)


class NetworkTimeColumn(Column):
    """A listing column of times in the network's zone, named."""

    def get_value(self, instance):
        return network_time_html(super().get_value(instance))


def register():
    register_display_class(models.DateTimeField, display_class=NetworkTimeDisplay)
    register_display_class(models.BooleanField, display_class=YesNoDisplay)
