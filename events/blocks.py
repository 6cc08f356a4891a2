"""An event's programme, as the StreamField blocks editors fill in."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ProgrammeSessionBlock(blocks.StructBlock):
    """One item of an event's programme."""

    day = blocks.DateBlock(
        label=_("Day"), required=False, help_text=_("For events of more than one day.")
    )
    start_time = blocks.TimeBlock(label=_("Starts"))
    end_time = blocks.TimeBlock(label=_("Ends"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    room = blocks.CharBlock(label=_("Room"), required=False, max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)
    speakers = blocks.ListBlock(
        SnippetChooserBlock("events.Speaker"), label=_("Speakers"), default=[]
    )
    practices = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticePage"),
        label=_("Related practices"),
        default=[],
    )

    class Meta:
        icon = "time"
        label = _("Session")


class ProgrammeBlock(blocks.StreamBlock):
    session = ProgrammeSessionBlock()


def programme_session(
    title,
    start_time,
    *,
    day=None,
    end_time=None,
    room="",
    speakers=(),
    practices=(),
    description="",
):
    """A programme item in its stored form: ``programme=[programme_session(...)]``."""
    return (
        "session",
        {
            "day": day,
            "start_time": start_time,
            "end_time": end_time,
            "title": title,
            "room": room,
            "description": description,
            "speakers": list(speakers),
            "practices": list(practices),
        },
    )
