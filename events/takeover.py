"""A city's takeover week: what it has to prepare, how its posts are reviewed, and when
its editors are reminded."""

import dataclasses
import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from portal.emails import send_templated_email
from portal.models import NoticeKind
from portal.notices import network_staff, notify

from .models import PostStatus, StopStatus, TourReminder, TourStop, cities_edited_by

# action: (status it applies to, status it leads to, who may take it)
POST_ACTIONS = {
    "submit": (PostStatus.DRAFT, PostStatus.SUBMITTED, "city"),
    "approve": (PostStatus.SUBMITTED, PostStatus.APPROVED, "staff"),
    "return": (PostStatus.SUBMITTED, PostStatus.DRAFT, "staff"),
    "publish": (PostStatus.APPROVED, PostStatus.PUBLISHED, "staff"),
}

# action: (kind of notice, who is told, subject)
POST_NOTICES = {
    "submit": (
        NoticeKind.POST_SUBMITTED,
        lambda stop: network_staff(),
        gettext_noop("Takeover post submitted for review: %(post)s"),
    ),
    "approve": (
        NoticeKind.POST_APPROVED,
        lambda stop: city_editors(stop),
        gettext_noop("Takeover post approved: %(post)s"),
    ),
    "return": (
        NoticeKind.POST_RETURNED,
        lambda stop: city_editors(stop),
        gettext_noop("Takeover post sent back for changes: %(post)s"),
    ),
}

# Days before a city's week on which its editors hear about missing posts.
REMINDER_DAYS = {TourReminder.Kind.TWO_WEEKS: 14, TourReminder.Kind.THREE_DAYS: 3}


def is_network_staff(user):
    return user.has_perm("events.approve_takeoverpost")


def may_write_for(user, stop):
    return is_network_staff(user) or cities_edited_by(user).filter(pk=stop.city_id).exists()


def post_actions_for(user, post):
    """The review actions the user can take on the post now."""
    staff = is_network_staff(user)
    return [
        action
        for action, (source, _target, who) in POST_ACTIONS.items()
        if post.status == source and (staff if who == "staff" else may_write_for(user, post.stop))
    ]


def may_edit_post(user, post):
    """Cities edit their drafts; once submitted, a post is the network's to review."""
    if is_network_staff(user):
        return True
    return post.status == PostStatus.DRAFT and may_write_for(user, post.stop)


@transaction.atomic
def review_post(post, action, *, user, comment=""):
    """Take a review action; staff may say why they send a post back. Whoever waits for
    the outcome is told: staff of a submission, the city's editors of the verdict."""
    if action not in post_actions_for(user, post):
        raise PermissionDenied
    post.status = POST_ACTIONS[action][1]
    if action in ("approve", "return", "publish"):
        post.reviewed_by = user
    post.save(update_fields=["status", "reviewed_by", "updated_at"])
    log(
        instance=post,
        action=f"events.takeover_post.{action}",
        user=user,
        data={"comment": comment} if comment else None,
    )
    if action in POST_NOTICES:
        kind, recipients, subject = POST_NOTICES[action]
        notify(
            recipients(post.stop).exclude(pk=user.pk),
            kind,
            describe=lambda: (_(subject) % {"post": post}, comment),
            path=reverse("events_takeover_pack", args=[post.stop_id]),
        )
    return post


@dataclasses.dataclass
class ChecklistItem:
    label: str
    done: bool


def checklist(stop):
    """What a city has to have ready for its week, and how far it has come."""
    posts = list(stop.posts.all())
    missing = stop.days_without_posts()
    return [
        ChecklistItem(_("The network has confirmed the week"), stop.status != StopStatus.PROPOSED),
        ChecklistItem(_("Focus topic agreed"), bool(stop.topic)),
        ChecklistItem(_("Host named"), bool(stop.host_name or stop.host_title)),
        ChecklistItem(
            _("A post submitted for every day (%(done)s of %(days)s)")
            % {"done": len(stop.days()) - len(missing), "days": len(stop.days())},
            not missing,
        ),
        ChecklistItem(
            _("Every post approved by the network"),
            bool(posts)
            and all(post.status in (PostStatus.APPROVED, PostStatus.PUBLISHED) for post in posts),
        ),
    ]


def stops_due_a_reminder(today):
    """(stop, kind) for every confirmed stop whose reminder day has come (or passed while
    the command did not run) and whose city still has days without posts."""
    for kind, days in REMINDER_DAYS.items():
        latest = today + datetime.timedelta(days=days)
        stops = (
            TourStop.objects.on_live_tours()
            .filter(
                status__in=[StopStatus.CONFIRMED, StopStatus.PREPARING],
                week_start__gt=today,
                week_start__lte=latest,
            )
            .exclude(reminders__kind=kind)
            .select_related("city", "tour")
        )
        for stop in stops:
            # The 14-day reminder is pointless once the 3-day one is due.
            if kind == TourReminder.Kind.TWO_WEEKS and (stop.week_start - today).days <= 3:
                continue
            if stop.days_without_posts():
                yield stop, kind


def city_editors(stop):
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__page_permissions__page=stop.city,
            groups__page_permissions__permission__codename="change_page",
        )
        .distinct()
    )


def send_reminder(stop, kind, *, today, pack_url):
    """Email the city's editors, once: the reminder row is written first, so a second
    run (or a run in parallel) finds it and sends nothing."""
    editors = list(city_editors(stop))
    try:
        with transaction.atomic():
            TourReminder.objects.create(stop=stop, kind=kind, recipients=len(editors))
    except IntegrityError:
        return 0
    for editor in editors:
        send_templated_email(
            "events/emails/tour_reminder",
            [editor.email],
            {
                "stop": stop,
                "days_left": (stop.week_start - today).days,
                "missing_days": stop.days_without_posts(),
                "pack_url": pack_url,
                "user": editor,
            },
        )
    return len(editors)
