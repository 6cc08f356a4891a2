"""Property-based tests: no sequence of assign, unassign, swap, move and shift operations
leaves two stops in one week, a city twice, or a stop outside the tour or in a break."""

import contextlib
import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from events.schedule import Schedule, ScheduleConflict, Stop, TourFrame

CITIES = range(1, 13)


@st.composite
def frames(draw):
    first_week = datetime.date(2027, 1, 4) + datetime.timedelta(weeks=draw(st.integers(0, 50)))
    number_of_weeks = draw(st.integers(1, 12))
    weeks = [first_week + datetime.timedelta(weeks=n) for n in range(number_of_weeks)]
    breaks = draw(st.sets(st.sampled_from(weeks), max_size=max(0, number_of_weeks - 1)))
    return TourFrame(first_week, number_of_weeks, frozenset(breaks))


def any_week(frame):
    """Weeks inside the tour and a little outside it, breaks included: the operations must
    refuse the bad ones, not be spared them."""
    return st.integers(-2, frame.number_of_weeks + 1).map(
        lambda n: frame.first_week + datetime.timedelta(weeks=n)
    )


def operations(frame):
    week = any_week(frame)
    return st.one_of(
        st.tuples(st.just("assign"), st.sampled_from(CITIES), week),
        st.tuples(st.just("unassign"), week),
        st.tuples(st.just("move"), week, week),
        st.tuples(st.just("swap"), week, week),
        st.tuples(st.just("shift_from"), week),
    )


def apply(schedule, operation):
    name, *arguments = operation
    if name == "assign":
        city, week = arguments
        return schedule.assign(city, week, city_name=f"City {city}")
    return getattr(schedule, name)(*arguments)


def assert_follows_the_rules(schedule):
    weeks = [stop.week for stop in schedule.stops]
    cities = [stop.city for stop in schedule.stops]
    assert len(weeks) == len(set(weeks)), "two stops in one week"
    assert len(cities) == len(set(cities)), "a city twice"
    tour_weeks = set(schedule.frame.weeks())
    for week in weeks:
        assert week in tour_weeks, "a stop outside the tour"
        assert week not in schedule.frame.breaks, "a stop in a break"


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_no_sequence_of_operations_breaks_the_rules(data):
    frame = data.draw(frames())
    schedule = Schedule(frame)
    for operation in data.draw(st.lists(operations(frame), max_size=30)):
        try:
            schedule = apply(schedule, operation)
        except ScheduleConflict as conflict:
            assert conflict.messages, "a refusal says why"
        assert_follows_the_rules(schedule)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_refused_operation_changes_nothing(data):
    frame = data.draw(frames())
    schedule = Schedule(frame)
    for operation in data.draw(st.lists(operations(frame), max_size=20)):
        before = schedule
        try:
            schedule = apply(schedule, operation)
        except ScheduleConflict:
            assert schedule == before


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_shifting_keeps_the_order_of_the_cities(data):
    frame = data.draw(frames())
    schedule = Schedule(frame)
    for operation in data.draw(st.lists(operations(frame), max_size=20)):
        with contextlib.suppress(ScheduleConflict):
            schedule = apply(schedule, operation)
    week = data.draw(any_week(frame))
    try:
        shifted = schedule.shift_from(week)
    except ScheduleConflict:
        return

    def order(s):
        return [stop.city for stop in sorted(s.stops, key=lambda stop: stop.week)]

    assert order(shifted) == order(schedule)
    for stop in shifted.stops:
        original = next(old for old in schedule.stops if old.city == stop.city)
        assert stop.week == original.week or original.week >= week


def test_the_conflict_check_sees_every_broken_rule():
    frame = TourFrame(datetime.date(2027, 1, 4), 3, frozenset({datetime.date(2027, 1, 11)}))
    schedule = Schedule(
        frame,
        (
            Stop(1, datetime.date(2027, 1, 4), "Oslo"),
            Stop(2, datetime.date(2027, 1, 4), "Malmö"),
            Stop(1, datetime.date(2027, 1, 18), "Oslo"),
            Stop(3, datetime.date(2027, 1, 11), "Turku"),
            Stop(4, datetime.date(2027, 1, 25), "Bergen"),
        ),
    )
    conflicts = " ".join(schedule.conflicts())
    assert "Malmö and Oslo would share week 1" in conflicts
    assert "Oslo would take over twice" in conflicts
    assert "Turku would be in week 2" in conflicts and "which is a break" in conflicts
    assert "Bergen would be outside the tour, in week 4" in conflicts


def test_a_city_that_postpones_pushes_the_later_stops_past_the_break():
    frame = TourFrame(datetime.date(2027, 1, 4), 5, frozenset({datetime.date(2027, 1, 18)}))
    schedule = (
        Schedule(frame)
        .assign(1, datetime.date(2027, 1, 4), "Oslo")
        .assign(2, datetime.date(2027, 1, 11), "Malmö")
    )
    shifted = schedule.shift_from(datetime.date(2027, 1, 4))
    assert {stop.city_name: stop.week for stop in shifted.stops} == {
        "Oslo": datetime.date(2027, 1, 11),
        "Malmö": datetime.date(2027, 1, 25),
    }
