"""The events app's place in the Wagtail admin: tour scheduling and takeover posts, and
event registrations."""


# --- Summits and events: speakers and attendee lists (events.event_admin) ---------------

from .event_admin import register_event_admin  # noqa: E402 (kept apart from the tours' part)

register_event_admin()
