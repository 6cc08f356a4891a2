"""Telling people that something waits for them: a notice on their admin dashboard and
an email with a link on the site's own host.

Whether someone hears of a kind of event is their choice, made where Wagtail already
asks it: the notification switches of their account (Wagtail's UserProfile), which
also govern Wagtail's own moderation emails. Submissions follow "submitted", approvals
"approved", and things sent back "rejected"."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from wagtail.users.models import UserProfile

from portal.emails import send_templated_email
from portal.models import Notice, NoticeKind
from portal.roles import NETWORK_STAFF

PREFERENCE = {
    NoticeKind.APPLICATION_SUBMITTED: "submitted_notifications",
    NoticeKind.PRACTICE_SUBMITTED: "submitted_notifications",
    NoticeKind.POST_SUBMITTED: "submitted_notifications",
    NoticeKind.PRACTICE_APPROVED: "approved_notifications",
    NoticeKind.POST_APPROVED: "approved_notifications",
    NoticeKind.PRACTICE_RETURNED: "rejected_notifications",
    NoticeKind.POST_RETURNED: "rejected_notifications",
}


def network_staff():
    return get_user_model().objects.filter(groups__name=NETWORK_STAFF, is_active=True).distinct()


def absolute_url(path):
    """A link that works from an email: on the host the site is served from."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def wants(user, kind):
    return user.is_active and getattr(UserProfile.get_for_user(user), PREFERENCE[kind])


def notify(users, kind, *, describe, path, email=True):
    """Leave a notice for each of the users who have not turned this kind off, and email
    them unless Wagtail already does. ``describe()`` gives (subject, message); it is
    called in each recipient's own admin language."""
    notices = []
    for user in users:
        if not wants(user, kind):
            continue
        language = UserProfile.get_for_user(user).get_preferred_language()
        with translation.override(language):
            subject, message = describe()
        notices.append(
            Notice(recipient=user, kind=kind, subject=subject, message=message, url=path)
        )
    Notice.objects.bulk_create(notices)
    if email:
        for notice in notices:
            if notice.recipient.email:
                transaction.on_commit(lambda notice=notice: send_notice(notice))
    return notices


def send_notice(notice):
    recipient = notice.recipient
    with translation.override(UserProfile.get_for_user(recipient).get_preferred_language()):
        send_templated_email(
            "portal/emails/notice",
            [recipient.email],
            {"notice": notice, "link": absolute_url(notice.url), "user": recipient},
        )
