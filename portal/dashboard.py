"""The admin home page's panels: each app adds its own through Wagtail's
``construct_homepage_panels`` hook, built on this one class."""

from django.db.models import CharField, Subquery
from django.db.models.functions import Cast
from django.template.loader import get_template
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState, get_default_page_content_type

from portal.models import Notice

# How many of a user's latest notices their dashboard lists.
NOTICES_SHOWN = 10


class DashboardPanel(Component):
    """A dashboard panel for some users only (a city's editors, or network staff). It
    renders nothing for the others, and nothing when it has nothing to say."""

    # Before Wagtail's own panels (210 and on): the day's work comes first.
    order = 100

    class Media:
        css = {"all": ["portal/css/dashboard.css"]}

    def is_shown(self, user):
        return True

    def get_panel_context(self, user):
        """What the panel shows the user; an empty dict hides the panel."""
        return {}

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        if not self.is_shown(user):
            return ""
        context = self.get_panel_context(user)
        if not context:
            return ""
        return get_template(self.template_name).render({**context, "user": user})


def moderation_of(pages):
    """The moderation under way of these pages: waiting for review, or sent back with
    the reviewer's comment (the workflow's current task state holds it)."""
    page_ids = pages.annotate(text_id=Cast("pk", output_field=CharField())).values("text_id")
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=get_default_page_content_type(), object_id__in=Subquery(page_ids))
        .select_related(
            "current_task_state__task", "current_task_state__finished_by", "requested_by"
        )
        .prefetch_related("content_object")
        .order_by("-current_task_state__started_at")
    )


class NoticesPanel(DashboardPanel):
    """What the user was told lately, with links: what they were emailed, and what they
    would have been had they not turned those emails off."""

    template_name = "portal/dashboard/notices.html"
    order = 40

    def get_panel_context(self, user):
        notices = list(Notice.objects.filter(recipient=user)[:NOTICES_SHOWN])
        return {"notices": notices} if notices else {}
