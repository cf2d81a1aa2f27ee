"""Where results files live: a folder of their own outside MEDIA_ROOT, with no public address."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class ResultsStorage(FileSystemStorage):
    """Django's FileSystemStorage at RESULTS_ROOT (unless given a `location`) without a URL.

    Interim files and those of unpublished consultations must not be reachable by guessing a
    name, so no web server or URL serves this folder: the results views read the files and
    answer only after their permission checks.
    """

    def __init__(self, location=None, base_url=None, **kwargs):
        if base_url:
            raise ImproperlyConfigured(
                "The results storage has no URL: its files are served only by the results views."
            )
        super().__init__(location=location, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.RESULTS_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "RESULTS_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError(
            f"Results file {name!r} has no public URL: link to the results views instead."
        )
