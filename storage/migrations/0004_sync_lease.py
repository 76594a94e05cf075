from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0003_live')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Project',
            name='sync_lease_until',
            field=fields.FloatField(null=True),
        ),
        ops.AddField(
            model_name='Project',
            name='sync_owner',
            field=fields.CharField(null=True, max_length=64),
        ),
    ]
