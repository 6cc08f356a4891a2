"""Media on S3-compatible storage, as production configures it when a bucket is named
(docs/deploy.md): images, renditions and documents in the bucket under ``media/``,
membership decisions under ``private/``, served only through the staff view.

The storage settings are the production settings' own, read in a subprocess with the
bucket's variables set; moto answers for S3 in this process, through boto3 as
django-storages calls it."""

import json

import boto3
import pytest
from botocore.client import BaseClient
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings
from django.urls import reverse
from moto import mock_aws

from cities.models import MembershipApplication
from portal.factories import PortalImageFactory
from portal.models import PortalDocument
from tests.cities.test_membership_application import apply
from tests.portal.test_settings import load_production_settings

pytestmark = pytest.mark.django_db

BUCKET = "safecities-media"
REGION = "eu-north-1"


def production_storages(**env):
    """STORAGES as portal.settings.production builds it from the environment."""
    result = load_production_settings(
        "from django.conf import settings; import json; "
        "print(json.dumps(settings.STORAGES, default=str))",
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="portal.example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def s3_storages():
    return production_storages(AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_REGION_NAME=REGION)


@pytest.fixture
def bucket(s3_storages, monkeypatch):
    """An empty bucket, and the portal's storages pointing at it."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws(), override_settings(STORAGES=s3_storages):
        s3 = boto3.client("s3", region_name=REGION)
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        # A FileField with a storage callable keeps what it returned when the models
        # loaded; point the decision document at the overridden storage.
        field = MembershipApplication._meta.get_field("decision_document")
        monkeypatch.setattr(field, "storage", storages["private"])
        yield s3


@pytest.fixture
def uploads(monkeypatch):
    """The parameters of every upload to the bucket, whole or in parts (over 8 MB)."""
    sent = []
    make_api_call = BaseClient._make_api_call

    def record(client, operation, params):
        if operation in ("PutObject", "CreateMultipartUpload"):
            sent.append(params)
        return make_api_call(client, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", record)
    return sent


def keys(s3, prefix):
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def is_public(s3, key):
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI", "").endswith("/AllUsers") for grant in grants)


def test_production_stores_media_in_the_bucket_only_when_one_is_named(s3_storages):
    assert s3_storages["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3_storages["default"]["OPTIONS"]["location"] == "media"
    assert s3_storages["private"]["OPTIONS"]["location"] == "private"
    on_disk = production_storages()
    assert on_disk["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_images_and_their_renditions_are_stored_in_the_bucket(bucket, uploads, home):
    image = PortalImageFactory()
    rendition = image.get_rendition("fill-400x300|format-webp")

    assert len(uploads) == 2
    assert all("ACL" not in params for params in uploads)

    [original] = keys(bucket, "media/original_images/")
    [stored_rendition] = keys(bucket, "media/images/")
    assert stored_rendition.endswith(".webp")
    # The rendition was made from the original read back from the bucket.
    assert bucket.get_object(Bucket=BUCKET, Key=stored_rendition)["ContentLength"] > 0
    # Public media are addressed in the bucket, with no signature that would expire in
    # pages kept in the cache.
    assert rendition.url.startswith(f"https://{BUCKET}.s3.")
    assert rendition.url.endswith(stored_rendition)
    assert "Signature" not in rendition.url
    assert original.startswith("media/original_images/image")


def test_a_document_is_stored_in_the_bucket_and_served_from_it(bucket, client, home):
    content = b"Safety walk checklist\n"
    document = PortalDocument.objects.create(
        title="Checklist", file=ContentFile(content, name="checklist.csv")
    )

    assert keys(bucket, "media/documents/") == [f"media/{document.file.name}"]
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content


def test_a_decision_is_a_private_object_that_only_staff_can_open(
    bucket, uploads, client, admin_client, home
):
    assert apply(client).status_code == 302
    application = MembershipApplication.objects.get()
    # AWS refuses an upload asking for an ACL (other than the owner's) to a bucket with
    # ACLs disabled, its default: the decision stays private by the bucket's policy.
    assert [params["Key"] for params in uploads] == [
        f"private/{application.decision_document.name}"
    ]
    assert all("ACL" not in params for params in uploads)

    [key] = keys(bucket, "private/membership/decisions/")
    assert key == f"private/{application.decision_document.name}"
    assert not is_public(bucket, key)
    assert keys(bucket, "media/") == []

    address = reverse(
        "wagtailsnippets_cities_membershipapplication:decision_document",
        args=[application.pk],
    )
    staff_response = admin_client.get(address)
    assert staff_response.status_code == 200
    assert b"".join(staff_response.streaming_content).startswith(b"%PDF-")
    anonymous = client.get(address)
    assert anonymous.status_code == 302
