"""Registering for events: places up to the event's capacity, then a waiting list whose
people move up in order when someone cancels.

Every change happens inside a transaction that first locks the event's row
(``SELECT ... FOR UPDATE``), so two people can never take the last place at once; the
unique constraint on (event, person) is the second guard against double registration.

The event's page calls these from its routes, so they reach the registrations through
the event (``event.registrations``) and import no model.
"""

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.emails import send_templated_email
from portal.roles import MEMBERS, NETWORK_STAFF, city_editors_group_name
from portal.timezones import zoned_datetime

from .choices import RegistrationState, RegistrationStatus


class RegistrationRefused(Exception):
    """Registration is not possible; the message says why, for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def belongs_to_member_city(user):
    """True for the network's staff, the editors of a member city, and the people staff
    put in the Members group: those who may register for members-only events."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        Group.objects.filter(user=user)
        .filter(
            Q(name__in=[NETWORK_STAFF, MEMBERS]) | Q(name__endswith=city_editors_group_name(""))
        )
        .exists()
    )


def _locked(event):
    """The event again (in the working language, which holds every translation's
    registrations), its row locked until the transaction ends. Only the event's own
    table is locked, not Wagtail's page row, so editors can keep working."""
    holder = event.registration_event()
    return type(holder).objects.select_for_update(of=("self",)).get(pk=holder.pk)


def register(event, user, now=None):
    """Give the person a place, or a place on the waiting list when the event is full.
    Registering twice returns the existing registration."""
    if not user.is_authenticated:
        raise RegistrationRefused(_("Sign in to register."))
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(event)
        existing = event.registrations.filter(user=user).first()
        if existing and existing.status != RegistrationStatus.CANCELLED:
            return existing
        state = event.registration_state(now=now)
        if state == RegistrationState.NONE:
            raise RegistrationRefused(_("This event does not take registrations here."))
        if state == RegistrationState.NOT_YET_OPEN:
            raise RegistrationRefused(
                _("Registration has not opened yet. It opens on %(date)s.")
                % {"date": _format(event.registration_opens, event)}
            )
        if state == RegistrationState.CLOSED:
            raise RegistrationRefused(_("Registration for this event has closed."))
        if event.members_only and not belongs_to_member_city(user):
            raise RegistrationRefused(
                _(
                    "This event is for member cities only. If you work for a member city, "
                    "ask the network's staff to add you to the members."
                )
            )
        status = (
            RegistrationStatus.WAITING
            if state == RegistrationState.FULL
            else RegistrationStatus.CONFIRMED
        )
        if existing:
            # Someone who cancelled and comes back joins at the end of the line.
            existing.status = status
            existing.registered_at = now
            existing.promoted_at = existing.cancelled_at = None
            existing.save(update_fields=["status", "registered_at", "promoted_at", "cancelled_at"])
            return existing
        try:
            with transaction.atomic():
                return event.registrations.create(user=user, status=status, registered_at=now)
        except IntegrityError:
            return event.registrations.get(user=user)


def cancel(event, user, now=None):
    """Give up the person's place (or place in line); the first people waiting move up.
    Returns the registrations promoted. Cancelling without a registration does nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(event)
        registration = event.registration_of(user)
        if registration is None:
            return []
        if event.has_ended:
            raise RegistrationRefused(_("The event is over; registrations can no longer change."))
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        return promote_from_waiting_list(event, now=now, locked=True)


def promote_from_waiting_list(event, now=None, locked=False):
    """Move people from the waiting list into the free places, first come first served,
    and email each of them once the change is committed. Call it after raising an
    event's capacity too."""
    now = now or timezone.now()
    with transaction.atomic():
        if not locked:
            event = _locked(event)
        if event.has_ended:
            return []
        waiting = event.registrations.filter(status=RegistrationStatus.WAITING)
        if event.capacity is None:
            promoted = list(waiting)
        else:
            free = max(event.capacity - event.confirmed_count(), 0)
            promoted = list(waiting.select_related("user")[:free]) if free else []
        for registration in promoted:
            registration.status = RegistrationStatus.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
            transaction.on_commit(lambda r=registration: _tell_promoted(r))
        return promoted


def _format(value, event):
    return zoned_datetime(value, event.venue_zone)


def _tell_promoted(registration):
    event = registration.event
    send_templated_email(
        "events/emails/registration_promoted",
        [registration.user.email],
        {"registration": registration, "event": event, "event_url": event.get_full_url()},
    )
