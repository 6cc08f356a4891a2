"""The network's reference data: the charter's six goals and the Capital Code's four themes.

Both are created by a data migration with stable slugs, which URLs and filters rely on.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.querysets import ReferenceTermQuerySet

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))


class ReferenceTerm(TranslatableMixin, index.Indexed, models.Model):
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in web addresses; do not change it.")
    )
    description = models.TextField(_("description"))
    colour = models.CharField(
        _("colour"),
        max_length=7,
        validators=[hex_colour],
        help_text=_("Dark enough for white text on it (contrast 4.5:1 or more)."),
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("colour"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]
    # Translators translate the name and description; web addresses, filters and badges
    # rely on the slug and colour being the same in every language.
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("colour", overridable=False),
    ]

    objects = ReferenceTermQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["number"]

    def __str__(self):
        return self.name


class CharterGoal(ReferenceTerm):
    """One of the six goals of the network's charter that every member city strives for."""

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("charter goal")
        verbose_name_plural = _("charter goals")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_charter_goal_slug")
        ]


class CapitalCodeTheme(ReferenceTerm):
    """One of the four themes of the Capital Code (2021)."""

    related_goals = models.ManyToManyField(
        CharterGoal,
        blank=True,
        related_name="capital_code_themes",
        verbose_name=_("related charter goals"),
        help_text=_("The charter goals this theme puts into practice; shown on the crosswalk."),
    )

    panels = [*ReferenceTerm.panels, FieldPanel("related_goals")]

    class Meta(ReferenceTerm.Meta):
        verbose_name = _("Capital Code theme")
        verbose_name_plural = _("Capital Code themes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_capital_theme_slug")
        ]
