from whitenoise.storage import CompressedManifestStaticFilesStorage


class LenientManifestStorage(CompressedManifestStaticFilesStorage):
    """Production's static files, except that a file missing from the manifest (others'
    work in progress) is linked unhashed instead of failing the page."""

    manifest_strict = False
