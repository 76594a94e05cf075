"""Tokens restricted to listed projects (``access_tokens.project_ids``, storage.access)."""

from tortoise import fields, migrations

from storage.migration_ops import AddColumn


class Migration(migrations.Migration):
    dependencies = [("models", "0017_oidc")]

    initial = False

    operations = [
        AddColumn(  # back on SQLite: dropped in place (a rebuild loses 0013's index)
            table="access_tokens",
            model_name="AccessToken",
            name="project_ids",
            field=fields.TextField(null=True),
        ),
    ]
