"""Real files for upload tests, made by the libraries that read them back."""

import io

from PIL import Image
from pypdf import PdfWriter


def pdf_bytes(pages=1):
    """A well-formed PDF of blank A4 pages."""
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(image_format="PNG", size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    return buffer.getvalue()
