"""Both UI catalogs are complete: no empty, fuzzy or half-plural entry."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "inepa_portal" / "locale"


@pytest.mark.parametrize("language", ["sl", "en"])
def test_catalog_has_no_untranslated_or_fuzzy_entry(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))

    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []
    assert len(catalog) > 50


def test_slovenian_plurals_have_all_four_forms():
    catalog = polib.pofile(str(LOCALE / "sl" / "LC_MESSAGES" / "django.po"))

    assert "nplurals=4;" in catalog.metadata["Plural-Forms"]
    plurals = [entry for entry in catalog if entry.msgid_plural]
    assert plurals
    for entry in plurals:
        assert sorted(entry.msgstr_plural) == [0, 1, 2, 3]
        assert all(entry.msgstr_plural.values()), entry.msgid


def test_placeholders_survive_translation():
    catalog = polib.pofile(str(LOCALE / "sl" / "LC_MESSAGES" / "django.po"))

    for entry in catalog:
        for placeholder in ("%(count)d", "%(number)s", "%(total)s", "%(author)s"):
            if placeholder in entry.msgid:
                translations = [entry.msgstr] if entry.msgstr else entry.msgstr_plural.values()
                assert all(placeholder in text for text in translations), entry.msgid
