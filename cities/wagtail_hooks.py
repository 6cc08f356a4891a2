from django.contrib.auth.decorators import permission_required
from django.db.models import Count
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import page_cache
from portal.admin_display import NetworkTimeColumn

from . import admin_views, dashboard
from .models import CityPage, MembershipApplication


class StaffOnlyChooserViewSet(SnippetChooserViewSet):
    """Nothing chooses a membership application, but every snippet gets a chooser, and
    Wagtail's chooser lists all of them to anyone in the admin. Only those who may see
    applications may open it."""

    def get_urlpatterns(self):
        only_reviewers = permission_required(
            "cities.view_membershipapplication", raise_exception=True
        )
        return [
            URLPattern(
                pattern.pattern,
                only_reviewers(pattern.callback),
                pattern.default_args,
                pattern.name,
            )
            for pattern in super().get_urlpatterns()
        ]


class MembershipApplicationViewSet(SnippetViewSet):
    model = MembershipApplication
    icon = "group"
    menu_label = _("Membership applications")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "city_name",
        "country",
        "status",
        "decision_date",
        NetworkTimeColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    list_filter = ["status", "country"]
    search_fields = ["city_name", "contact_name", "case_reference"]
    index_view_class = admin_views.ApplicationIndexView
    chooser_viewset_class = StaffOnlyChooserViewSet
    inspect_view_enabled = True
    inspect_view_class = admin_views.ApplicationInspectView
    inspect_view_fields = [
        "status",
        "city_name",
        "country",
        "contact_name",
        "contact_role",
        "contact_email",
        "contact_phone",
        "deciding_body",
        "case_reference",
        "decision_date",
        "decision_document",
        "prioritised_goals",
        "motivation",
        "accepts_charter",
        "submitted_at",
        "internal_notes",
        "decline_reason",
        "decided_at",
        "city_page",
        "editors_group",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", admin_views.ApproveApplicationView.as_view(), name="approve"),
            path("decline/<int:pk>/", admin_views.DeclineApplicationView.as_view(), name="decline"),
            path(
                "decision/<int:pk>/",
                admin_views.DecisionDocumentView.as_view(),
                name="decision_document",
            ),
        ]


register_snippet(MembershipApplicationViewSet)


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    actions.register_action(
        "cities.application.submit", _("Submit application"), _("Application submitted")
    )
    actions.register_action(
        "cities.application.approve", _("Approve application"), _("Application approved")
    )
    actions.register_action(
        "cities.application.decline", _("Decline application"), _("Application declined")
    )


@hooks.register("construct_homepage_panels")
def add_city_panels(request, panels):
    panels.extend([dashboard.CityPanel(), dashboard.PendingApplicationsPanel()])


@hooks.register("construct_home_page_context")
def add_membership_to_home_page(request, context):
    # Every member city counts, whether or not its page is translated into the
    # visitor's language (a city and its translations share a translation key), but for
    # private ones, as in the directory.
    membership = page_cache.kept(
        "member-counts",
        [],
        lambda: CityPage.objects.live()
        .public()
        .members()
        .aggregate(
            cities=Count("translation_key", distinct=True),
            countries=Count("country", distinct=True),
        ),
    )
    context.update(
        member_city_count=membership["cities"],
        member_country_count=membership["countries"],
    )
