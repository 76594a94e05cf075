"""Tokens restricted to listed projects (``access_tokens.project_ids``, storage.access)."""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0017_oidc")]

    initial = False

    operations = [
        ops.AddField(
            model_name="AccessToken", name="project_ids", field=fields.TextField(null=True)
        ),
    ]
