"""Admin viewsets shared by the apps' reference data."""

from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet


class AdminLanguageIndexView(IndexView):
    """A translatable snippet's listing opens in the editor's admin language (Wagtail's
    lists every language's rows at once), so each goal, theme or target group is listed
    once, in the language the editor reads; the locale filter still shows the others,
    or all of them."""

    def admin_locale(self):
        # The admin activates the editor's language; a language without a locale falls
        # back to the default one.
        return Locale.get_active()

    def get_locale(self):
        if self.i18n_enabled and "locale" not in self.request.GET:
            return self.admin_locale()
        return super().get_locale()

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if self.i18n_enabled and "locale" not in self.request.GET:
            data = self.request.GET.copy()
            data["locale"] = self.admin_locale().language_code
            kwargs["data"] = data
        return kwargs


class ReferenceTermViewSet(SnippetViewSet):
    index_view_class = AdminLanguageIndexView
