from .membership import ApplicationStatus, MembershipApplication
from .pages import CityIndexPage, CityPage, CityPageQuerySet, Country, MembershipStatus
from .profile import CityContact, KeyFigure, StrategyDocument, StrategyDocumentKind

__all__ = [
    "ApplicationStatus",
    "CityContact",
    "CityIndexPage",
    "CityPage",
    "CityPageQuerySet",
    "Country",
    "KeyFigure",
    "MembershipApplication",
    "MembershipStatus",
    "StrategyDocument",
    "StrategyDocumentKind",
]
