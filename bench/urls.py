"""The portal's URLs and the media files (which production serves from S3 or the web
server, see docs/deploy.md)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from website.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
