"""Admin forms shared by every app: what an editor attaches must be theirs to use, and the
reference terms a page is filed under are listed once, in the page's language."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from portal.localisation import localized, term_fields, term_in_visitor_language, terms_in_locale

NOT_YOURS_TO_USE = _(
    "One of the images or documents chosen here is not available to you. Choose one from "
    "your city's collection or a shared collection."
)


def media_models():
    return (get_image_model(), get_document_model())


def usable_media(model, user):
    """The images or documents the user may attach: those in collections where they may
    choose them (a city's own, and any shared with its editors; network staff, all)."""
    return policy_registry.get_by_type(model).instances_user_has_permission_for(user, "choose")


def media_references(model_field, value):
    """The (model, id) pairs of the images and documents a field's value refers to, in a
    chooser field, a StreamField's blocks or rich text (as Wagtail's reference index
    finds them)."""
    if value is None:
        return set()
    if isinstance(model_field, models.ForeignKey):
        if model_field.related_model in media_models():
            # A chosen object, or the id that the form started from.
            return {(model_field.related_model, str(getattr(value, "pk", value)))}
        return set()
    if hasattr(model_field, "extract_references"):
        return {
            (model, str(object_id))
            for model, object_id, _path, _content_path in model_field.extract_references(value)
            if model in media_models()
        }
    return set()


class MediaOfTheirOwn:
    """A form mixin: each image or document newly attached, on the object or on one of
    its inline children, must be one the user may use. What the form started with may
    stay (a city's page may show a photo staff chose), so nobody is stopped from saving
    a page they did not make worse."""

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is None:
            return cleaned_data
        self.refuse_media_not_theirs(self)
        for formset in getattr(self, "formsets", {}).values():
            if not formset.is_valid():
                continue
            for form in formset.forms:
                if form.cleaned_data and not form.cleaned_data.get("DELETE"):
                    self.refuse_media_not_theirs(form)
        return cleaned_data

    def refuse_media_not_theirs(self, form):
        model_fields = type(form.instance)._meta
        for name in form.fields:
            try:
                model_field = model_fields.get_field(name)
            except FieldDoesNotExist:
                continue
            added = media_references(model_field, form.cleaned_data.get(name)) - (
                media_references(model_field, form.initial.get(name))
            )
            if any(not self.may_use(model, object_id) for model, object_id in added):
                field = name if isinstance(model_field, models.ForeignKey) else None
                form.add_error(field, NOT_YOURS_TO_USE)

    def may_use(self, model, object_id):
        return usable_media(model, self.for_user).filter(pk=object_id).exists()


def name_in_admin_language(term):
    # The admin runs in the editor's language, so the visitor's language is theirs here.
    return term_in_visitor_language(term).name


class PortalPageForm(MediaOfTheirOwn, WagtailAdminPageForm):
    """A page's choices of charter goals, themes and target groups list each term once:
    the page's own language's row (the original where it has no translation yet), named
    in the editor's admin language. A page translated from another language may still
    hold its source's terms; they are shown as the same terms of the page's language,
    which ``BasePage.clean`` files it with."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.instance.locale if self.instance.locale_id else None
        for relation in term_fields(self._meta.model):
            field = self.fields.get(relation.name)
            if field is None or locale is None:
                continue
            field.queryset = localized(field.queryset, locale)
            field.label_from_instance = name_in_admin_language
            chosen = self.initial.get(relation.name)
            if chosen and not self.is_bound:
                self.initial[relation.name] = terms_in_locale(list(chosen), locale.pk)


class PortalModelForm(MediaOfTheirOwn, WagtailAdminModelForm):
    pass
