"""The events app's models, importable from here as from one module: the event pages
and their registrations and speakers, and the takeover tours with their stops and posts.
The vocabularies (events.choices) and the programme's blocks (events.blocks) are
re-exported for the same reason."""

from events.blocks import ProgrammeBlock, ProgrammeSessionBlock, programme_session
from events.choices import (
    ANNOUNCED_STATUSES,
    CHANNEL_TEXT_LIMITS,
    EVENT_LANGUAGES,
    NORDIC_TIME_ZONES,
    TAKEOVER_DAYS,
    Channel,
    EventKind,
    PostStatus,
    RegistrationState,
    RegistrationStatus,
    StopStatus,
    TourPhase,
)
from events.filters import EventFilter

from .events import EventIndexPage, EventPage, EventPageQuerySet
from .posts import TakeoverPost, TakeoverPostPractice
from .registration import Registration
from .speakers import Speaker
from .stops import TourReminder, TourStop, TourStopQuerySet, cities_edited_by
from .tours import TourBreak, TourIndexPage, TourPage, monday_of

__all__ = [
    "ANNOUNCED_STATUSES",
    "CHANNEL_TEXT_LIMITS",
    "EVENT_LANGUAGES",
    "NORDIC_TIME_ZONES",
    "TAKEOVER_DAYS",
    "Channel",
    "EventFilter",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageQuerySet",
    "PostStatus",
    "ProgrammeBlock",
    "ProgrammeSessionBlock",
    "Registration",
    "RegistrationState",
    "RegistrationStatus",
    "Speaker",
    "StopStatus",
    "TakeoverPost",
    "TakeoverPostPractice",
    "TourBreak",
    "TourIndexPage",
    "TourPage",
    "TourPhase",
    "TourReminder",
    "TourStop",
    "TourStopQuerySet",
    "cities_edited_by",
    "monday_of",
    "programme_session",
]
