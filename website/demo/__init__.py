"""Demo content for the portal, loaded by ``manage.py load_demo``.

The content is data: ``content/*.yaml`` for the pages, ``translations/<language>/*.po`` for
their translations; ``loader`` turns it into pages with the models alone. Facts from the
network's public documents are marked as real (``is_demo_content: false``); everything
invented for the demo (most practices, their figures, membership years, coming events) is
marked as demo content, so the admin flags it and it can be deleted before the portal
goes live.
"""
