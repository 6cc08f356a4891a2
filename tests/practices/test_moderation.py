"""A city editor's practice goes through the network staff's approval workflow."""

import pytest
from django.urls import reverse

from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(approved_city):
    city, editor = approved_city("Malmö", "SE")
    practice = PracticePageFactory(parent=city, title="Safety walks led by young women")
    revision = practice.save_revision(user=editor)
    workflow = practice.get_workflow()
    workflow.start(practice, editor)
    return practice, editor, revision


def test_practices_under_a_city_go_to_the_network_staffs_workflow(submitted):
    practice, _, _ = submitted
    assert practice.get_workflow().name == "Network staff approval"
    task = practice.current_workflow_task
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Network staff"]


def test_staff_approve_and_the_practice_is_published(submitted, staff):
    practice, _, revision = submitted
    state = practice.current_workflow_task_state
    state.task.specific.on_action(state, staff, "approve")

    practice.refresh_from_db()
    assert practice.live_revision == revision
    assert not practice.workflow_in_progress


def test_the_editor_sees_where_the_submission_stands(submitted):
    practice, editor, _ = submitted
    page = logged_in(editor).get(reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    content = page.content.decode()
    assert "Approval by network staff" in content
    assert "In progress" in content or "Awaiting" in content


def test_an_editor_cannot_approve_their_own_submission(submitted):
    practice, editor, _ = submitted
    state = practice.current_workflow_task_state
    actions = state.task.specific.get_actions(practice, editor)
    assert actions == []
