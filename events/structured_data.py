"""An event page as schema.org JSON-LD, with what Google's event results read."""

from portal import schema_org

from .choices import RegistrationState


def event_item(event, request=None, speakers=None, registration_state=None):
    """The event as schema.org JSON-LD, with what Google's event results read.
    ``speakers`` and ``registration_state`` save queries when the caller has them."""
    if event.is_online and event.is_in_person:
        mode = "MixedEventAttendanceMode"
    elif event.is_online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    locations = []
    if event.is_in_person:
        locations.append(place(event))
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if event.all_day:
        start, end = event.local_start.date(), event.local_end.date()
    else:
        start, end = event.local_start, event.local_end
    if speakers is None:
        speakers = event.speakers()
    return schema_org.item(
        "Event",
        name=event.title,
        description=event.introduction,
        startDate=start.isoformat(),
        endDate=end.isoformat(),
        # The portal has no cancelled or postponed state: an event that does not take
        # place is unpublished.
        eventStatus="https://schema.org/EventScheduled",
        eventAttendanceMode=f"https://schema.org/{mode}",
        location=locations[0] if len(locations) == 1 else locations,
        inLanguage=event.language,
        url=event.get_full_url(request),
        image=schema_org.images(event.social_image, request),
        isAccessibleForFree=True,
        organizer=schema_org.network(request),
        offers=offer(event, request, registration_state),
        performer=[
            {"@type": "Person", "name": speaker.name, "jobTitle": speaker.role}
            for speaker in speakers
        ],
        maximumAttendeeCapacity=event.capacity,
    )


def place(event):
    """The venue as a schema.org Place, its postal address completed with the host
    city and its country (Google requires an address for a Place)."""
    address = {"@type": "PostalAddress"}
    if event.address:
        address["streetAddress"] = event.address
    # A host city in a private section is not named here either.
    if host_city := event.public_host_city:
        address["addressLocality"] = host_city.title
        address["addressCountry"] = host_city.country
    place = {"@type": "Place", "name": event.venue or event.address}
    if len(address) > 1:
        place["address"] = address
    return place


def offer(event, request=None, registration_state=None):
    """A free place at the event, while registration on the portal is open (sold out
    once the event is full and new registrations join the waiting list); None when
    no one can register now."""
    # The event in the working language holds the places of all its translations.
    state = registration_state or event.registration_event().registration_state()
    if state not in (RegistrationState.OPEN, RegistrationState.FULL):
        return None
    return {
        "@type": "Offer",
        "price": 0,
        # Google wants a currency with every price; nothing is paid in any of them.
        "priceCurrency": "EUR",
        "availability": "https://schema.org/"
        + ("InStock" if state == RegistrationState.OPEN else "SoldOut"),
        "url": event.get_full_url(request) + event.reverse_subpage("register"),
        "validFrom": event.registration_opens,
    }
