"""The events app's admin: what its views and viewsets are. events/wagtail_hooks.py
registers them (menus, URLs, buttons, permission policies) and nothing else."""
