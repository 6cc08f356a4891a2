"""Capacity holds when many people register at the same moment: each thread has its own
database connection and calls the same function the register button does. Only
PostgreSQL runs the requests truly in parallel (SQLite serialises every write)."""

import threading

import pytest
from django.db import connection, connections

from events.models import Registration, RegistrationStatus
from events.registration import cancel, register
from portal.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="parallel transactions need PostgreSQL"
    ),
]


def in_parallel(calls):
    """Run the calls in threads released at the same moment; returns their results and
    the exceptions they raised."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_parallel_registrations_never_exceed_the_capacity(open_event):
    event = open_event(capacity=3)
    users = UserFactory.create_batch(12)

    results, errors = in_parallel([lambda user=user: register(event, user) for user in users])

    assert errors == []
    assert len(results) == 12
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    assert confirmed.count() == 3
    assert waiting.count() == 9
    assert sorted(r.waiting_position() for r in waiting) == list(range(1, 10))


def test_parallel_clicks_of_one_person_make_one_registration(open_event):
    event = open_event(capacity=3)
    user = UserFactory()

    results, errors = in_parallel([lambda: register(event, user)] * 6)

    assert errors == []
    assert len({registration.pk for registration in results}) == 1
    assert Registration.objects.filter(event=event).count() == 1


def test_parallel_cancellations_promote_each_waiting_person_once(open_event):
    event = open_event(capacity=2)
    holders = UserFactory.create_batch(2)
    waiting = UserFactory.create_batch(3)
    for user in holders + waiting:
        register(event, user)

    _results, errors = in_parallel(
        [lambda user=user: cancel(event, user) for user in holders]
        + [lambda user=user: register(event, user) for user in UserFactory.create_batch(2)]
    )

    assert errors == []
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == 2
    assert set(confirmed.values_list("user", flat=True)) == {waiting[0].pk, waiting[1].pk}
