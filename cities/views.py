from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.localisation import localized
from portal.models import CharterGoal
from portal.ratelimit import is_rate_limited

from .forms import MembershipApplicationForm
from .membership import submit_application

APPLICATIONS_PER_HOUR = 5


def apply_for_membership(request):
    form = MembershipApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_bot:
            # Let the bot believe it succeeded; nothing is stored or sent.
            return redirect("membership_thanks")
        if is_rate_limited(request, "membership", APPLICATIONS_PER_HOUR, 60 * 60):
            form.add_error(
                None,
                _(
                    "We have received several applications from your network in the last hour. "
                    "Please try again later, or write to the network's secretariat."
                ),
            )
        elif form.is_valid():
            submit_application(form, request)
            return redirect("membership_thanks")
    return TemplateResponse(
        request,
        "cities/membership_apply.html",
        {"form": form, "charter_goals": localized(CharterGoal.objects.all())},
    )


def membership_thanks(request):
    return TemplateResponse(request, "cities/membership_thanks.html")
