"""Flags, the moderation log, appeals and official responses move to consultations.moderation,
results files to consultations.results: their tables and rows stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('consultations', '0007_results_files_in_their_own_storage'),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's idea of the app changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='appeal',
                    name='comment',
                ),
                migrations.RemoveConstraint(
                    model_name='flag',
                    name='one_flag_per_citizen_per_comment',
                ),
                migrations.RemoveConstraint(
                    model_name='flag',
                    name='flag_other_reason_is_explained',
                ),
                migrations.RemoveField(
                    model_name='moderationaction',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='moderationaction',
                    name='comment',
                ),
                migrations.RemoveField(
                    model_name='moderationaction',
                    name='target_user',
                ),
                migrations.RemoveConstraint(
                    model_name='officialresponse',
                    name='response_answers_a_comment_or_a_section',
                ),
                migrations.RemoveConstraint(
                    model_name='resultsdossier',
                    name='one_results_file_per_language_and_format',
                ),
                migrations.RemoveConstraint(
                    model_name='resultsdossier',
                    name='stored_results_file_has_checksum_and_date',
                ),
                migrations.DeleteModel(
                    name='Appeal',
                ),
                migrations.RemoveField(
                    model_name='flag',
                    name='comment',
                ),
                migrations.RemoveField(
                    model_name='flag',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='ModerationAction',
                ),
                migrations.RemoveField(
                    model_name='officialresponse',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='officialresponse',
                    name='comment',
                ),
                migrations.RemoveField(
                    model_name='officialresponse',
                    name='consultation',
                ),
                migrations.RemoveField(
                    model_name='officialresponse',
                    name='section',
                ),
                migrations.RemoveField(
                    model_name='resultsdossier',
                    name='consultation',
                ),
                migrations.DeleteModel(
                    name='Flag',
                ),
                migrations.DeleteModel(
                    name='OfficialResponse',
                ),
                migrations.DeleteModel(
                    name='ResultsDossier',
                ),
            ],
            database_operations=[],
        ),
    ]
