"""Network staff's review of membership applications in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView

from portal.admin_display import EMPTY
from portal.sanitise import text_as_html

from .membership import (
    ApplicationAlreadyApproved,
    ApplicationAlreadyDecided,
    approve_application,
    decline_application,
)
from .models import MembershipApplication


def url_for(view_name, application):
    return reverse(
        f"wagtailsnippets_cities_membershipapplication:{view_name}", args=[application.pk]
    )


class ApplicationIndexView(IndexView):
    """Reviewing an application starts with reading it: the listing links to the
    application itself, and editing (status, internal notes) is one click further."""

    def get_edit_url(self, instance):
        return url_for("inspect", instance)


class ApplicationInspectView(InspectView):
    """The application as staff review it, with the decision and what to do next."""

    @property
    def header_buttons(self):
        if self.object.is_decided:
            return []
        return [
            Button(
                _("Approve"), url=url_for("approve", self.object), icon_name="check", priority=10
            ),
            Button(
                _("Decline"), url=url_for("decline", self.object), icon_name="cross", priority=20
            ),
        ]

    def get_decision_document_display_value(self):
        return format_html(
            '<a href="{}">{}</a>',
            url_for("decision_document", self.object),
            _("Open the decision (PDF)"),
        )

    def get_motivation_display_value(self):
        return text_as_html(self.object.motivation)

    def get_internal_notes_display_value(self):
        return text_as_html(self.object.internal_notes) or "-"

    def get_decline_reason_display_value(self):
        return text_as_html(self.object.decline_reason) or "-"

    def get_city_page_display_value(self):
        if not self.object.city_page_id:
            return EMPTY
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[self.object.city_page_id]),
            self.object.city_page,
        )

    def get_editors_group_display_value(self):
        if not self.object.editors_group_id:
            return EMPTY
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailusers_groups:edit", args=[self.object.editors_group_id]),
            self.object.editors_group,
        )


class ApplicationActionMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = MembershipApplication
    permission_required = "change"
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(MembershipApplication, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.object, **kwargs)

    def back_to_application(self):
        return redirect(url_for("inspect", self.object))


class ApproveApplicationView(ApplicationActionMixin, TemplateView):
    template_name = "cities/admin/approve_application.html"
    page_title = gettext_lazy("Approve membership")

    def post(self, request, *args, **kwargs):
        try:
            approval = approve_application(self.object, user=request.user, request=request)
        except ApplicationAlreadyApproved:
            messages.info(
                request,
                _("%(city)s was already approved; nothing was created or sent this time.")
                % {"city": self.object.city_name},
            )
        except ApplicationAlreadyDecided:
            messages.error(request, _("This application has already been declined."))
        else:
            messages.success(request, approval_message(approval))
        return self.back_to_application()


def approval_message(approval):
    """Say what approving set up, by name, and what the contact person was sent."""
    application = approval.application
    names = {
        "city": application.city_name,
        "page": application.city_page.title,
        "group": application.editors_group.name,
        "collection": approval.collection.name,
        "email": approval.editor.email,
    }
    created = (
        _(
            '%(city)s is approved. Created: the draft page "%(page)s", the group "%(group)s" '
            'and the collection "%(collection)s".'
        )
        % names
    )
    if approval.new_account:
        invited = _("An account for %(email)s was made and sent a link to choose a password.")
    else:
        invited = _(
            '%(email)s already had an account: it was added to "%(group)s" and sent a link '
            "to choose a password."
        )
    return f"{created} {invited % names}"


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, as the applicant will read it"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=2000,
    )


class DeclineApplicationView(ApplicationActionMixin, FormView):
    template_name = "cities/admin/decline_application.html"
    page_title = gettext_lazy("Decline membership")
    form_class = DeclineForm

    def form_valid(self, form):
        try:
            decline_application(
                self.object, user=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ApplicationAlreadyDecided:
            messages.error(self.request, _("This application has already been decided."))
        else:
            messages.success(
                self.request,
                _("The application from %(city)s is declined; the applicant has been told why.")
                % {"city": self.object.city_name},
            )
        return self.back_to_application()


class DecisionDocumentView(PermissionCheckedMixin, View):
    """The decision PDF, for staff only: it is kept outside the public media folder."""

    model = MembershipApplication
    permission_required = "change"

    def get(self, request, pk):
        application = get_object_or_404(MembershipApplication, pk=pk)
        if not application.decision_document:
            raise Http404
        response = FileResponse(
            application.decision_document.open("rb"),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"decision-{application.pk}.pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
