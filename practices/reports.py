"""Network staff's report of practices whose record may be out of date."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from .models import REVIEW_INTERVAL, PracticePage


def practices_due_for_review(today=None):
    """Live practices not reviewed (or, never reviewed, not published) for 24 months."""
    cutoff = (today or timezone.localdate()) - REVIEW_INTERVAL
    return PracticePage.objects.live().filter(
        Q(last_reviewed__lt=cutoff)
        | Q(last_reviewed__isnull=True, first_published_at__date__lt=cutoff)
    )


class PracticesDueForReviewView(PageReportView):
    page_title = _("Practices due for review")
    header_icon = "time"
    index_url_name = "practices_due_for_review"
    index_results_url_name = "practices_due_for_review_results"
    # Publishing rights mark network staff: city editors only submit.
    permission_required = "publish"
    list_export = [*PageReportView.list_export, "last_reviewed"]

    def get_queryset(self):
        return practices_due_for_review().order_by("last_reviewed", "first_published_at")
