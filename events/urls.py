from django.urls import re_path

from . import views

# "<page path>/calendar.ics" for event pages and the events index: the same path with
# "calendar/" is the page's route that builds the file.
urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*)calendar\.ics$", views.calendar_file, name="calendar_file"),
]
