"""Stored HTML rendered again: links that leave the site, in any form a browser follows
(`//host`, `/\\host`…), are marked external as inepa_portal/markup.py now does."""

from django.db import migrations


def rerender(apps, schema_editor):
    from inepa_portal.rerender import rerender

    for code in ("sl", "en"):
        rerender(apps.get_model("articles", "Article"), source=f"body_{code}",
                 html=f"body_html_{code}", language=code,
                 using=schema_editor.connection.alias)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
