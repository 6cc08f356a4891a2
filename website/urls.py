from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.admin_views import PageTypesUsageView, SiteHistoryView, staff_report
from portal.sitemaps import PageSitemap, ViewSitemap
from website import views
from website.api import api_router

urlpatterns = [
    # Every log-in and password reset goes through allauth, which asks for the second
    # factor; Wagtail's own pages would not.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
    # Wagtail's site-wide reports, for network staff only (portal/admin_views.py).
    path("admin/reports/site-history/", staff_report(SiteHistoryView)),
    path("admin/reports/site-history/results/", staff_report(SiteHistoryView, results_only=True)),
    path("admin/reports/page-types-usage/", staff_report(PageTypesUsageView)),
    path(
        "admin/reports/page-types-usage/results/",
        staff_report(PageTypesUsageView, results_only=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "views": ViewSitemap(["membership_apply"])}},
        name="sitemap",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English, the network's working language, has no prefix; the others have theirs (/sv/...).
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("search/", views.search, name="search"),
    path("membership/", include("cities.urls")),
    # Calendar files of event pages (".ics" names, which Wagtail's page URLs cannot have).
    path("", include("events.urls")),
    # Anything not matched above is a page of the Wagtail tree; this must come last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
