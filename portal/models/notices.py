from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    APPLICATION_SUBMITTED = "application_submitted", _("Membership application submitted")
    PRACTICE_SUBMITTED = "practice_submitted", _("Practice submitted for moderation")
    PRACTICE_APPROVED = "practice_approved", _("Practice approved")
    PRACTICE_RETURNED = "practice_returned", _("Practice sent back for changes")
    POST_SUBMITTED = "post_submitted", _("Takeover post submitted")
    POST_APPROVED = "post_approved", _("Takeover post approved")
    POST_RETURNED = "post_returned", _("Takeover post sent back for changes")


class Notice(models.Model):
    """Something a user was told (and, unless they turned that kind off, emailed): kept
    for their dashboard."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NoticeKind.choices)
    subject = models.CharField(_("subject"), max_length=255)
    message = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=500)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject
