"""Takeover tours in the admin: the schedule grid for network staff, its CSV export,
the list of tours and weeks, each city's takeover pack, and a stop's details."""

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from events.dashboard import week_readiness
from events.forms import ScheduleChangeForm
from events.models import TAKEOVER_DAYS, PostStatus, TakeoverPost, TourPage, TourStop
from events.schedule import Schedule, ScheduleConflict
from events.scheduling import consequences, save_schedule
from events.takeover import (
    checklist,
    is_network_staff,
    may_edit_post,
    may_write_for,
    post_actions_for,
    review_post,
)


def schedule_url(tour):
    return reverse("events_tour_schedule", args=[tour.pk])


def pack_url(stop):
    return reverse("events_takeover_pack", args=[stop.pk])


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.change_tourstop"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TourScheduleView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """The tour week by week. Each change is checked against the rules first: a conflict
    is shown and nothing is saved."""

    template_name = "events/admin/tour_schedule.html"
    header_icon = "date"
    page_title = gettext_lazy("Tour schedule")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.tour = get_object_or_404(TourPage, pk=kwargs["pk"]).scheduled_tour

    def get_page_subtitle(self):
        return self.tour.title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("events_takeover_index"), "label": _("Takeover tours")},
            {"url": "", "label": self.tour.title},
        ]

    def post(self, request, *args, **kwargs):
        form = ScheduleChangeForm(request.POST, tour=self.tour)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        before = Schedule.of(self.tour)
        try:
            after, change = form.apply(before)
        except ScheduleConflict as conflict:
            return self.render_to_response(
                self.get_context_data(form=form, conflicts=conflict.messages)
            )
        if form.needs_confirmation():
            return self.render_to_response(
                self.get_context_data(
                    form=form, change=change, consequences=consequences(before, after)
                )
            )
        done = consequences(before, after)
        save_schedule(
            self.tour,
            before,
            after,
            user=request.user,
            change=change,
            topic=form.cleaned_data.get("topic", ""),
        )
        messages.success(request, " ".join([f"{change}.", *done]) if done else change)
        return redirect(schedule_url(self.tour))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stops = {stop.week_start: stop for stop in self.tour.ordered_stops()}
        breaks = self.tour.break_weeks()
        assigned = {stop.city_id for stop in stops.values()}
        form = kwargs.get("form")
        context.update(
            tour=self.tour,
            weeks=[
                {
                    "start": week,
                    "end": week + datetime.timedelta(days=TAKEOVER_DAYS - 1),
                    "number": self.tour.week_number(week),
                    "stop": stops.get(week),
                    "readiness": week_readiness(stops[week]) if week in stops else None,
                    "break": breaks.get(week),
                    "failed": form is not None
                    and form.is_bound
                    and form.data.get("week") == week.isoformat(),
                }
                for week in self.tour.weeks()
            ],
            # A stop cannot go to a break, so "Move to" does not offer one.
            week_choices=[
                {"start": week, "number": self.tour.week_number(week)}
                for week in self.tour.weeks()
                if week not in breaks
            ],
            cities=[
                city
                for city in ScheduleChangeForm(tour=self.tour).fields["city"].queryset
                if city.pk not in assigned
            ],
            form=form,
            conflicts=kwargs.get("conflicts", []),
            change=kwargs.get("change"),
            consequences=kwargs.get("consequences"),
            operations=ScheduleChangeForm.OPERATIONS,
        )
        return context


class TourScheduleCSVView(StaffOnlyMixin, View):
    def get(self, request, pk):
        tour = get_object_or_404(TourPage, pk=pk).scheduled_tour
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{tour.slug}-schedule.csv"'
        writer = csv.writer(response)
        writer.writerow(
            ["week", "monday", "friday", "city", "country", "topic", "host", "host_title", "status"]
        )
        breaks = tour.break_weeks()
        stops = {stop.week_start: stop for stop in tour.ordered_stops()}
        for week in tour.weeks():
            stop = stops.get(week)
            friday = week + datetime.timedelta(days=TAKEOVER_DAYS - 1)
            if stop:
                row = [
                    stop.city.title,
                    stop.city.get_country_display(),
                    stop.topic,
                    stop.host_name,
                    stop.host_title,
                    stop.get_status_display(),
                ]
            else:
                row = ["", "", breaks.get(week, ""), "", "", _("Break") if week in breaks else ""]
            writer.writerow([tour.week_number(week), week, friday, *(safe_cell(c) for c in row)])
        return response


def safe_cell(value):
    """Spreadsheets run a cell that starts with = + - or @ as a formula; a leading
    apostrophe keeps what a city typed as text (OWASP's advice on CSV injection)."""
    value = str(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


class TakeoverIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Where a city's editors find their takeover weeks, and staff find every tour."""

    template_name = "events/admin/takeover_index.html"
    header_icon = "date"
    page_title = gettext_lazy("Takeover tours")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_takeoverpost"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        stops = TourStop.objects.select_related("city", "tour").order_by("week_start")
        staff = is_network_staff(user)
        if not staff:
            stops = stops.edited_by(user)
        context.update(
            staff=staff,
            tours=TourPage.objects.order_by("-first_week") if staff else [],
            stops=stops.filter(week_start__gte=timezone.localdate() - datetime.timedelta(days=7))
            if staff
            else stops,
        )
        return context


class TakeoverPackView(WagtailAdminTemplateMixin, TemplateView):
    """A city's week: the network's brief, the dates, the checklist, and the posts day by
    day with what can be done with each."""

    template_name = "events/admin/takeover_pack.html"
    header_icon = "doc-full"
    page_title = gettext_lazy("Takeover pack")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.stop = get_object_or_404(
            TourStop.objects.select_related("city", "tour"), pk=kwargs["pk"]
        )

    def dispatch(self, request, *args, **kwargs):
        if not may_write_for(request.user, self.stop):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.stop.city.title} · {self.stop.tour.title}"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("events_takeover_index"), "label": _("Takeover tours")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        posts = list(self.stop.posts.select_related("image").prefetch_related("related_practices"))
        days = [
            {
                "day": day,
                "posts": [
                    {
                        "post": post,
                        "actions": post_actions_for(user, post),
                        "editable": may_edit_post(user, post),
                    }
                    for post in posts
                    if post.day == day
                ],
            }
            for day in self.stop.days()
        ]
        context.update(
            stop=self.stop,
            days=days,
            checklist=checklist(self.stop),
            staff=is_network_staff(user),
            add_url=reverse("events_takeoverpost:add"),
            PostStatus=PostStatus,
        )
        return context


class ReviewPostView(View):
    """Submit, approve, return or mark as published: one button, one POST."""

    def post(self, request, pk):
        post = get_object_or_404(TakeoverPost.objects.select_related("stop__city"), pk=pk)
        action = request.POST.get("action", "")
        review_post(
            post, action, user=request.user, comment=request.POST.get("comment", "").strip()
        )
        messages.success(
            request,
            _("“%(post)s” is now %(status)s.")
            % {"post": post, "status": post.get_status_display().lower()},
        )
        return redirect(pack_url(post.stop))


class TourStopEditView(EditView):
    """Staff open a stop's details from the schedule, and return there on saving."""

    def get_success_url(self):
        return schedule_url(self.object.tour)


class TourStopViewSet(ModelViewSet):
    """A stop's details; which city has which week is changed on the schedule grid."""

    model = TourStop
    icon = "date"
    add_to_admin_menu = False
    panels = [
        FieldPanel("status"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("host_name"), FieldPanel("host_title")]),
        FieldPanel("brief"),
    ]
    list_display = ["__str__", "tour", "status"]
    list_filter = ["status"]
    add_view_enabled = False
    edit_view_class = TourStopEditView


class TakeoverMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_takeoverpost")
