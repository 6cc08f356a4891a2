"""A small fixed-window rate limit on the shared cache, for public forms."""

from django.core.cache import cache


def client_address(request):
    # Behind the load balancer Django sees the proxy's address unless the proxy sets
    # REMOTE_ADDR (gunicorn's --forwarded-allow-ips); see docs/deploy.md.
    return request.META.get("REMOTE_ADDR", "unknown")


def is_rate_limited(request, scope, limit, period_seconds):
    """Count this attempt; True once the client has made more than ``limit`` attempts
    within ``period_seconds``."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, period_seconds)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period_seconds)
        attempts = 1
    return attempts > limit
