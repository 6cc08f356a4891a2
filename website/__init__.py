"""The site as a whole: what needs every app and so sits above them all (the layers in
pyproject.toml). Its URLs, the site search, the read-only API, the site's structure
(``setup_site``) and the demo content (``load_demo``). No app imports it."""
