from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10


def search(request):
    """Site-wide search over every live page in the visitor's language."""
    query = request.GET.get("q", "").strip()
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    return TemplateResponse(
        request,
        "portal/search.html",
        {
            "search_query": query,
            "results": Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )
