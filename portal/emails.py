from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def send_templated_email(template_prefix, recipients, context):
    """Send a plain-text email whose subject and body are the templates
    ``<prefix>_subject.txt`` and ``<prefix>_body.txt``."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(recipients))
