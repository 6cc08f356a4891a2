"""Uploads are checked by content and size, and documents cannot run script in the
portal's origin."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image
from wagtail.models import Collection

from cities.models import MembershipApplication
from portal.models import PortalDocument, PortalImage
from tests.cities.test_membership_application import apply, decision_pdf
from tests.files import image_bytes, pdf_bytes

from .bad_input import file_content, files_as

PDF = pdf_bytes()
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", HTML, "File extension"),
        ("drawing.svg", SVG, "File extension"),
        ("report.pdf", HTML, "This file is not a real .pdf file"),
        ("minutes.docx", PDF, "This file is not a real .docx file"),
        ("figures.csv", HTML, "This file is not plain text"),
        ("figures.csv", b"year,count\n\x00\x00", "This file is not plain text"),
    ],
)
def test_documents_that_are_not_what_they_claim_are_refused(
    admin_client, home, name, content, message
):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PortalDocument.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("decision.pdf", PDF),
        ("figures.csv", "år,antal\nMalmö,12\n".encode()),
        ("minutes.docx", b"PK\x03\x04" + b"\x00" * 64),
    ],
)
def test_real_documents_are_accepted(admin_client, home, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PortalDocument.objects.get().file.read() == content


@pytest.mark.django_db
def test_documents_are_too_large_above_ten_megabytes(admin_client, home):
    response = upload_document(admin_client, "big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not PortalDocument.objects.exists()


@pytest.fixture
def stored_document(home):
    """A document that reached storage without the form's checks (an import, an old
    upload), to show how it would be served."""

    def store(name, content):
        return PortalDocument.objects.create(title=name, file=ContentFile(content, name=name))

    return store


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), [("page.html", HTML), ("drawing.svg", SVG)])
def test_markup_documents_are_served_as_sandboxed_downloads(client, stored_document, name, content):
    document = stored_document(name, content)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "sandbox" in policy
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db
def test_pdfs_open_in_the_browser_with_nothing_allowed_to_load(client, stored_document):
    response = client.get(stored_document("decision.pdf", PDF).url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"


def png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused_before_it_is_decoded(admin_client, home):
    bomb = png(8000, 6000)  # 48 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    response = upload_image(admin_client, "bomb.png", bomb)
    assert response.status_code == 200
    assert "pixels" in response.content.decode()
    assert not PortalImage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), [("photo.jpg", HTML), ("logo.svg", SVG)])
def test_images_are_checked_by_content(admin_client, home, name, content):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200
    assert not PortalImage.objects.exists()


@pytest.mark.django_db
def test_a_real_image_is_accepted(admin_client, home):
    response = upload_image(admin_client, "harbour.png", png(1200, 630))
    assert response.status_code == 302
    assert PortalImage.objects.get().width == 1200


@pytest.mark.django_db
@pytest.mark.parametrize("entry", files_as("pdf"))
def test_a_decision_that_is_not_only_a_well_formed_pdf_is_refused(client, home, entry):
    response = apply(client, document=decision_pdf(file_content(entry)))

    assert response.status_code == 200
    errors = response.context["form"].errors["decision_document"]
    assert errors
    assert escape(errors[0]) in response.content.decode()
    assert not MembershipApplication.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("entry", files_as("pdf"))
def test_a_pdf_document_that_is_not_only_a_well_formed_pdf_is_refused(admin_client, home, entry):
    response = upload_document(admin_client, "report.pdf", file_content(entry))

    assert response.status_code == 200
    assert not PortalDocument.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("entry", files_as("image"))
def test_an_image_with_something_after_its_end_is_refused(admin_client, home, entry):
    name = f"photo.{entry['parts'][0]}"
    response = upload_image(admin_client, name, file_content(entry))

    assert response.status_code == 200
    assert "This file holds something besides the image" in response.content.decode()
    assert not PortalImage.objects.exists()


@pytest.mark.django_db
def test_a_truncated_image_is_refused(admin_client, home):
    photo = image_bytes("JPEG", size=(300, 200))
    response = upload_image(admin_client, "photo.jpg", photo[: len(photo) // 2])

    assert response.status_code == 200
    assert "This image is damaged or incomplete" in response.content.decode()
    assert not PortalImage.objects.exists()


def animated_gif():
    buffer = io.BytesIO()
    frames = [Image.new("P", (30, 20), colour) for colour in (1, 2, 3)]
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], comment=b"walk")
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.jpg", image_bytes("JPEG")),
        ("photo.webp", image_bytes("WEBP")),
        ("photo.avif", image_bytes("AVIF")),
        ("banner.gif", animated_gif()),
    ],
)
def test_real_images_of_every_format_are_accepted(admin_client, home, name, content):
    response = upload_image(admin_client, name, content)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert PortalImage.objects.get().file.read() == content


@pytest.mark.django_db
def test_the_decision_is_stored_under_a_generated_name(client, home):
    named = decision_pdf(name="<script>alert(1)</script> Lund's decision.pdf")
    assert apply(client, document=named).status_code == 302

    stored = MembershipApplication.objects.get().decision_document.name
    assert "Lund" not in stored
    assert re.fullmatch(r"membership/decisions/\d{4}/[0-9a-f]{32}\.pdf", stored)
