import datetime
import uuid
from pathlib import PurePath

from django import forms
from django.core import signing
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.localisation import localized
from portal.models import CharterGoal

from .models import Country, MembershipApplication
from .models.membership import private_storage

# A decision document kept for the applicant's next try, referred to by a signed token.
KEPT_DOCUMENT_SALT = "cities.membership.kept-decision-document"
KEPT_DOCUMENT_MAX_AGE = 24 * 60 * 60
KEPT_DOCUMENTS_FOLDER = "membership/kept"


class MembershipApplicationForm(forms.ModelForm):
    """The public application. A hidden "website" field catches bots that fill every
    field they find; people never see it."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # A browser never sends a chosen file again: a valid decision that came with an
    # error elsewhere is kept on the server, and this names it for the next try.
    kept_document = forms.CharField(required=False, widget=forms.HiddenInput)

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

        self.kept = self.read_kept_document()
        if self.kept:
            self.show_kept_document()

    def read_kept_document(self):
        """The kept file's stored path and original name, from a valid, recent token."""
        try:
            kept = signing.loads(
                self.data.get("kept_document", ""),
                salt=KEPT_DOCUMENT_SALT,
                max_age=KEPT_DOCUMENT_MAX_AGE,
            )
        except signing.BadSignature:
            return None
        return kept if private_storage().exists(kept["path"]) else None

    def show_kept_document(self):
        field = self.fields["decision_document"]
        field.required = False
        # The template says which file is kept, next to the field.
        field.widget.attrs["aria-describedby"] = (
            f"{self['decision_document'].auto_id}_helptext kept-document-note"
        )

    def keep_decision_document(self):
        """After a failed submission: keep a decision document that passed its checks."""
        upload = self.cleaned_data.get("decision_document")
        if not isinstance(upload, UploadedFile):
            return
        path = private_storage().save(f"{KEPT_DOCUMENTS_FOLDER}/{uuid.uuid4().hex}.pdf", upload)
        self.kept = {"path": path, "name": PurePath(upload.name).name}
        self.data = self.data.copy()
        self.data["kept_document"] = signing.dumps(self.kept, salt=KEPT_DOCUMENT_SALT)
        self.show_kept_document()

    def clean_decision_document(self):
        upload = self.cleaned_data.get("decision_document")
        if not upload and self.kept:
            return File(private_storage().open(self.kept["path"]), name="decision.pdf")
        return upload

    def forget_kept_document(self):
        """Once the application is saved under its own name, the kept copy goes."""
        if self.kept:
            private_storage().delete(self.kept["path"])

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def clean_decision_date(self):
        decision_date = self.cleaned_data["decision_date"]
        if decision_date > timezone.localdate():
            raise forms.ValidationError(_("The decision date cannot be in the future."))
        return decision_date


def clear_expired_kept_documents():
    """Delete the kept decision documents older than a token can be; their number."""
    storage = private_storage()
    if not storage.exists(KEPT_DOCUMENTS_FOLDER):
        return 0
    oldest_usable = timezone.now() - datetime.timedelta(seconds=KEPT_DOCUMENT_MAX_AGE)
    _folders, names = storage.listdir(KEPT_DOCUMENTS_FOLDER)
    expired = [
        f"{KEPT_DOCUMENTS_FOLDER}/{name}"
        for name in names
        if storage.get_modified_time(f"{KEPT_DOCUMENTS_FOLDER}/{name}") < oldest_usable
    ]
    for path in expired:
        storage.delete(path)
    return len(expired)
