"""How many live practices serve each charter goal and Capital Code theme, and which cities
share the most of them: the figures behind the library's chart and its landing pages."""

from django.db.models import Count, Q

from cities.models import CityPage
from portal.models import CharterGoal


def _practices_relation(term):
    return "charter_goals" if isinstance(term, CharterGoal) else "capital_code_themes"


def terms_with_practice_counts(term_model):
    """The goals or themes in the visitor's language, in their charter order, each with
    ``practice_count``: its live practices, counted in one query."""
    return term_model.objects.in_active_locale().annotate(
        practice_count=Count("practices", filter=Q(practices__live=True), distinct=True)
    )


def most_active_cities(term, limit=5):
    """The live cities with the most live practices in the goal or theme, most first, each
    with ``practice_count``; one query."""
    in_term = {"practice_pages__live": True, f"practice_pages__{_practices_relation(term)}": term}
    # The filter comes before the annotation, so only the practices in the term are counted.
    return (
        CityPage.objects.live()
        .filter(**in_term)
        .annotate(practice_count=Count("practice_pages", distinct=True))
        .order_by("-practice_count", "title")[:limit]
    )
