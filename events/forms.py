import json

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cities.models import CityPage
from portal.dates import long_date
from portal.forms import PortalModelForm

from .models import CHANNEL_TEXT_LIMITS, TourStop


class ScheduleChangeForm(forms.Form):
    """One change to a tour's schedule, as staff make it on the scheduling screen."""

    OPERATIONS = {
        "assign": gettext_lazy("Assign a city"),
        "unassign": gettext_lazy("Unassign"),
        "move": gettext_lazy("Move"),
        "swap": gettext_lazy("Swap"),
        "shift_from": gettext_lazy("Postpone this and every later stop by a week"),
    }

    operation = forms.ChoiceField(choices=OPERATIONS.items(), widget=forms.HiddenInput)
    week = forms.DateField(widget=forms.HiddenInput)
    other_week = forms.DateField(label=gettext_lazy("to week"), required=False)
    city = forms.ModelChoiceField(
        label=gettext_lazy("City"), queryset=CityPage.objects.none(), required=False
    )
    topic = forms.CharField(label=gettext_lazy("Focus topic"), max_length=200, required=False)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, tour, **kwargs):
        super().__init__(*args, **kwargs)
        self.tour = tour
        # A city is booked, not one of its translations: booking Stockholm in English and
        # in Swedish would give it two weeks of one tour.
        self.fields["city"].queryset = (
            CityPage.objects.live().members().one_per_city().order_by("title")
        )
        breaks = tour.break_weeks()
        weeks = [(week, week) for week in tour.weeks() if week not in breaks]
        self.fields["other_week"].widget = forms.Select(choices=weeks)

    def clean(self):
        data = super().clean()
        operation = data.get("operation")
        if operation == "assign":
            for field in ("city", "topic"):
                if not data.get(field):
                    self.add_error(field, _("Choose the city and its focus topic."))
        if operation in ("move", "swap") and not data.get("other_week"):
            self.add_error("other_week", _("Choose the other week."))
        return data

    def needs_confirmation(self):
        """Postponing moves many stops, and unassigning a city that has written posts
        deletes them: staff see what will happen and confirm it first."""
        data = self.cleaned_data
        if data.get("confirm"):
            return False
        if data["operation"] == "shift_from":
            return True
        return (
            data["operation"] == "unassign"
            and self.tour.stops.filter(week_start=data["week"], posts__isnull=False).exists()
        )

    def apply(self, schedule):
        """The schedule after this change, and a sentence for the audit log. Raises
        ScheduleConflict, and so changes nothing, when the result would break a rule."""
        data = self.cleaned_data
        operation, week, other = data["operation"], data["week"], data.get("other_week")
        when = long_date(week)
        if operation == "assign":
            city = data["city"]
            change = _("%(city)s assigned to the week of %(week)s") % {
                "city": city.title,
                "week": when,
            }
            return schedule.assign(city.pk, week, city.title), change
        stop = schedule.stop_in(week)
        name = stop.city_name if stop else ""
        if operation == "unassign":
            result = schedule.unassign(week)
            return result, _("%(city)s unassigned from the week of %(week)s") % {
                "city": name,
                "week": when,
            }
        if operation == "shift_from":
            result = schedule.shift_from(week)
            return result, _("%(city)s and every later stop postponed by a week") % {"city": name}
        verb = {
            "move": _("%(city)s moved from the week of %(week)s to the week of %(other)s"),
            "swap": _("The weeks of %(week)s and %(other)s swapped"),
        }[operation]
        result = getattr(schedule, operation)(week, other)
        return result, verb % {
            "city": name,
            "week": when,
            "other": long_date(other),
        }


class TakeoverPostForm(PortalModelForm):
    """A city's post for one day of its week. A city's editors see only their own weeks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stops = TourStop.objects.select_related("city", "tour").order_by("-week_start")
        if self.for_user and not self.for_user.has_perm("events.approve_takeoverpost"):
            stops = stops.edited_by(self.for_user)
        self.fields["stop"].queryset = stops
        self.fields["stop"].label_from_instance = stop_label
        self.offer_only_the_tours_channels(stops)
        # The live character count (events/js/character-count.js) reads the limits here;
        # the model checks them again on save.
        self.fields["text"].widget.attrs.update(
            {
                "data-character-limits": json.dumps(
                    {channel.value: limit for channel, limit in CHANNEL_TEXT_LIMITS.items()}
                ),
                "data-channel-field": "id_channel",
                "rows": 8,
            }
        )

    def offer_only_the_tours_channels(self, stops):
        """The channels of the week's tour, once the week is known (editing, or opened
        from the pack); else those of any tour the user may write for."""
        stop_id = self.data.get(self.add_prefix("stop")) or self.initial.get("stop")
        if self.instance.stop_id:
            stop_id = stop_id or self.instance.stop_id
        stop = stops.filter(pk=stop_id).first() if str(stop_id or "").isdigit() else None
        tours = [stop.tour] if stop else {s.tour_id: s.tour for s in stops}.values()
        used = {channel for tour in tours for channel in tour.channels}
        field = self.fields["channel"]
        field.choices = [
            (value, label) for value, label in field.choices if not value or value in used
        ]

    def save(self, commit=True):
        post = super().save(commit=False)
        if post.pk is None and self.for_user:
            post.created_by = self.for_user
        if commit:
            post.save()
            self.save_m2m()
        return post

    class Media:
        js = ["events/js/character-count.js"]


def stop_label(stop):
    return _("%(city)s, week %(week)s of %(tour)s (%(start)s)") % {
        "city": stop.city.title,
        "week": stop.week_number,
        "tour": stop.tour.title,
        "start": long_date(stop.week_start),
    }
