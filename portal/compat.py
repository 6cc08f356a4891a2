"""The portal's only uses of names Wagtail does not publish, each kept because no public
way gives what it saves, and each with a test in tests/portal/test_compat.py that fails
when Wagtail changes what it relies on. Anything else uses public API only.
"""


def remember_site(request, site):
    """Have ``Site.find_for_request(request)`` answer ``site`` without a query.

    Wagtail finds the site of a request with a query, and Wagtail's own routing then reads
    the site's home page as its own type and the active locale with two more: three
    queries on every page that is not served from the page cache, out of 9 to 23. The
    site's structure (``portal.routing.site_for_request``) holds all three without one.
    Wagtail keeps the site it found on the request under this attribute since
    wagtail/wagtail#5673, and has no public way to hand it one; caching the lookup itself
    was proposed and closed unmerged (wagtail/wagtail#4142).
    """
    request._wagtail_site = site
