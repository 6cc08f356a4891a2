from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files with no public address, kept outside MEDIA_ROOT; views that check
    permissions serve them."""

    def url(self, name):
        raise ValueError("This file is not accessible via a URL; serve it through a view.")
