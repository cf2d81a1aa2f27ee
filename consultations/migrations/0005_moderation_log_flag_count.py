"""The moderation log keeps the number of flags behind an automatic hiding as a number.

Until now that entry held a sentence, in the language of whoever's flag tipped it, without
plural forms ("Hidden after 1 flags."). The new column holds the count, worded when shown.
Existing entries whose note is exactly that generated sentence (in English or Slovenian) get
the count and an empty note; anything else is left as written. The log is append-only in the
database (0003): for this one change the guard is lifted and restored in the same
transaction, the triggers as 0003 made them.
"""

import importlib
import re

from django.db import migrations, models

TABLE = "consultations_moderationaction"
# The sentence 0002 to 0004 wrote, as the two catalogs had it.
SENTENCES = [
    re.compile(r"Hidden after (\d+) flags\."),
    re.compile(r"Samodejno skrito, ko je število prijav doseglo (\d+)\."),
]


def _append_only_lifted(schema_editor, change) -> None:
    """Run `change()` with the log's append-only triggers off, and put them back."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # ALTER TABLE refuses while deferred checks of this transaction wait.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER moderation_log_append_only")
        change()
        schema_editor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER moderation_log_append_only")
    elif vendor == "sqlite":
        first = importlib.import_module(
            "consultations.migrations.0003_moderation_log_append_only_and_moderators"
        )
        for statement in first.SQLITE_DOWN:
            schema_editor.execute(statement)
        change()
        for statement in first.SQLITE_UP:
            schema_editor.execute(statement)
    else:
        change()


def sentences_to_facts(apps, schema_editor) -> None:
    entry_model = apps.get_model("consultations", "ModerationAction")
    counts = {}
    for pk, note in entry_model.objects.filter(
        action="auto_hide", flag_count__isnull=True
    ).values_list("pk", "note"):
        for sentence in SENTENCES:
            if match := sentence.fullmatch(note.strip()):
                counts[pk] = int(match[1])
                break
    if not counts:
        return

    def change() -> None:
        for pk, count in counts.items():
            entry_model.objects.filter(pk=pk).update(flag_count=count, note="")

    _append_only_lifted(schema_editor, change)


def facts_to_sentences(apps, schema_editor) -> None:
    entry_model = apps.get_model("consultations", "ModerationAction")
    counts = dict(
        entry_model.objects.filter(action="auto_hide", flag_count__isnull=False, note="")
        .values_list("pk", "flag_count")
    )
    if not counts:
        return

    def change() -> None:
        for pk, count in counts.items():
            entry_model.objects.filter(pk=pk).update(note=f"Hidden after {count} flags.")

    _append_only_lifted(schema_editor, change)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0004_results_dossier"),
    ]

    operations = [
        migrations.AddField(
            model_name="moderationaction",
            name="flag_count",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="flags"),
        ),
        migrations.RunPython(sentences_to_facts, facts_to_sentences),
    ]
