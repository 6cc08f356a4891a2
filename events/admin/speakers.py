"""The speakers at the network's events, chosen in events' programmes: a snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Speaker


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "organisation"]
    search_backend_name = None
