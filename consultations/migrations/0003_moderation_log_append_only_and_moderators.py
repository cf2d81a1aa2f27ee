"""The moderation log refuses changes in the database itself; a Moderators group exists."""

from django.db import migrations

TABLE = "consultations_moderationaction"

POSTGRESQL_UP = f"""
CREATE FUNCTION consultations_moderation_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'The moderation log is append-only: entries cannot be changed or deleted.';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER moderation_log_append_only BEFORE UPDATE OR DELETE ON {TABLE}
  FOR EACH ROW EXECUTE FUNCTION consultations_moderation_log_append_only();
"""
POSTGRESQL_DOWN = f"""
DROP TRIGGER moderation_log_append_only ON {TABLE};
DROP FUNCTION consultations_moderation_log_append_only();
"""
SQLITE_UP = [
    f"""CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'The moderation log is append-only.'); END;""",
    f"""CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'The moderation log is append-only.'); END;""",
]
SQLITE_DOWN = ["DROP TRIGGER moderation_log_no_update;", "DROP TRIGGER moderation_log_no_delete;"]

MODERATOR_PERMISSIONS = [
    ("consultations", "view_comment"),
    ("consultations", "moderate_comment"),
    ("consultations", "view_flag"),
    ("consultations", "view_appeal"),
    ("consultations", "view_moderationaction"),
    ("consultations", "view_consultation"),
    ("consultations", "view_officialresponse"),
    ("consultations", "add_officialresponse"),
    ("accounts", "view_user"),
]


def append_only(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_UP)
    elif vendor == "sqlite":
        for statement in SQLITE_UP:
            schema_editor.execute(statement)


def drop_append_only(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_DOWN)
    elif vendor == "sqlite":
        for statement in SQLITE_DOWN:
            schema_editor.execute(statement)


def create_moderators(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    for app_label, codename in MODERATOR_PERMISSIONS:
        moderators.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_moderators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_moderation"),
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(append_only, drop_append_only),
        migrations.RunPython(create_moderators, remove_moderators),
    ]
