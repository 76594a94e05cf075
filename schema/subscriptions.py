"""Subscriptions: live metrics of runs, experiment row changes and project events.

Served over websockets (gitstudio/ws.py, both graphql-transport-ws and graphql-ws). The
root value of each event is one of the types below; nested objects (the experiment) are
loaded per event, so they are always fresh.
"""

from __future__ import annotations

from collections.abc import AsyncIterable
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import live
from resolvers import plots as plot_resolvers
from resolvers.context import Context
from resolvers.errors import not_found
from schema.experiments import Experiment, experiment_type
from schema.permissions import guard, on_project, project_at
from schema.plots import PlotImage, plot_image
from schema.relay import decode_id, to_global_id
from schema.scalars import JSON, as_json
from storage.access import READ


@strawberry.enum
class LiveEventType(Enum):
    START = "START"
    DATA = "DATA"
    DONE = "DONE"


@strawberry.type(description="A live run started, logged the metrics of one step, or ended.")
class LiveMetricsEvent:
    record: strawberry.Private[live.LiveRecord]
    type: LiveEventType
    step: int | None = strawberry.field(description="The step of DATA (and DONE when known).")
    metrics: JSON | None = strawberry.field(
        description="DATA: {metric name: value} of this step (null for nan/inf values)."
    )
    published_at: float | None = strawberry.field(
        description="When the event was published (epoch seconds); null when replayed."
    )

    @strawberry.field
    def experiment_id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id("Experiment", self.record.experiment_id))

    @strawberry.field(description="The run, as stored when this event was sent.")
    async def experiment(self, info: Info[Context, None]) -> Experiment:
        found = await info.context.loaders.experiment.load(self.record.experiment_id)
        if found is None:
            raise not_found("experiment")
        return experiment_type(found)

    @strawberry.field(
        description="DATA: the rows this step adds to the run's plots, {plot id: [row]}, as"
        " the rows of its Plot specs (with `rev`): append them to the chart's data, the spec"
        " itself is not sent again."
    )
    async def plot_rows(self, info: Info[Context, None]) -> JSON:
        return as_json((await self._step(info)).rows)

    @strawberry.field(description="DATA: the images logged at this step (DVCLive's log_image).")
    async def images(self, info: Info[Context, None]) -> list[PlotImage]:
        return [plot_image(i) for i in (await self._step(info)).images]

    async def _step(self, info: Info[Context, None]) -> plot_resolvers.LiveStep:
        r = self.record
        if r.type != "DATA" or r.step is None:
            return plot_resolvers.LiveStep({}, [])
        return await plot_resolvers.live_step(
            info.context, r.experiment_id, r.step, r.metrics, r.images
        )


@strawberry.type(description="An experiment row was created, changed or removed.")
class ExperimentEvent:
    record: strawberry.Private[live.ExperimentChange]
    change: str = strawberry.field(description="CREATED, UPDATED, STATUS, LINKED or REMOVED.")
    published_at: float | None

    @strawberry.field
    def experiment_id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id("Experiment", self.record.experiment_id))

    @strawberry.field(description="The row as stored when this event was sent (null: removed).")
    async def experiment(self, info: Info[Context, None]) -> Experiment | None:
        found = await info.context.loaders.experiment.load(self.record.experiment_id)
        return experiment_type(found) if found is not None else None


@strawberry.type(description="Sync progress, new commits, refs changed.")
class ProjectEvent:
    type: str = strawberry.field(
        description="SYNC_STARTED, SYNC_FINISHED, SYNC_FAILED, COMMITS_ADDED, REFS_CHANGED,"
        " PULL_REQUEST_OPENED, PULL_REQUEST_MERGED or PULL_REQUEST_CLOSED."
    )
    detail: JSON | None
    published_at: float | None


def live_metrics_event(record: live.LiveRecord) -> LiveMetricsEvent:
    return LiveMetricsEvent(
        record=record,
        type=LiveEventType(record.type),
        step=record.step,
        metrics=as_json(record.metrics) if record.metrics or record.type == "DATA" else None,
        published_at=record.published_at,
    )


def experiment_event(record: live.ExperimentChange) -> ExperimentEvent:
    return ExperimentEvent(record=record, change=record.change, published_at=record.published_at)


@strawberry.type(description="A registry tag gitstudio wrote (a mutation of this API).")
class ModelRegistryEvent:
    record: strawberry.Private[live.RegistryChange]
    published_at: float | None

    @strawberry.field(description="The Git tag written.")
    def tag(self) -> str:
        return str(self.record.detail.get("tag", ""))

    @strawberry.field(description="register, deregister, assign, unassign or deprecate.")
    def action(self) -> str:
        return str(self.record.detail.get("action", ""))

    @strawberry.field
    def model(self) -> str:
        return str(self.record.detail.get("model", ""))

    @strawberry.field
    def version(self) -> str | None:
        return self.record.detail.get("version")

    @strawberry.field
    def stage(self) -> str | None:
        return self.record.detail.get("stage")

    @strawberry.field
    def commit(self) -> str:
        return str(self.record.detail.get("commit", ""))

    @strawberry.field
    def message(self) -> str:
        return str(self.record.detail.get("message", ""))


def registry_event(record: live.RegistryChange) -> ModelRegistryEvent:
    return ModelRegistryEvent(record=record, published_at=record.published_at)


def project_event(record: live.ProjectChange) -> ProjectEvent:
    return ProjectEvent(
        type=record.type, detail=as_json(record.detail), published_at=record.published_at
    )


@strawberry.type
class Subscription:
    @strawberry.subscription(
        extensions=guard(on_project(READ, project_at("project_id"))),
        description="Live metrics of one run (experimentId) or of every run of the project."
        " A late subscriber first receives what it missed: START, one DATA per stored step"
        " after sinceStep (all steps when omitted; START only then), DONE if the run ended;"
        " then the live events, without gap or duplicate.",
    )
    async def live_metrics(
        self,
        info: Info[Context, None],
        project_id: strawberry.ID,
        experiment_id: strawberry.ID | None = None,
        since_step: int | None = None,
    ) -> AsyncIterable[LiveMetricsEvent]:
        stream = await live.live_metrics(
            info.context,
            decode_id(project_id, "Project"),
            decode_id(experiment_id, "Experiment") if experiment_id is not None else None,
            since_step,
        )
        return stream.map(live_metrics_event)

    @strawberry.subscription(
        extensions=guard(on_project(READ, project_at("project_id"))),
        description="Experiment rows of the project created or changed.",
    )
    async def experiment_events(
        self, info: Info[Context, None], project_id: strawberry.ID
    ) -> AsyncIterable[ExperimentEvent]:
        stream = await live.experiment_events(info.context, decode_id(project_id, "Project"))
        return stream.map(experiment_event)

    @strawberry.subscription(
        extensions=guard(on_project(READ, project_at("project_id"))),
        description="Model registry tags written through this API.",
    )
    async def model_registry_events(
        self, info: Info[Context, None], project_id: strawberry.ID
    ) -> AsyncIterable[ModelRegistryEvent]:
        stream = await live.registry_events(info.context, decode_id(project_id, "Project"))
        return stream.map(registry_event)

    @strawberry.subscription(
        extensions=guard(on_project(READ, project_at("project_id"))),
        description="Sync progress, new commits and changed refs.",
    )
    async def project_events(
        self, info: Info[Context, None], project_id: strawberry.ID
    ) -> AsyncIterable[ProjectEvent]:
        stream = await live.project_events(info.context, decode_id(project_id, "Project"))
        return stream.map(project_event)
