from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.localisation import localized
from portal.models import CharterGoal

from .models import Country, MembershipApplication


class MembershipApplicationForm(forms.ModelForm):
    """The public application. A hidden "website" field catches bots that fill every
    field they find; people never see it."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = MembershipApplication
        fields = [
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
        ]
        widgets = {
            "decision_date": forms.DateInput(attrs={"type": "date"}),
            "decision_document": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
            "prioritised_goals": forms.CheckboxSelectMultiple,
            "motivation": forms.Textarea(attrs={"rows": 8}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "decision_document": _("PDF, at most 10 MB."),
            "motivation": _("Why the city wants to join, and what it hopes to share and learn."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *Country.choices]
        self.fields["prioritised_goals"].queryset = localized(CharterGoal.objects.all())
        self.fields["prioritised_goals"].error_messages["required"] = _(
            "Choose at least one charter goal."
        )
        self.fields["accepts_charter"].required = True
        self.fields["accepts_charter"].label = _("We accept the network's charter")
        self.fields["accepts_charter"].error_messages["required"] = _(
            "A city joins by accepting the charter; tick the box to confirm."
        )

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def clean_decision_date(self):
        decision_date = self.cleaned_data["decision_date"]
        if decision_date > timezone.localdate():
            raise forms.ValidationError(_("The decision date cannot be in the future."))
        return decision_date
