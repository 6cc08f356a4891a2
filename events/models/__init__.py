from .events import NORDIC_TIME_ZONES, EventIndexPage, EventKind, EventPage, EventPageQuerySet
from .tours import TAKEOVER_DAYS, Channel, TourIndexPage, TourPage, TourStop, TourStopQuerySet

__all__ = [
    "NORDIC_TIME_ZONES",
    "TAKEOVER_DAYS",
    "Channel",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageQuerySet",
    "TourIndexPage",
    "TourPage",
    "TourStop",
    "TourStopQuerySet",
]
