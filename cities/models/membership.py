import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cities.validators import case_reference, phone_number, validate_pdf
from portal.models import CharterGoal

from .pages import CityPage, Country


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


def private_storage():
    """Decision documents are not public: they are kept outside MEDIA_ROOT and served
    to network staff only, through the admin."""
    return storages["private"]


def decision_document_path(instance, filename):
    """A generated name: the one the applicant's file had is theirs to choose, can say
    anything and can collide with another city's."""
    return f"membership/decisions/{timezone.now():%Y}/{uuid.uuid4().hex}.pdf"


class MembershipApplication(models.Model):
    """A city's application to join the network, backed by a decision of its government."""

    city_name = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_role = models.CharField(
        _("role"),
        max_length=160,
        help_text=_("For example: coordinator against violent extremism"),
    )
    contact_email = models.EmailField(_("email"))
    contact_phone = models.CharField(_("phone"), max_length=40, validators=[phone_number])
    deciding_body = models.CharField(
        _("deciding body"),
        max_length=200,
        help_text=_("For example: the city executive board (kommunstyrelsen)"),
    )
    case_reference = models.CharField(
        _("case reference"),
        max_length=60,
        validators=[case_reference],
        help_text=_("The decision's reference number, for example KS 2018/550"),
    )
    decision_date = models.DateField(_("decision date"))
    decision_document = models.FileField(
        _("decision document (PDF)"),
        storage=private_storage,
        upload_to=decision_document_path,
        validators=[validate_pdf],
    )
    prioritised_goals = models.ManyToManyField(
        CharterGoal,
        related_name="+",
        verbose_name=_("charter goals the city wants to prioritise"),
    )
    motivation = models.TextField(_("motivation"), max_length=4000)
    accepts_charter = models.BooleanField(_("accepts the charter"), default=False)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen by network staff only.")
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    city_page = models.ForeignKey(
        CityPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("city page"),
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("editors group"),
    )

    # The status changes only through Approve and Decline, which do what the status says
    # (set up the city and its editors, or tell the applicant why not).
    panels = [FieldPanel("status", read_only=True), FieldPanel("internal_notes")]

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.city_name} ({self.get_country_display()})"

    @property
    def is_decided(self):
        return self.status in {ApplicationStatus.APPROVED, ApplicationStatus.DECLINED}
