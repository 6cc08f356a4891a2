"""The admin's form for the portal's pages."""

from wagtail.admin.forms import WagtailAdminPageForm

from portal.localisation import localized, term_fields, term_in_visitor_language, terms_in_locale


def name_in_admin_language(term):
    # The admin runs in the editor's language, so the visitor's language is theirs here.
    return term_in_visitor_language(term).name


class PortalPageForm(WagtailAdminPageForm):
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
