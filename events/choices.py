"""The events app's vocabularies: the kinds of event, where and in what language they are
held, where a registration stands, and a takeover tour's channels and statuses.

They live outside the models package so that the modules the pages call (the filter,
the registration rules, the calendar and the feeds) can use them without importing the
models, which import those modules."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    EXPERIENCE_EXCHANGE = "exchange", _("Experience exchange")
    SAFETY_WALK = "safety_walk", _("Safety walk")
    NETWORK_MEETING = "meeting", _("Network meeting")


# The time zones in which member cities hold events.
NORDIC_TIME_ZONES = [
    ("Atlantic/Reykjavik", _("Iceland (Reykjavik)")),
    ("Atlantic/Faroe", _("Faroe Islands")),
    ("America/Nuuk", _("Greenland (Nuuk)")),
    ("Europe/Copenhagen", _("Denmark (Copenhagen)")),
    ("Europe/Oslo", _("Norway (Oslo)")),
    ("Europe/Stockholm", _("Sweden (Stockholm)")),
    ("Europe/Helsinki", _("Finland (Helsinki)")),
    ("Europe/Mariehamn", _("Åland (Mariehamn)")),
    ("Europe/Brussels", _("Brussels")),
]


# The languages events are held in: the network's working language and the five Nordic ones.
EVENT_LANGUAGES = [
    ("en", _("English")),
    ("sv", _("Swedish")),
    ("da", _("Danish")),
    ("nb", _("Norwegian")),
    ("fi", _("Finnish")),
    ("is", _("Icelandic")),
]


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    # Kept, not deleted, so that staff see who gave up a place (purge_attendees removes
    # it with the rest after the event).
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationState(models.TextChoices):
    """Where an event's registration stands, as its page tells visitors."""

    NONE = "none", _("No registration on the portal")
    NOT_YET_OPEN = "not_yet_open", _("Registration not yet open")
    OPEN = "open", _("Registration open")
    FULL = "full", _("Full: waiting list")
    CLOSED = "closed", _("Registration closed")


# A takeover week runs Monday to Friday.
TAKEOVER_DAYS = 5


class Channel(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X (Twitter)"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"


# What each channel accepts in one post, in characters.
CHANNEL_TEXT_LIMITS = {
    Channel.LINKEDIN: 3000,
    Channel.X: 280,
    Channel.INSTAGRAM: 2200,
    Channel.FACEBOOK: 63206,
    Channel.MASTODON: 500,
    Channel.BLUESKY: 300,
}


class StopStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    PREPARING = "preparing", _("Preparing")
    LIVE = "live", _("Live")
    DONE = "done", _("Done")


# A proposed stop is still being negotiated with the city; the public sees the others.
ANNOUNCED_STATUSES = [
    StopStatus.CONFIRMED,
    StopStatus.PREPARING,
    StopStatus.LIVE,
    StopStatus.DONE,
]


class TourPhase(models.TextChoices):
    """Where a tour stands, said in words wherever it is shown."""

    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running now")
    ENDED = "ended", _("Ended")


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
