"""Wagtail's site-wide reports, kept for network staff.

"Site history" lists every logged action with the names of the people who took it, and
"Page types usage" names the page of each type edited last, drafts included: both tell
one city's editors about other cities' unpublished work. Publishing rights mark network
staff (city editors only submit), so the two reports ask for them. A city's editors
read each of their own pages' history on the page itself. website/urls.py routes the
reports' addresses here, ahead of Wagtail's admin.
"""

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

# The reports' menu items, by name, that construct_reports_menu hides from the others.
STAFF_REPORTS = ("site-history", "page-types-usage")


def may_see_site_wide_reports(user):
    return PagePermissionPolicy().user_has_permission(user, "publish")


class StaffOnly:
    permission_policy = PagePermissionPolicy()
    permission_required = "publish"
    any_permission_required = None


class SiteHistoryView(StaffOnly, LogEntriesView):
    pass


class PageTypesUsageView(StaffOnly, PageTypesUsageReportView):
    pass


def staff_report(view_class, **kwargs):
    return require_admin_access(view_class.as_view(**kwargs))
