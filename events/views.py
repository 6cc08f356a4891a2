from wagtail.views import serve as wagtail_serve


def calendar_file(request, path):
    """Serve "<page>/calendar.ics" through Wagtail, so the page's own checks (live,
    privacy, the visitor's language) apply as to the page itself."""
    return wagtail_serve(request, path + "calendar/")
