"""The events app's place in the Wagtail admin: tour scheduling and takeover posts, and
event registrations."""
