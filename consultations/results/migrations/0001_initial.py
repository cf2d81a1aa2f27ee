"""The results app takes over its model from consultations (0008 there); no table changes."""

import consultations.results.models
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


MOVED = ["resultsdossier"]


def relabel(apps, schema_editor):
    """Content types (and so permissions and admin log entries) follow the models to this app."""
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="consultations", model__in=MOVED).update(
        app_label="results"
    )


def relabel_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="results", model__in=MOVED).update(
        app_label="consultations"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('consultations', '0008_moderation_and_results_move_to_their_apps'),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's idea of the app changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ResultsDossier',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('sl', 'Slovenian'), ('en', 'English')], max_length=8, verbose_name='language')),
                        ('kind', models.CharField(choices=[('pdf', 'PDF'), ('csv', 'CSV'), ('json', 'JSON')], max_length=4, verbose_name='format')),
                        ('file', models.FileField(blank=True, max_length=255, storage=consultations.results.models.results_storage, upload_to='dossiers/', verbose_name='file')),
                        ('sha256', models.CharField(blank=True, max_length=64, verbose_name='SHA-256 checksum')),
                        ('size', models.PositiveBigIntegerField(default=0, verbose_name='size in bytes')),
                        ('generated_at', models.DateTimeField(blank=True, help_text='When the data in the stored file was read.', null=True, verbose_name='generated at')),
                        ('is_interim', models.BooleanField(default=False, help_text='Rendered while the consultation was open.', verbose_name='interim')),
                        ('status', models.CharField(choices=[('pending', 'waiting to be prepared'), ('running', 'being prepared'), ('ready', 'ready'), ('failed', 'failed')], default='pending', max_length=8, verbose_name='status')),
                        ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='requested at')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='failed attempts')),
                        ('last_error', models.TextField(blank=True, verbose_name='last error')),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results_dossiers', to='consultations.consultation')),
                    ],
                    options={
                        'verbose_name': 'results file',
                        'verbose_name_plural': 'results files',
                        'db_table': 'consultations_resultsdossier',
                        'ordering': ['consultation', 'language', 'kind'],
                        'constraints': [models.UniqueConstraint(fields=('consultation', 'language', 'kind'), name='one_results_file_per_language_and_format'), models.CheckConstraint(condition=models.Q(('file', ''), models.Q(models.Q(('sha256', ''), _negated=True), ('generated_at__isnull', False)), _connector='OR'), name='stored_results_file_has_checksum_and_date')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel, relabel_back),
    ]
