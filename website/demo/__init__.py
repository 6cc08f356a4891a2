"""Demo content for the portal, loaded by ``manage.py load_demo`` with the test factories.

The tables hold the content; ``loader`` turns them into pages. Facts from the network's
public documents are marked as real (``is_demo_content=False``); everything invented for
the demo (most practices, their figures, membership years, coming events) is marked as
demo content, so the admin flags it and it can be deleted before the portal goes live.
Populations and coordinates are public statistics, rounded.
"""
