from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Speaker(models.Model):
    """Someone who speaks at the network's events; chosen in events' programmes."""

    name = models.CharField(_("name"), max_length=120)
    photo = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("The image's description is its alternative text; it must have one."),
    )
    title = models.CharField(_("title"), max_length=160, blank=True, help_text=_("Job title."))
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    bio = models.TextField(_("biography"), blank=True, max_length=1500)

    panels = [
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("organisation")]),
        FieldPanel("bio"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not (self.photo.description or "").strip():
            raise ValidationError(
                {
                    "photo": _(
                        "This photo has no description. Add one to the image first: "
                        "screen readers read it out instead of the photo."
                    )
                }
            )

    @property
    def role(self):
        return ", ".join(part for part in (self.title, self.organisation) if part)


# The rendition of speakers' photos on event pages.
SPEAKER_PHOTO = "fill-160x160"
