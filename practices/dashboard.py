"""The practices' part of the admin home page: a city editor's way to add a practice
and the records due for review; for network staff, practices waiting for approval."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from cities.models import CityPage
from portal.dashboard import DashboardPanel

from .models import PracticePage
from .reports import practices_due_for_review


def add_practice_url(city):
    return reverse("wagtailadmin_pages:add", args=["practices", "practicepage", city.pk])


class CityPracticesPanel(DashboardPanel):
    """'Add a practice' one click from the dashboard, and the city's practices whose
    record is due for review."""

    template_name = "practices/dashboard/city_practices.html"
    order = 55

    def get_panel_context(self, user):
        cities = CityPage.objects.edited_by(user).order_by("title")
        return (
            {
                "cities": [
                    {
                        "city": city,
                        "add_url": add_practice_url(city),
                        "due_for_review": practices_due_for_review().filter(city=city),
                    }
                    for city in cities
                ]
            }
            if cities
            else {}
        )


class PracticesAwaitingModerationPanel(DashboardPanel):
    template_name = "practices/dashboard/awaiting_moderation.html"
    order = 65

    def is_shown(self, user):
        # Publishing rights mark network staff: city editors only submit.
        return PagePermissionPolicy().user_has_permission(user, "publish")

    def get_panel_context(self, user):
        states = (
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                content_type=ContentType.objects.get_for_model(PracticePage),
            )
            .select_related("requested_by", "current_task_state")
            .prefetch_related("content_object")
            .order_by("current_task_state__started_at")
        )
        return {"states": states} if states else {}
