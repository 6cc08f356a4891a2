"""The cities' part of the admin home page: a city editor's own city, and the
membership applications waiting for network staff."""

from django.db.models import Q
from wagtail.models import Page, WorkflowState

from portal.dashboard import DashboardPanel, moderation_of

from .models import ApplicationStatus, CityPage, MembershipApplication

# How many drafts a panel lists before it points to the page explorer.
DRAFTS_SHOWN = 8


def city_overview(city):
    """A city's pages as its editors work on them: how many, which are drafts, which
    wait for the network, and which came back with a comment."""
    pages = Page.objects.descendant_of(city, inclusive=True)
    states = list(moderation_of(pages))
    drafts = pages.filter(Q(live=False) | Q(has_unpublished_changes=True)).order_by(
        "-latest_revision_created_at"
    )
    return {
        "city": city,
        "page_count": pages.count(),
        "draft_count": drafts.count(),
        "drafts": drafts.specific()[:DRAFTS_SHOWN],
        "awaiting": [s for s in states if s.status == WorkflowState.STATUS_IN_PROGRESS],
        "sent_back": [s for s in states if s.status == WorkflowState.STATUS_NEEDS_CHANGES],
    }


class CityPanel(DashboardPanel):
    """A city editor's city, first on their dashboard."""

    template_name = "cities/dashboard/city_panel.html"
    order = 50

    def get_panel_context(self, user):
        cities = CityPage.objects.edited_by(user).order_by("title")
        return {"overviews": [city_overview(city) for city in cities]} if cities else {}


class PendingApplicationsPanel(DashboardPanel):
    template_name = "cities/dashboard/pending_applications.html"
    order = 60

    def is_shown(self, user):
        return user.has_perm("cities.change_membershipapplication")

    def get_panel_context(self, user):
        applications = MembershipApplication.objects.filter(
            status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW]
        ).order_by("submitted_at")
        return {"applications": applications} if applications else {}
