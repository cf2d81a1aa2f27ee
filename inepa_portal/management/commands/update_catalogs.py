"""Refresh both UI catalogs from the code; English is filled from the msgids themselves."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

IGNORED = [".venv/*", "node_modules/*", "tests/*", "bench/*"]


class Command(BaseCommand):
    help = "Run makemessages for sl and en, fill the English catalog, list what sl still lacks."

    def handle(self, *args, **options) -> None:
        import polib  # a development tool: only needed here

        call_command(
            "makemessages", locale=["sl", "en"], ignore_patterns=IGNORED, no_obsolete=True,
            verbosity=0,
        )  # fmt: skip
        locale = settings.LOCALE_PATHS[0]
        english = polib.pofile(str(locale / "en" / "LC_MESSAGES" / "django.po"), wrapwidth=79)
        for entry in english:
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
        english.save()
        slovenian = polib.pofile(str(locale / "sl" / "LC_MESSAGES" / "django.po"))
        missing = slovenian.untranslated_entries() + slovenian.fuzzy_entries()
        for entry in missing:
            self.stdout.write(f"sl needs a translation: {entry.msgid!r}")
        self.stdout.write(f"English complete; Slovenian entries to translate: {len(missing)}.")
