from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0008_token_owner")]

    initial = False

    operations = [
        ops.AddField(
            model_name="DeviceCode",
            name="client_address",
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.AddIndex(
            model_name="DeviceCode",
            index=Index(fields=["client_address", "status"]),
        ),
        ops.AddField(
            model_name="Project",
            name="skipped_columns",
            field=fields.IntField(default=0, db_default=0),
        ),
    ]
