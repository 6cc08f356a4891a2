"""The names of the groups that carry the portal's roles."""

NETWORK_STAFF = "Network staff"
# People from member cities, who may register for members-only events.
MEMBERS = "Members"


def city_editors_group_name(city_name):
    return f"{city_name} editors"
