from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0005_metric_steps")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Project",
            name="registry",
            field=fields.TextField(null=True),
        ),
        ops.AddField(
            model_name="Tag",
            name="tagger_offset",
            field=fields.IntField(null=True),
        ),
    ]
