"""Registering for and cancelling an event: one POST each (cancelling asks first, on a
page of its own), from the event's page (the page's routes call these). The domain rules
live in events.registration."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.views import serve as wagtail_serve

from .models import RegistrationStatus
from .registration import RegistrationRefused
from .registration import cancel as cancel_registration
from .registration import register as register_for


def _guard(request, event):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        # Back to the event's page after signing in, where one more click registers.
        return redirect_to_login(event.get_url(request))
    return None


def register(request, event):
    if refusal := _guard(request, event):
        return refusal
    try:
        registration = register_for(event, request.user)
    except RegistrationRefused as refused:
        messages.error(request, refused.message)
    else:
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.info(
                request,
                _(
                    "The event is full, so you are on the waiting list. We will email you "
                    "if a place becomes free."
                ),
            )
    return redirect(event.get_url(request))


def cancel(request, event):
    """GET asks first, saying what happens to the place; only the POST from that page
    cancels."""
    if request.method == "GET":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        registration = event.registration_event().registration_of(request.user)
        if registration is None or event.has_ended:
            return redirect(event.url)
        return event.render(
            request,
            template="events/cancel_registration.html",
            context_overrides={"registration": registration},
        )
    if refusal := _guard(request, event):
        return refusal
    try:
        cancel_registration(event, request.user)
    except RegistrationRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(event.get_url(request))


def calendar_file(request, path):
    """Serve "<page>/calendar.ics" through Wagtail, so the page's own checks (live,
    privacy, the visitor's language) apply as to the page itself."""
    return wagtail_serve(request, path + "calendar/")
