from django.urls import path

from . import views

urlpatterns = [
    path("apply/", views.apply_for_membership, name="membership_apply"),
    path("apply/thanks/", views.membership_thanks, name="membership_thanks"),
]
