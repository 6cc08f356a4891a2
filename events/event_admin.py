"""The admin for summits and events: speakers as snippets, and the attendee lists.

Attendee lists hold personal data: they need the ``view_registration`` permission,
which network staff have and city editors do not (setup_site). Each event's page in the
admin links to its own list, which staff can export as CSV or Excel.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EventPage, Registration, Speaker


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "organisation"]
    search_backend_name = None


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "email", "event", "status", "registered_at"]
    list_filter = ["event", "status"]
    list_export = ["event", "name", "email", "status", "registered_at", "promoted_at"]
    export_headings = {
        "event": _("Event"),
        "name": _("Name"),
        "email": _("Email"),
        "status": _("Status"),
        "registered_at": _("Registered at"),
        "promoted_at": _("Moved off the waiting list at"),
    }
    export_filename = "registrations"
    copy_view_enabled = False
    form_fields = ["status"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Registration.objects.select_related("user", "event"), **kwargs
        )


registration_viewset = RegistrationViewSet("events_registration")


def register_event_admin():
    register_snippet(SpeakerViewSet)

    @hooks.register("register_admin_viewset")
    def register_registration_viewset():
        return registration_viewset

    @hooks.register("register_page_header_buttons")
    def attendees_button(page, user, view_name, next_url=None):
        event = page.specific_deferred
        if isinstance(event, EventPage) and user.has_perm("events.view_registration"):
            holder = event.registration_event()
            yield Button(
                _("Attendees"),
                url=reverse("events_registration:index") + f"?event={holder.pk}",
                icon_name="group",
                priority=6,
            )
