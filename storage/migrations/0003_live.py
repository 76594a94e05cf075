from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0002_revision_error')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DeviceCode',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('device_code_hash', fields.CharField(unique=True, max_length=64)),
                ('user_code', fields.CharField(unique=True, max_length=16)),
                ('client_name', fields.CharField(max_length=100)),
                ('token_name', fields.CharField(max_length=100)),
                ('scopes', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status', fields.CharField(default='pending', max_length=16)),
            ],
            options={'table': 'device_codes', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A pending ``dvc studio login``: approved on the verification page with an existing'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LiveImage',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('experiment', fields.ForeignKeyField('models.Experiment', source_field='experiment_id', db_constraint=True, to_field='id', related_name='images', on_delete=OnDelete.CASCADE)),
                ('path', fields.CharField(max_length=512)),
                ('step', fields.IntField()),
                ('digest', fields.CharField(max_length=64)),
                ('size', fields.IntField()),
            ],
            options={'table': 'live_images', 'app': 'models', 'unique_together': (('experiment', 'path', 'step'),), 'pk_attr': 'id', 'table_description': 'An image logged by DVCLive, the bytes live in the data directory under their digest.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MetricPoint',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('experiment', fields.ForeignKeyField('models.Experiment', source_field='experiment_id', db_constraint=True, to_field='id', related_name='points', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=512)),
                ('step', fields.IntField()),
                ('value', fields.FloatField(null=True)),
                ('token', fields.CharField(null=True, max_length=32)),
                ('timestamp', fields.FloatField(null=True)),
            ],
            options={'table': 'metric_points', 'app': 'models', 'unique_together': (('experiment', 'step', 'name'),), 'pk_attr': 'id', 'table_description': 'One logged value of a live run: written in batches by the group-commit writer with'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='UnmatchedRepo',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('repo_key', fields.CharField(unique=True, max_length=512)),
                ('repo_url', fields.TextField(unique=False)),
                ('events', fields.IntField(default=0)),
                ('last_seen_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'unmatched_repos', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Live events for a repository no project knows, counted so an admin can add it.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Experiment',
            name='experiment_rev',
            field=fields.CharField(null=True, max_length=40),
        ),
        ops.AddField(
            model_name='Experiment',
            name='last_event_at',
            field=fields.FloatField(null=True),
        ),
        ops.AddField(
            model_name='Experiment',
            name='last_step',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='Experiment',
            name='live_subdir',
            field=fields.CharField(null=True, max_length=255),
        ),
    ]
