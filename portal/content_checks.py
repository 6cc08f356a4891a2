"""Uploads checked by what they contain, not only by what they are called.

Wagtail already refuses extensions outside ``WAGTAILDOCS_EXTENSIONS`` and files above
``WAGTAILDOCS_MAX_UPLOAD_SIZE``, and reads an image's format, size and pixel count
before accepting it. That still lets through files that are two things at once: a web
page renamed ``report.pdf``, a PDF or a GIF with a web page appended after its end, a
PDF that is also a zip archive. Such a file is harmless while it is served as what it
claims to be, but not once it is saved, forwarded or sniffed by another program. So a
PDF must be read whole by a PDF parser (pypdf) and an image decoded whole by Pillow,
each must end where its format says it ends, and neither may carry web page markup.
"""

import io
import struct
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject, NullObject

PDF_SIGNATURE = b"%PDF-"
# Web page markup a browser might run if it ever took the file for a page. Not "<?xml":
# the XMP metadata of PDFs and images may begin with it.
EMBEDDED_MARKUP_MARKERS = (b"<html", b"<script", b"<svg", b"<!doctype", b"<body", b"<iframe")
PDF_END = b"%%EOF"
# What may follow a file's last byte: line ends and padding that some writers add.
PADDING = b"\r\n\t \x00\x0c"

DAMAGED_PDF = _(
    "This PDF is damaged or incomplete. Save or export it as PDF again and upload the new file."
)
DAMAGED_IMAGE = _("This image is damaged or incomplete. Save it again and upload the new file.")
SOMETHING_BESIDES_THE_PDF = _(
    "This file holds something besides the PDF (data after its end, another file format, "
    "attachments or scripts). Save or export it as PDF again and upload the new file."
)
SOMETHING_BESIDES_THE_IMAGE = _(
    "This file holds something besides the image (data after its end or web page code). "
    "Save it again and upload the new file."
)


def has_embedded_markup(data):
    lowered = data.lower()
    return any(marker in lowered for marker in EMBEDDED_MARKUP_MARKERS)


def validate_pdf_content(upload, not_a_pdf):
    """A well-formed PDF and nothing else: it starts with the PDF signature (not merely
    somewhere in its first kilobyte, which Acrobat tolerates and HTML can fake inside a
    comment), pypdf reads its structure and every page without repairing anything,
    nothing but padding follows its last ``%%EOF``, no zip archive or web page markup
    is folded into it, and it carries no attachments or scripts."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not data.startswith(PDF_SIGNATURE):
        raise ValidationError(not_a_pdf, code="not_pdf")
    end = data.rfind(PDF_END)
    if end == -1:
        raise ValidationError(DAMAGED_PDF, code="damaged_pdf")
    if data[end + len(PDF_END) :].strip(PADDING) or has_embedded_markup(data):
        raise ValidationError(SOMETHING_BESIDES_THE_PDF, code="hidden_content")
    if zipfile.is_zipfile(io.BytesIO(data)):
        raise ValidationError(SOMETHING_BESIDES_THE_PDF, code="hidden_content")
    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        if not reader.pages:
            raise ValidationError(DAMAGED_PDF, code="damaged_pdf")
        catalog = reader.root_object
        # Exporters often open a PDF at a page with an OpenAction; only a script counts.
        opening = catalog.get("/OpenAction", NullObject()).get_object()
        scripts = ("/Names" in catalog and "/JavaScript" in catalog["/Names"]) or (
            isinstance(opening, DictionaryObject) and opening.get("/S") == "/JavaScript"
        )
        if reader.attachments or scripts:
            raise ValidationError(SOMETHING_BESIDES_THE_PDF, code="hidden_content")
    except (PyPdfError, KeyError, ValueError, TypeError) as error:
        # pypdf raises its own errors for a broken structure, and lookup errors when an
        # object it follows is missing or of the wrong type.
        raise ValidationError(DAMAGED_PDF, code="damaged_pdf") from error


def _png_end(data):
    """The offset after a PNG's IEND chunk: each chunk is length, type, data and CRC."""
    offset = 8
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        chunk_type = data[offset + 4 : offset + 8]
        offset += 12 + length
        if chunk_type == b"IEND":
            return offset
    return None


def _gif_sub_blocks_end(data, offset):
    while offset < len(data) and data[offset]:
        offset += data[offset] + 1
    return offset + 1


def _gif_end(data):
    """The offset after a GIF's trailer byte, found by walking its blocks."""
    flags = data[10]
    offset = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while offset < len(data):
        introducer = data[offset]
        if introducer == 0x3B:  # the trailer
            return offset + 1
        if introducer == 0x21:  # an extension: label, then sub-blocks
            offset = _gif_sub_blocks_end(data, offset + 2)
        elif introducer == 0x2C:  # an image: descriptor, colour table, LZW size, data
            flags = data[offset + 9]
            offset += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
            offset = _gif_sub_blocks_end(data, offset + 1)
        else:
            return None
    return None


def _riff_end(data):
    """A WebP is a RIFF file that states its own size."""
    (size,) = struct.unpack("<I", data[4:8])
    return 8 + size + (size & 1)


def _iso_boxes_end(data):
    """AVIF and HEIC are ISO media files: top-level boxes, each stating its size."""
    offset = 0
    while offset + 8 <= len(data):
        (size,) = struct.unpack(">I", data[offset : offset + 4])
        if size == 1:
            (size,) = struct.unpack(">Q", data[offset + 8 : offset + 16])
        elif size == 0:  # the last box runs to the end of the file
            return len(data)
        if size < 8:
            return None
        offset += size
    return offset


def _jpeg_end(data):
    """A JPEG ends with its end-of-image marker; a multi-picture file with its last
    picture's."""
    return len(data) if data.endswith(b"\xff\xd9") else None


IMAGE_ENDS = {
    "PNG": _png_end,
    "GIF": _gif_end,
    "WEBP": _riff_end,
    "AVIF": _iso_boxes_end,
    "HEIF": _iso_boxes_end,
    "JPEG": _jpeg_end,
    "MPO": _jpeg_end,
}


def validate_image_content(upload):
    """An image Pillow decodes whole, every frame of it, which ends where its format
    says it ends (nothing but padding after) and holds no web page markup."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
    find_end = IMAGE_ENDS.get(image_format)
    try:
        end = find_end(data) if find_end else len(data)
    except (IndexError, struct.error):
        end = None
    if end is None or data[end:].strip(PADDING) or has_embedded_markup(data):
        raise ValidationError(SOMETHING_BESIDES_THE_IMAGE, code="hidden_content")
