"""What a request reads once and looks up many times: the locales, the translations of
the charter's terms, the section pages that "see all" links point to.

Each is kept for the rest of the request that read it and dropped when the response
is sent, so a request sees one consistent site from start to end. The site's structure
(the locales, the restricted sections, the menu) is also kept between requests, in the
shared cache until an editor changes it (``portal.site_structure``); the rest is read again
by the next request. Outside a request (commands, the shell, tests calling a function
directly) nothing is kept.
"""

from asgiref.local import Local

_request = Local()


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Wagtail renders a preview by passing a request of its own through the middleware
        # inside the editor's request; that inner request gets a memo of its own, and the
        # outer one's is given back when the inner one ends.
        outer = getattr(_request, "memo", None)
        _request.memo = {}
        try:
            return self.get_response(request)
        finally:
            _request.memo = outer


def in_request():
    return getattr(_request, "memo", None) is not None


def per_request(key, read):
    """``read()``, once per request under ``key``; outside a request, every time."""
    if not in_request():
        return read()
    memo = _request.memo
    if key not in memo:
        memo[key] = read()
    return memo[key]
