from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0007_pull_requests")]

    initial = False

    operations = [
        ops.AddField(
            model_name="AccessToken",
            name="owner_name",
            field=fields.CharField(null=True, max_length=200),
        ),
        ops.AddField(
            model_name="AccessToken",
            name="owner_email",
            field=fields.CharField(null=True, max_length=254),
        ),
        ops.AddField(
            model_name="DeviceCode", name="approved_by", field=fields.IntField(null=True)
        ),
    ]
