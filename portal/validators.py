"""Documents and images checked by what they contain, not only by what they are called.

Wagtail already refuses extensions outside ``WAGTAILDOCS_EXTENSIONS`` and files above
``WAGTAILDOCS_MAX_UPLOAD_SIZE``, and reads an image's format, size and pixel count
before accepting it. The forms here add the content checks: a web page renamed
``report.pdf`` is refused, and so is a PDF or an image with something else hidden in it
(``portal.content_checks``).
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .content_checks import (
    DAMAGED_IMAGE,
    PDF_SIGNATURE,
    validate_image_content,
    validate_pdf_content,
)

ZIP_SIGNATURE = b"PK\x03\x04"
# The first bytes each accepted extension's files begin with. Office Open XML and
# OpenDocument files are zip archives.
SIGNATURES = {
    "pdf": PDF_SIGNATURE,
    "docx": ZIP_SIGNATURE,
    "pptx": ZIP_SIGNATURE,
    "xlsx": ZIP_SIGNATURE,
    "odt": ZIP_SIGNATURE,
}
# Markup a browser might run if it ever ignored the declared content type.
MARKUP_MARKERS = (b"<html", b"<script", b"<svg", b"<!doctype", b"<?xml", b"<body", b"<iframe")


def validate_document_content(upload):
    """The file's first bytes must match its extension; text files must be UTF-8 text
    without markup."""
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if extension in SIGNATURES:
        mismatch = ValidationError(
            _(
                "This file is not a real .%(extension)s file. Save or export it "
                "again in that format and upload it once more."
            ),
            params={"extension": extension},
            code="content_mismatch",
        )
        if extension == "pdf":
            validate_pdf_content(upload, mismatch)
        elif not head.startswith(SIGNATURES[extension]):
            raise mismatch
        return
    # CSV and any other text format.
    lowered = head.lower()
    if b"\x00" in head or any(marker in lowered for marker in MARKUP_MARKERS):
        raise ValidationError(
            _("This file is not plain text (it contains web page markup or binary data)."),
            code="content_mismatch",
        )
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the sample is fine.
        if error.start < len(head) - 3:
            raise ValidationError(
                _("Save the file as UTF-8 text and upload it again."), code="not_utf8"
            ) from error


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) with the content
    check on the file."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            validate_document_content(upload)
        return upload


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, which reads the image's format and size, then the content
    check. A truncated file makes Willow raise OSError while Wagtail counts its pixels
    (a server error in Wagtail 8.0); here it is a damaged image like any other."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except OSError as error:
            raise ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
        if upload is not None:
            validate_image_content(upload)
        return upload


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) with the checked field,
    for uploads one by one, several at once and from the chooser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Built per form, as Wagtail builds its own, so that its help text is in the
            # editor's language and its limits follow the settings.
            generated = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=generated.label, required=generated.required, widget=generated.widget
            )
