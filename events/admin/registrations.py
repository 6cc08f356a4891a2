"""The attendee lists of summits and events.

Attendee lists hold personal data: they need the ``view_registration`` permission,
which network staff have and city editors do not (setup_site). Each event's page in the
admin links to its own list, which staff can export as CSV or Excel.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from events.models import Registration, RegistrationStatus
from portal.admin_display import NetworkTimeColumn
from portal.timezones import in_zone, network_zone


def spreadsheet_time(value):
    """A time in the network's zone, to the minute, as a spreadsheet reads it."""
    return in_zone(value).strftime("%Y-%m-%d %H:%M")


class RegistrationIndexView(IndexView):
    """The attendee list and its export: statuses in words, times in the network's zone
    without seconds (the CSV had raw codes and UTC times with microseconds)."""

    custom_field_preprocess = {
        "status": {
            IndexView.FORMAT_CSV: lambda value: str(RegistrationStatus(value).label),
            IndexView.FORMAT_XLSX: lambda value: str(RegistrationStatus(value).label),
        }
    }
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: spreadsheet_time,
            IndexView.FORMAT_XLSX: lambda value: timezone.make_naive(value, network_zone()),
        },
    }
    time_fields = {"registered_at", "promoted_at", "cancelled_at"}

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        return f"{heading} ({network_zone()})" if field in self.time_fields else heading


class RegistrationViewSet(ModelViewSet):
    """Cancelled registrations stay in the list (filter by status), so staff see who
    gave up a place."""

    model = Registration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    list_display = [
        "name",
        "email",
        "event",
        "status",
        NetworkTimeColumn("registered_at", label=_("Registered at"), sort_key="registered_at"),
    ]
    list_filter = ["event", "status"]
    list_export = [
        "event",
        "name",
        "email",
        "status",
        "registered_at",
        "promoted_at",
        "cancelled_at",
    ]
    export_headings = {
        "event": _("Event"),
        "name": _("Name"),
        "email": _("Email"),
        "status": _("Status"),
        "registered_at": _("Registered at"),
        "promoted_at": _("Moved off the waiting list at"),
        "cancelled_at": _("Cancelled at"),
    }
    export_filename = "registrations"
    copy_view_enabled = False
    form_fields = ["status"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Registration.objects.select_related("user", "event"), **kwargs
        )
