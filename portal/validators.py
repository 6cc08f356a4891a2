"""Documents checked by what they contain, not only by what they are called.

Wagtail already refuses extensions outside ``WAGTAILDOCS_EXTENSIONS`` and files above
``WAGTAILDOCS_MAX_UPLOAD_SIZE``; images are checked by their content, size and pixel
count by Wagtail itself. This adds the content check for documents, so that a web page
renamed ``report.pdf`` is refused.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP_SIGNATURE = b"PK\x03\x04"
# The first bytes each accepted extension's files begin with. Office Open XML and
# OpenDocument files are zip archives.
SIGNATURES = {
    "pdf": b"%PDF-",
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
        if not head.startswith(SIGNATURES[extension]):
            raise ValidationError(
                _(
                    "This file is not a real .%(extension)s file. Save or export it "
                    "again in that format and upload it once more."
                ),
                params={"extension": extension},
                code="content_mismatch",
            )
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
