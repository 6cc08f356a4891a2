from django.utils.functional import SimpleLazyObject

from portal.navigation import main_navigation


def navigation(request):
    return {"main_navigation": SimpleLazyObject(lambda: main_navigation(request))}
