"""Stored HTML rendered again: links that leave the site, in any form a browser follows
(`//host`, `/\\host`…), are marked external as inepa_portal/markup.py now does."""

from django.db import migrations


def rerender(apps, schema_editor):
    from inepa_portal.rerender import rerender

    using = schema_editor.connection.alias
    rerender(apps.get_model("consultations", "Comment"), source="body", html="body_html",
             using=using)  # fmt: skip
    for code in ("sl", "en"):
        for model, source, html in [
            ("Section", f"body_{code}", f"body_html_{code}"),
            ("Consultation", f"outcome_{code}", f"outcome_html_{code}"),
            ("OfficialResponse", f"body_{code}", f"body_html_{code}"),
        ]:
            rerender(apps.get_model("consultations", model), source=source, html=html,
                     language=code, using=using)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0005_moderation_log_flag_count"),
    ]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
