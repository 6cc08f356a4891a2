from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet

from portal.navigation import section_page
from portal.viewsets import ReferenceTermViewSet

from . import dashboard
from .models import PracticePage, TargetGroup
from .reports import PracticesDueForReviewView

page_permission_policy = PagePermissionPolicy()


class TargetGroupViewSet(ReferenceTermViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug"]
    add_to_admin_menu = False


register_snippet(TargetGroupViewSet)


class PracticesDueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_permission(request.user, "publish")


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return PracticesDueForReviewMenuItem(
        _("Practices due for review"),
        reverse("practices_due_for_review"),
        icon_name="time",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_due_for_review_urls():
    return [
        path(
            "reports/practices-due-for-review/",
            PracticesDueForReviewView.as_view(),
            name="practices_due_for_review",
        ),
        path(
            "reports/practices-due-for-review/results/",
            PracticesDueForReviewView.as_view(results_only=True),
            name="practices_due_for_review_results",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_practice_panels(request, panels):
    panels.extend([dashboard.CityPracticesPanel(), dashboard.PracticesAwaitingModerationPanel()])


@hooks.register("construct_home_page_context")
def add_newest_practices_to_home_page(request, context):
    context.update(
        practice_library=section_page(request, "practices.PracticeIndexPage"),
        # The network's newest work, each piece once: in the visitor's language where
        # translated and in the original where not (the cards mark which).
        newest_practices=PracticePage.objects.live()
        .public()
        .in_visitor_language()
        .for_cards()
        .newest()[:6],
    )
