from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """The portal's image: every image carries a credit, and a description used as alt text."""

    credit = models.CharField(max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PortalDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields
