from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """The portal's image: every image carries a credit, and a description used as alt text."""

    credit = models.CharField(max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    # Wagtail 8.0 writes every rendition it found in the cache back to the cache: a
    # round trip to Redis per photo on every page. Wagtail 8.1 stops that (wagtail#14541);
    # these two methods do what it does and go when the portal moves to it.

    def get_rendition(self, filter):
        """One rendition, as ``get_renditions`` finds, makes and caches it."""
        return next(iter(self.get_renditions(filter).values()))

    def find_existing_renditions(self, *filters):
        """Wagtail's, with the renditions found in the cache marked as such."""
        if self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        Rendition = self.get_rendition_model()
        by_key = {
            Rendition.construct_cache_key(self, filter.get_cache_key(self), filter.spec): filter
            for filter in filters
        }
        found = {}
        for key, rendition in Rendition.cache_backend.get_many(list(by_key)).items():
            rendition.image = self
            rendition._from_cache = True
            found[by_key[key]] = rendition
        if missing := [filter for filter in filters if filter not in found]:
            found.update(super().find_existing_renditions(*missing))
        return found


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PortalDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields
