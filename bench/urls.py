"""The portal's URLs, the ceiling view every figure is compared with, and the media files
(which production serves from S3 or the web server, see docs/deploy.md)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns

# 20 KB of HTML, built once: the most a Django view under the same server, middleware
# and workers can serve.
CEILING_HTML = (
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Ceiling</title></head>"
    "<body><main>"
    + "<p>A fixed page for the ceiling of requests per second.</p>" * 360
    + "</main></body></html>"
)[:20_000].encode()


def ceiling(request):
    return HttpResponse(CEILING_HTML)


urlpatterns = [
    path("__ceiling__/", ceiling, name="bench-ceiling"),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
