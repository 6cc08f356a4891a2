import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from events.choices import ANNOUNCED_STATUSES, CHANNEL_TEXT_LIMITS, Channel, PostStatus
from portal.querysets import private_pages

from .stops import TourStop


class TakeoverPostQuerySet(models.QuerySet):
    def public(self, today=None):
        """Approved posts whose day has come, and everything already posted, but for
        those of a city in a private section."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(status=PostStatus.PUBLISHED)
            | models.Q(status=PostStatus.APPROVED, day__lte=today),
            stop__status__in=ANNOUNCED_STATUSES,
            stop__tour__live=True,
        ).exclude(stop__city__in=private_pages())

    def editable_by(self, user):
        if user.has_perm("events.approve_takeoverpost"):
            return self
        return self.filter(stop__in=TourStop.objects.edited_by(user))


class TakeoverPost(ClusterableModel):
    """One day's post on one channel, written by the city and approved by the network.
    A cluster, so that its related practices are chosen in the form, one by one from
    Wagtail's page chooser (TakeoverPostPractice)."""

    stop = models.ForeignKey(
        TourStop, on_delete=models.CASCADE, related_name="posts", verbose_name=_("takeover week")
    )
    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    text = models.TextField(
        _("text"), help_text=_("Plain text. Line breaks are kept; links become clickable.")
    )
    image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    link = models.URLField(_("link"), blank=True)
    related_practices = models.ManyToManyField(
        "practices.PracticePage",
        blank=True,
        through="TakeoverPostPractice",
        related_name="takeover_posts",
        verbose_name=_("related practices"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TakeoverPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("takeover post")
        verbose_name_plural = _("takeover posts")
        ordering = ["day", "channel", "pk"]
        permissions = [("approve_takeoverpost", _("Can approve takeover posts"))]

    def __str__(self):
        return f"{self.stop.city} · {self.day:%Y-%m-%d} · {self.get_channel_display()}"

    @property
    def text_limit(self):
        return CHANNEL_TEXT_LIMITS.get(self.channel)

    def clean(self):
        super().clean()
        errors = {}
        if self.stop_id and self.day and self.day not in self.stop.days():
            errors["day"] = _("Choose a day of the city's takeover week, %(start)s to %(end)s.") % {
                "start": self.stop.week_start,
                "end": self.stop.week_end,
            }
        if self.stop_id and self.channel and self.channel not in self.stop.tour.channels:
            errors["channel"] = _("This tour does not use that channel.")
        if self.text and self.text_limit and len(self.text) > self.text_limit:
            errors["text"] = _(
                "%(channel)s takes at most %(limit)s characters; this text has %(count)s."
            ) % {
                "channel": self.get_channel_display(),
                "limit": self.text_limit,
                "count": len(self.text),
            }
        if self.link and any(unicodedata.category(char) == "Cf" for char in self.link):
            # Right-to-left overrides and other invisible characters make a link read as
            # something else than where it leads.
            errors["link"] = _("A link cannot contain invisible formatting characters.")
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)


class TakeoverPostPractice(Orderable):
    """A practice a takeover post points its readers to. It keeps the table and columns
    of the many-to-many relation it replaced (migration 0007), so no post lost its
    practices."""

    post = ParentalKey(
        TakeoverPost,
        on_delete=models.CASCADE,
        related_name="practice_links",
        db_column="takeoverpost_id",
    )
    # Readers follow the link to the public page, so only a published practice will do.
    practice = models.ForeignKey(
        "practices.PracticePage",
        on_delete=models.CASCADE,
        related_name="+",
        db_column="practicepage_id",
        limit_choices_to={"live": True},
        verbose_name=_("practice"),
    )

    class Meta(Orderable.Meta):
        db_table = "events_takeoverpost_related_practices"
        unique_together = [("post", "practice")]
        verbose_name = _("related practice")
        verbose_name_plural = _("related practices")
