"""The moderation app takes over its models from consultations (0008 there); no table changes."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


MOVED = ["flag", "moderationaction", "appeal", "officialresponse"]


def relabel(apps, schema_editor):
    """Content types (and so permissions and admin log entries) follow the models to this app."""
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="consultations", model__in=MOVED).update(
        app_label="moderation"
    )


def relabel_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="moderation", model__in=MOVED).update(
        app_label="consultations"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('consultations', '0008_moderation_and_results_move_to_their_apps'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's idea of the app changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Appeal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.CharField(max_length=1000, verbose_name='message')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='asked at')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
                        ('upheld', models.BooleanField(null=True, verbose_name='comment restored')),
                        ('comment', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='appeal', to='consultations.comment')),
                    ],
                    options={
                        'verbose_name': 'appeal',
                        'verbose_name_plural': 'appeals',
                        'db_table': 'consultations_appeal',
                    },
                ),
                migrations.CreateModel(
                    name='ModerationAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('actor_name', models.CharField(max_length=120, verbose_name='by')),
                        ('action', models.CharField(choices=[('publish', 'published'), ('hide', 'hidden'), ('auto_hide', 'hidden automatically after flags'), ('reject', 'rejected'), ('restore', 'restored'), ('appeal', 'review requested by the author'), ('appeal_decided', 'review decided'), ('block_user', 'account blocked')], max_length=16, verbose_name='action')),
                        ('from_status', models.CharField(blank=True, max_length=16, verbose_name='from')),
                        ('to_status', models.CharField(blank=True, max_length=16, verbose_name='to')),
                        ('reason', models.CharField(blank=True, choices=[('spam', 'spam'), ('abuse', 'abuse or hate'), ('off_topic', 'off-topic'), ('personal_data', 'personal data'), ('other', 'other')], max_length=16, verbose_name='reason')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('flag_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='flags')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                        ('actor', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('comment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='moderation_actions', to='consultations.comment')),
                        ('target_user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'moderation log entry',
                        'verbose_name_plural': 'moderation log',
                        'db_table': 'consultations_moderationaction',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='Flag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reason', models.CharField(choices=[('spam', 'spam'), ('abuse', 'abuse or hate'), ('off_topic', 'off-topic'), ('personal_data', 'personal data'), ('other', 'other')], max_length=16, verbose_name='reason')),
                        ('text', models.CharField(blank=True, max_length=500, verbose_name='details')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='flagged at')),
                        ('comment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='flags', to='consultations.comment')),
                        ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='flags', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'flag',
                        'verbose_name_plural': 'flags',
                        'db_table': 'consultations_flag',
                        'ordering': ['-created_at'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('user__isnull', False)), fields=('comment', 'user'), name='one_flag_per_citizen_per_comment'), models.CheckConstraint(condition=models.Q(models.Q(('reason', 'other'), _negated=True), models.Q(('text', ''), _negated=True), _connector='OR'), name='flag_other_reason_is_explained')],
                    },
                ),
                migrations.CreateModel(
                    name='OfficialResponse',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('body_sl', models.TextField(help_text='Markdown.', verbose_name='response (Slovenian)')),
                        ('body_en', models.TextField(help_text='Markdown.', verbose_name='response (English)')),
                        ('body_html_sl', models.TextField(blank=True, editable=False)),
                        ('body_html_en', models.TextField(blank=True, editable=False)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='written at')),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('comment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='official_responses', to='consultations.comment')),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='official_responses', to='consultations.consultation')),
                        ('section', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='official_responses', to='consultations.section')),
                    ],
                    options={
                        'verbose_name': 'official response',
                        'verbose_name_plural': 'official responses',
                        'db_table': 'consultations_officialresponse',
                        'ordering': ['created_at', 'id'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('section__isnull', True), ('comment__isnull', True), _connector='OR'), name='response_answers_a_comment_or_a_section')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel, relabel_back),
    ]
