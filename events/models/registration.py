from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import RegistrationStatus


class Registration(models.Model):
    """A person's place at an event, or on its waiting list. Marked cancelled when they
    cancel, and deleted by ``purge_attendees`` some days after the event."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("person"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved off the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        # The waiting list's order: first come, first served.
        ordering = ["registered_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_registration_per_person_and_event"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    def waiting_position(self):
        """1 for the first in line; None for confirmed registrations."""
        if self.is_confirmed:
            return None
        return (
            Registration.objects.filter(event_id=self.event_id, status=RegistrationStatus.WAITING)
            .filter(
                models.Q(registered_at__lt=self.registered_at)
                | models.Q(registered_at=self.registered_at, pk__lt=self.pk)
            )
            .count()
            + 1
        )

    @property
    def name(self):
        return self.user.get_full_name() or self.user.email

    @property
    def email(self):
        return self.user.email
