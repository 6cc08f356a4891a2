"""Who may see and do what in the admin, beyond Wagtail's defaults.

What a user sees of pages and media in the admin: a city's editors see the pages they
may edit (their city's), and the images and documents of the collections they may use;
network staff see everything.

Rights on pages follow the content into every language.

Wagtail grants a group's page permissions on one page and its subtree, and the copy of a
page in another locale lives in another tree. Without this, network staff could work
only on the English tree and a city's editors only on their city's English page. So a
group's rights on a page hold on each of its translations: they are granted on every
existing translation (``grant_in_every_locale``), and a translation made later gets the
rights and the moderation workflow of the page it was translated from.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission, Page, WorkflowPage
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.signals import copy_for_translation_done

# What lets someone see an image or document in the admin: using it, editing it or
# deleting it.
MEDIA_ACTIONS = ["choose", "change", "delete"]


def editable_pages(user):
    """The pages whose drafts, history and pending changes the user may see."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )


def media_seen_in_admin(model, user):
    """The images or documents (``model``) that the user may see in the admin."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, MEDIA_ACTIONS
    )


def grant_in_every_locale(group, page, codenames):
    """Give ``group`` the page permissions ``codenames`` on ``page`` and on each of its
    translations."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    )
    for translation in page.get_translations(inclusive=True):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=translation, permission=permission
            )


def follow_translation(sender, source_obj, target_obj, **kwargs):
    if not isinstance(source_obj, Page):
        return
    for granted in GroupPagePermission.objects.filter(page=source_obj):
        GroupPagePermission.objects.get_or_create(
            group_id=granted.group_id, page=target_obj, permission_id=granted.permission_id
        )
    # Without the workflow, what a city's editors submit in another language would have
    # no one to approve it.
    workflow = WorkflowPage.objects.filter(page=source_obj).first()
    if workflow:
        WorkflowPage.objects.get_or_create(
            page=target_obj, defaults={"workflow_id": workflow.workflow_id}
        )


def connect():
    copy_for_translation_done.connect(follow_translation, dispatch_uid="portal-rights-follow")
