"""Metric series stored one row per step (metric_steps) instead of one row per value.

The rows of metric_points are folded into metric_steps (first value of a step and name
wins, as the old unique key kept it) and each run's ``live_metrics`` is filled in, then
metric_points is dropped.
"""

from typing import Any

import orjson
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops

_CHUNK = 20_000


async def _fold_points(apps: Any, editor: Any) -> None:
    client = editor.client
    postgres = client.capabilities.dialect == "postgres"

    def sql(query: str) -> str:
        if not postgres:
            return query
        parts = query.split("?")
        return "".join(p + (f"${i + 1}" if i < len(parts) - 1 else "") for i, p in enumerate(parts))

    last_id = 0
    series: dict[int, dict[str, int]] = {}
    while True:
        _, rows = await client.execute_query(
            sql(
                "SELECT id, experiment_id, name, step, value, token, timestamp FROM metric_points"
                " WHERE id > ? ORDER BY id LIMIT ?"
            ),
            [last_id, _CHUNK],
        )
        if not rows:
            break
        steps: dict[tuple[int, int], dict[str, list[Any]]] = {}
        for r in rows:
            value = r["value"]
            if value is not None and (value != value or value in (float("inf"), float("-inf"))):
                value = None  # PostgreSQL kept non-finite floats; the token says which
            steps.setdefault((r["experiment_id"], r["step"]), {}).setdefault(
                r["name"], [value, r["token"], r["timestamp"]]
            )
            names = series.setdefault(r["experiment_id"], {})
            names[r["name"]] = max(r["step"], names.get(r["name"], r["step"]))
        merge = (
            "(excluded.points::jsonb || metric_steps.points::jsonb)::text"
            if postgres
            else "json_patch(excluded.points, metric_steps.points)"
        )
        await client.execute_many(
            sql(
                "INSERT INTO metric_steps (experiment_id, step, points) VALUES (?, ?, ?)"
                f" ON CONFLICT (experiment_id, step) DO UPDATE SET points = {merge}"
            ),
            [[e, s, orjson.dumps(p).decode()] for (e, s), p in steps.items()],
        )
        last_id = rows[-1]["id"]
    for experiment_id, names in series.items():
        await client.execute_query(
            sql("UPDATE experiments SET live_metrics = ? WHERE id = ?"),
            [orjson.dumps(names).decode(), experiment_id],
        )


class Migration(migrations.Migration):
    dependencies = [("models", "0004_sync_lease")]

    initial = False

    operations = [
        ops.CreateModel(
            name="MetricStep",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "experiment",
                    fields.ForeignKeyField(
                        "models.Experiment",
                        source_field="experiment_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="metric_steps",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("step", fields.IntField()),
                ("points", fields.TextField()),
            ],
            options={
                "table": "metric_steps",
                "app": "models",
                "unique_together": (("experiment", "step"),),
                "pk_attr": "id",
                "table_description": "The values a live run logged at one step.",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="Experiment",
            name="live_metrics",
            field=fields.TextField(null=True),
        ),
        ops.RunPython(_fold_points),
        ops.DeleteModel(name="MetricPoint"),
    ]
