"""Photos are served as responsive renditions: WebP for the browsers that take it, JPEG
for the rest, several widths to choose from, and lazily below the fold."""

from html.parser import HTMLParser

from wagtail.images.models import Filter

from portal.factories import PortalImageFactory, StoryPageFactory
from portal.models import PortalImage, StoryIndexPage


class PictureParser(HTMLParser):
    """Each <picture> of a page: its <source> elements and its <img>."""

    def __init__(self):
        super().__init__()
        self.pictures = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._inside = True
            self.pictures.append({"sources": [], "img": None})
        elif self._inside and tag == "source":
            self.pictures[-1]["sources"].append(dict(attrs))
        elif self._inside and tag == "img":
            self.pictures[-1]["img"] = dict(attrs)

    def handle_endtag(self, tag):
        if tag == "picture":
            self._inside = False


def pictures(response):
    parser = PictureParser()
    parser.feed(response.content.decode())
    return parser.pictures


def srcset_files(srcset):
    return [candidate.split()[0] for candidate in srcset.split(",")]


def test_the_home_page_photo_is_webp_with_a_jpeg_fallback(client, home):
    home.hero_image = PortalImageFactory(description="The harbour at first light")
    home.save_revision().publish()

    (picture,) = pictures(client.get("/"))

    (source,) = picture["sources"]
    assert source["type"] == "image/webp"
    assert len(srcset_files(source["srcset"])) == 3
    assert all(name.endswith(".webp") for name in srcset_files(source["srcset"]))
    img = picture["img"]
    # A browser without WebP shows the <img>: JPEG, at the same widths.
    assert img["src"].endswith(".jpg")
    assert all(name.endswith(".jpg") for name in srcset_files(img["srcset"]))
    assert len(srcset_files(img["srcset"])) == 3
    assert img["alt"] == "The harbour at first light"
    assert img["sizes"] == source["sizes"]
    # The first thing a visitor sees is not held back.
    assert img["fetchpriority"] == "high"
    assert "loading" not in img


def test_story_cards_load_their_photos_lazily_in_both_formats(client, home, section):
    stories = section(StoryIndexPage)
    for number in range(2):
        StoryPageFactory(parent=stories, title=f"Story {number}", image=PortalImageFactory())

    found = pictures(client.get(stories.url))

    assert len(found) == 2
    for picture in found:
        assert [source["type"] for source in picture["sources"]] == ["image/webp"]
        assert picture["img"]["src"].endswith(".jpg")
        assert picture["img"]["loading"] == "lazy"
        # Decorative beside the card's linked title.
        assert picture["img"]["alt"] == ""


class CacheWrites:
    """The keys written to the renditions' cache (a memory cache's set_many calls set)."""

    def __init__(self, backend, monkeypatch):
        self.keys = set()
        for name in ("set", "set_many"):
            original = getattr(backend, name)

            def record(value, *args, _original=original, **kwargs):
                self.keys.update(value if isinstance(value, dict) else [value])
                return _original(value, *args, **kwargs)

            monkeypatch.setattr(backend, name, record)


def test_renditions_found_in_the_database_are_cached(db, monkeypatch):
    image = PortalImageFactory()
    image.get_renditions("width-400", "width-800")
    Rendition = image.get_rendition_model()
    Rendition.cache_backend.clear()
    writes = CacheWrites(Rendition.cache_backend, monkeypatch)

    PortalImage.objects.get(pk=image.pk).get_rendition("width-400")
    PortalImage.objects.get(pk=image.pk).get_renditions("width-400", "width-800")

    assert len(writes.keys) == 2
    assert PortalImage.objects.get(pk=image.pk).find_existing_renditions(
        *(Filter(spec) for spec in ("width-400", "width-800"))
    ).keys() == {Filter("width-400"), Filter("width-800")}
