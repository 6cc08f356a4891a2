from allauth.core import ratelimit
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.localisation import localized
from portal.models import CharterGoal

from .forms import MembershipApplicationForm
from .membership import submit_application

# ACCOUNT_RATE_LIMITS holds the rate: five accepted applications an hour per address.
RATE_LIMIT_ACTION = "membership_application"


def apply_for_membership(request):
    form = MembershipApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_bot:
            # Let the bot believe it succeeded; nothing is stored or sent.
            return redirect("membership_thanks")
        # Only accepted applications count: a city that mistyped five times is not
        # locked out. The address is allauth's, behind a trusted proxy its header's.
        if not ratelimit.consume(request, action=RATE_LIMIT_ACTION, dry_run=True):
            form.add_error(
                None,
                _(
                    "We have received several applications from your network in the last hour. "
                    "Please try again later, or write to the network's secretariat."
                ),
            )
        elif form.is_valid():
            submit_application(form, request)
            form.forget_kept_document()
            ratelimit.consume(request, action=RATE_LIMIT_ACTION)
            return redirect("membership_thanks")
        else:
            form.keep_decision_document()
    return TemplateResponse(
        request,
        "cities/membership_apply.html",
        {"form": form, "charter_goals": localized(CharterGoal.objects.all())},
    )


def membership_thanks(request):
    return TemplateResponse(request, "cities/membership_thanks.html")
