from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Experiment",
            name="revision_error",
            field=fields.TextField(null=True, unique=False),
        ),
    ]
