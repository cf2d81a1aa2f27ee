"""The portal's own date and time formats (FORMAT_MODULE_PATH), ahead of Django's locales.

Slovenian writes a date with the month in the genitive ("8. julija 2013"). Django's format
character "E" is the "alternative month name", translated under the context "alt. month";
Django's Slovenian catalog gives the nominative there, so the portal's catalog (which wins over
Django's) gives the genitive. The names are listed here so that makemessages keeps them.
"""

from django.utils.translation import pgettext_lazy

GENITIVE_MONTHS = (
    # Translators: the month's name as it stands after a day ("8. julija"), for the "E" format.
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
