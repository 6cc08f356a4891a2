"""The ceiling of ``make bench``: a bare one-file Django project whose only view returns a
fixed 20 KiB page, with no middleware, no database and no templates. Served by the same
gunicorn settings as the portal (``bench/run.py``), it is the most a Django view can
answer on this machine, and every page's figure is given as a share of it.

    gunicorn bench.ceiling:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    SECRET_KEY="bench-ceiling-serves-one-fixed-page-and-signs-nothing",  # noqa: S106
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)

PAGE_BYTES = 20 * 1024
HTML = (
    (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Ceiling</title></head>"
        "<body><main>" + "<p>A fixed page for the ceiling of requests per second.</p>" * 400
    )[: PAGE_BYTES - len("</main></body></html>")]
    + "</main></body></html>"
).encode()


def page(request):
    return HttpResponse(HTML)


urlpatterns = [path("", page)]

application = get_wsgi_application()
