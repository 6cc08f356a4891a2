"""Checks on uploaded files by what they contain, not by what they are called."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal.content_checks import validate_pdf_content

MAX_DECISION_DOCUMENT_SIZE = 10 * 1024 * 1024


def validate_pdf(upload):
    """A well-formed PDF of at most 10 MB with nothing else hidden in it, whatever its
    name or the content type the browser claimed (``portal.validators``)."""
    if upload.size > MAX_DECISION_DOCUMENT_SIZE:
        raise ValidationError(
            _("The file is %(size)s; the largest we accept is %(limit)s."),
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_DECISION_DOCUMENT_SIZE),
            },
            code="too_large",
        )
    validate_pdf_content(
        upload, _("This file is not a PDF. Save or export the decision as PDF and try again.")
    )


phone_number = RegexValidator(
    r"^\+?[0-9 ()\-]{6,30}$",
    _("Enter a phone number with digits, spaces and an optional + at the start."),
)

# Case references look like "KS 2018/550", "Dnr 2019:123" or "2020-04-11/17".
case_reference = RegexValidator(
    r"^(?=.*\d)[\w .:/\-]{3,60}$",
    _("Enter the reference as written on the decision, for example KS 2018/550."),
)
