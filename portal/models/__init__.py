from .media import PortalDocument, PortalImage, PortalRendition
from .notices import Notice, NoticeKind
from .pages import BasePage, CrosswalkPage, HomePage, StandardPage, StoryIndexPage, StoryPage
from .taxonomy import CapitalCodeTheme, CharterGoal
from .users import User

__all__ = [
    "BasePage",
    "CapitalCodeTheme",
    "CharterGoal",
    "CrosswalkPage",
    "HomePage",
    "Notice",
    "NoticeKind",
    "PortalDocument",
    "PortalImage",
    "PortalRendition",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "User",
]
