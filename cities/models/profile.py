"""What a city page lists beside its text: people to ask, the documents the city works
by, and the figures it measures itself against."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from cities.validators import phone_number


class CityContact(Orderable):
    """A person to ask at the city. Shown publicly only where the city allows it."""

    page = ParentalKey("cities.CityPage", on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"),
        max_length=160,
        help_text=_("For example: coordinator against violent extremism"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_number])
    is_public = models.BooleanField(
        _("show on the public page"),
        default=False,
        help_text=_("Only with the person's consent; otherwise network staff alone see it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("is_public"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name}, {self.role}"


class StrategyDocumentKind(models.TextChoices):
    ACTION_PLAN = "action_plan", _("Action plan")
    SAFETY_PROGRAMME = "safety_programme", _("Safety programme")
    STRATEGY = "strategy", _("Strategy")
    GUIDELINE = "guideline", _("Guideline")
    EVALUATION = "evaluation", _("Evaluation")
    OTHER = "other", _("Other")


class StrategyDocument(Orderable):
    """An action plan, safety programme or strategy the city works by."""

    page = ParentalKey(
        "cities.CityPage", on_delete=models.CASCADE, related_name="strategy_documents"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=StrategyDocumentKind.choices)
    period = models.CharField(
        _("period"), max_length=20, blank=True, help_text=_("For example: 2024–2027")
    )
    focus_areas = models.TextField(_("focus areas"), blank=True, help_text=_("One per line."))
    document = models.ForeignKey(
        "portal.PortalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    link = models.URLField(_("or a link to it"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind"), FieldPanel("period")]),
        FieldPanel("focus_areas"),
        FieldRowPanel([FieldPanel("document"), FieldPanel("link")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("strategy document")
        verbose_name_plural = _("strategy documents")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.document_id and not self.link:
            raise ValidationError(
                {"link": _("Upload the document or give a link to it, so visitors can read it.")}
            )

    def focus_area_list(self):
        return [line.strip() for line in self.focus_areas.splitlines() if line.strip()]

    @property
    def url(self):
        return self.document.url if self.document_id else self.link


class KeyFigure(Orderable):
    """One measurement of a safety indicator, such as the share of residents who feel
    unsafe in their neighbourhood at night. Several years of one indicator are charted."""

    page = ParentalKey("cities.CityPage", on_delete=models.CASCADE, related_name="key_figures")
    indicator = models.CharField(_("indicator"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, blank=True, help_text=_("For example: %"))
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("For example: the city's safety survey"),
    )

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.indicator} ({self.year})"
