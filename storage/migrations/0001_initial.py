from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name="AccessToken",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("name", fields.CharField(max_length=100)),
                ("prefix", fields.CharField(max_length=16)),
                ("token_hash", fields.CharField(unique=True, max_length=64)),
                ("scopes", fields.TextField(unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "last_used_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("revoked_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={"table": "access_tokens", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Project",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("name", fields.CharField(unique=True, max_length=100)),
                ("repo_url", fields.TextField(unique=False)),
                ("subdir", fields.CharField(default="", max_length=255)),
                ("default_branch", fields.CharField(null=True, max_length=255)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("ref_tips", fields.TextField(default="{}", unique=False)),
                (
                    "last_synced_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("last_sync_error", fields.TextField(null=True, unique=False)),
                ("sync_count", fields.IntField(default=0)),
            ],
            options={"table": "projects", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Branch",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "project",
                    fields.ForeignKeyField(
                        "models.Project",
                        source_field="project_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="branches",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("name", fields.CharField(max_length=255)),
                ("sha", fields.CharField(max_length=40)),
            ],
            options={
                "table": "branches",
                "app": "models",
                "unique_together": (("project", "name"),),
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Commit",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "project",
                    fields.ForeignKeyField(
                        "models.Project",
                        source_field="project_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="commits",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("sha", fields.CharField(max_length=40)),
                ("parents", fields.TextField(default="[]", unique=False)),
                ("author_name", fields.CharField(max_length=255)),
                ("author_email", fields.CharField(max_length=255)),
                ("authored_at", fields.BigIntField()),
                ("committer_name", fields.CharField(max_length=255)),
                ("committer_email", fields.CharField(max_length=255)),
                ("committed_at", fields.BigIntField()),
                ("commit_offset", fields.IntField(default=0)),
                ("message", fields.TextField(unique=False)),
            ],
            options={
                "table": "commits",
                "app": "models",
                "unique_together": (("project", "sha"),),
                "indexes": [Index(fields=["project_id", "committed_at"])],
                "pk_attr": "id",
                "table_description": "A commit reachable from a branch or a tag (experiment commits live in Experiment).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="BranchCommit",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "branch",
                    fields.ForeignKeyField(
                        "models.Branch",
                        source_field="branch_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="memberships",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "commit",
                    fields.ForeignKeyField(
                        "models.Commit",
                        source_field="commit_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="memberships",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
            ],
            options={
                "table": "branch_commits",
                "app": "models",
                "unique_together": (("branch", "commit"),),
                "pk_attr": "id",
                "table_description": "Membership of a commit in a branch's history (maintained incrementally by sync).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Experiment",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "project",
                    fields.ForeignKeyField(
                        "models.Project",
                        source_field="project_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="experiments",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("kind", fields.CharField(max_length=16)),
                ("key", fields.CharField(max_length=400)),
                ("sha", fields.CharField(null=True, max_length=40)),
                ("baseline_sha", fields.CharField(null=True, max_length=40)),
                ("name", fields.CharField(null=True, max_length=255)),
                ("ref", fields.CharField(null=True, max_length=400)),
                ("status", fields.CharField(max_length=16)),
                ("author_name", fields.CharField(null=True, max_length=255)),
                ("author_email", fields.CharField(null=True, max_length=255)),
                ("message", fields.TextField(null=True, unique=False)),
                ("created_at", fields.BigIntField()),
                ("params", fields.TextField(default="{}", unique=False)),
                ("metrics", fields.TextField(default="{}", unique=False)),
                ("errors", fields.TextField(default="[]", unique=False)),
                ("plots", fields.TextField(default="[]", unique=False)),
                ("deps", fields.TextField(default="{}", unique=False)),
                ("outs", fields.TextField(default="{}", unique=False)),
            ],
            options={
                "table": "experiments",
                "app": "models",
                "unique_together": (("project", "key"),),
                "indexes": [
                    Index(fields=["project_id", "kind", "created_at"]),
                    Index(fields=["project_id", "baseline_sha"]),
                    Index(fields=["project_id", "sha"]),
                ],
                "pk_attr": "id",
                "table_description": "One row of the experiments table: a commit, an experiment ref or a live run.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Cell",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("project_id", fields.IntField()),
                (
                    "experiment",
                    fields.ForeignKeyField(
                        "models.Experiment",
                        source_field="experiment_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="cells",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("kind", fields.CharField(max_length=8)),
                ("file", fields.CharField(max_length=255)),
                ("path", fields.CharField(max_length=512)),
                ("vtype", fields.CharField(max_length=8)),
                ("num", fields.FloatField(null=True)),
                ("text", fields.TextField(null=True, unique=False)),
            ],
            options={
                "table": "cells",
                "app": "models",
                "indexes": [Index(fields=["project_id", "kind", "file", "path"])],
                "pk_attr": "id",
                "table_description": "One flattened param or metric value of an experiment row, for filtering and ordering.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Tag",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "project",
                    fields.ForeignKeyField(
                        "models.Project",
                        source_field="project_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="tags",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("name", fields.CharField(max_length=255)),
                ("sha", fields.CharField(max_length=40)),
                ("annotated", fields.BooleanField(default=False)),
                ("tagger_name", fields.CharField(null=True, max_length=255)),
                ("tagger_email", fields.CharField(null=True, max_length=255)),
                ("tagged_at", fields.BigIntField(null=True)),
                ("message", fields.TextField(null=True, unique=False)),
            ],
            options={
                "table": "tags",
                "app": "models",
                "unique_together": (("project", "name"),),
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
    ]
