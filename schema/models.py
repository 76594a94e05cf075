"""The model registry: models with their versions, stages and history, as GTO folds them."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import models as model_resolvers
from resolvers.context import Context
from resolvers.models import ProjectRegistry
from schema.errors import UserError, user_error
from schema.relay import decode_id
from storage.errors import DomainError
from sync.artifacts import Declared
from sync.registry import (
    ASSIGN,
    DEPRECATE,
    DEREGISTER,
    REGISTER,
    UNASSIGN,
    Artifact,
    Event,
    Version,
    VStage,
)
from sync.registry_writer import TagRequest


@strawberry.enum(description="What a registry tag did.")
class RegistryEventKind(Enum):
    REGISTRATION = "registration"
    DEREGISTRATION = "deregistration"
    ASSIGNMENT = "assignment"
    UNASSIGNMENT = "unassignment"
    DEPRECATION = "deprecation"


@strawberry.type(description="One registry tag, as `gto history` lists it.")
class RegistryEvent:
    event: strawberry.Private[Event]

    @strawberry.field
    def kind(self) -> RegistryEventKind:
        return RegistryEventKind(self.event.kind)

    @strawberry.field
    def model(self) -> str:
        return self.event.artifact

    @strawberry.field
    def version(self) -> str | None:
        return self.event.version

    @strawberry.field
    def stage(self) -> str | None:
        return self.event.stage

    @strawberry.field(description="The commit the tag points at.")
    def commit(self) -> str:
        return self.event.commit

    @strawberry.field
    def tag(self) -> str:
        return self.event.ref

    @strawberry.field
    def author(self) -> str:
        return self.event.author

    @strawberry.field
    def author_email(self) -> str:
        return self.event.author_email

    @strawberry.field
    def message(self) -> str:
        return self.event.message

    @strawberry.field
    def created_at(self) -> datetime:
        return self.event.created_at


@strawberry.type(
    description="A version of a model: registered by a tag, or discovered at a commit."
)
class ModelVersion:
    version_: strawberry.Private[Version]

    @strawberry.field
    def model(self) -> str:
        return self.version_.artifact

    @strawberry.field(description="`vX.Y.Z`, or the commit sha of an unregistered version.")
    def version(self) -> str:
        return self.version_.version

    @strawberry.field
    def commit(self) -> str:
        return self.version_.commit

    @strawberry.field(description="The tag that registered it (or the commit sha).")
    def tag(self) -> str:
        return self.version_.authoring_event().ref

    @strawberry.field
    def author(self) -> str:
        return self.version_.authoring_event().author

    @strawberry.field
    def author_email(self) -> str:
        return self.version_.authoring_event().author_email

    @strawberry.field
    def created_at(self) -> datetime:
        return self.version_.authoring_event().created_at

    @strawberry.field(description="Registered and not deregistered since.")
    def active(self) -> bool:
        return self.version_.is_active

    @strawberry.field
    def registered(self) -> bool:
        return self.version_.is_registered

    @strawberry.field(description="Known from a declaration or a stage only, never registered.")
    def discovered(self) -> bool:
        return self.version_.discovered

    @strawberry.field(description="Stages this version holds now, most recently assigned first.")
    def stages(self) -> list[str]:
        return [s.stage for s in self.version_.vstages()]

    @strawberry.field(
        description="Its registration, deregistration and stage events, newest first."
    )
    def history(self) -> list[RegistryEvent]:
        return [RegistryEvent(event=e) for e in self.version_.events() if e.kind != "commit"]


@strawberry.type(description="A stage and the versions holding it, most recent assignment first.")
class ModelStage:
    stage: str
    versions: list[ModelVersion]


@strawberry.type(description="A model (GTO artifact) of the project.")
class Model:
    name: str
    artifact: strawberry.Private[Artifact | None]
    declared: strawberry.Private[Declared | None]

    @strawberry.field(description="The file or directory of the model, as declared.")
    def path(self) -> str | None:
        return self.declared.path if self.declared else None

    @strawberry.field
    def type(self) -> str | None:
        return self.declared.type if self.declared else None

    @strawberry.field
    def description(self) -> str:
        return self.declared.description if self.declared else ""

    @strawberry.field
    def labels(self) -> list[str]:
        return list(self.declared.labels) if self.declared else []

    @strawberry.field(description="artifacts.yaml or the dvc.yaml declaring it; null if none.")
    def declared_in(self) -> str | None:
        return self.declared.source if self.declared else None

    @strawberry.field(description="Some registry tag names it.")
    def registered(self) -> bool:
        return self.artifact is not None and self.artifact.is_registered

    @strawberry.field(description="Its newest event is a deprecation (a later tag revives it).")
    def deprecated(self) -> bool:
        return (
            self.artifact is not None and bool(self.artifact.events()) and self.artifact.deprecated
        )

    @strawberry.field(description="The highest active registered version (semver precedence).")
    def latest_version(self) -> ModelVersion | None:
        latest = self.artifact.latest(registered_only=True) if self.artifact else None
        return ModelVersion(version_=latest) if latest else None

    @strawberry.field(description="Versions, highest semver first (unregistered ones last).")
    def versions(self, include_inactive: bool = False) -> list[ModelVersion]:
        if self.artifact is None:
            return []
        found = self.artifact.get_versions(
            active_only=not include_inactive, include_non_explicit=True, include_discovered=True
        )
        return [ModelVersion(version_=v) for v in found]

    @strawberry.field(description="Each stage in use with the versions holding it.")
    def stages(self) -> list[ModelStage]:
        if self.artifact is None:
            return []
        held = self.artifact.vstages(versions_per_stage=-1)
        return [
            ModelStage(stage=s, versions=_versions(self.artifact, vs)) for s, vs in held.items()
        ]

    @strawberry.field(description="Registry events, newest first.")
    def history(self) -> list[RegistryEvent]:
        if self.artifact is None:
            return []
        events = [e for e in self.artifact.events() if e.kind != "commit"]
        events.sort(key=lambda e: (e.created_at, e.priority), reverse=True)
        return [RegistryEvent(event=e) for e in events]


def _versions(artifact: Artifact, held: list[VStage]) -> list[ModelVersion]:
    by_name = {(v.version, v.commit): v for v in artifact.versions}
    return [ModelVersion(version_=by_name[(h.version, h.commit)]) for h in held]


async def model_versions_at(
    info: Info[Context, None], project_id: int, sha: str
) -> list[ModelVersion]:
    found = await info.context.loaders.registry.load(project_id)
    return [ModelVersion(version_=v) for v in found.versions_at(sha)] if found else []


def models_of(
    found: ProjectRegistry, type_: str | None = None, stage: str | None = None
) -> list[Model]:
    out = []
    for name in found.names():
        model = model_of(found, name)
        declared_type = model.declared.type if model and model.declared else None
        if model is None or (type_ is not None and declared_type != type_):
            continue
        if stage is not None and not (
            model.artifact and stage in model.artifact.vstages(versions_per_stage=-1)
        ):
            continue
        out.append(model)
    return out


def model_of(found: ProjectRegistry, name: str) -> Model | None:
    artifact, declared = found.artifact(name), found.declared.get(name)
    if artifact is None and declared is None:
        return None
    return Model(name=name, artifact=artifact, declared=declared)


# -- mutations ---------------------------------------------------------------------------------


@strawberry.enum(description="Which part of the latest version a registration bumps.")
class VersionBump(Enum):
    MAJOR = "major"
    MINOR = "minor"
    PATCH = "patch"


@strawberry.input
class RegisterModelVersionInput:
    project_id: strawberry.ID
    model: str = strawberry.field(description="Full name (`dir:name` in monorepos).")
    rev: str = strawberry.field(description="The commit: sha, branch or tag.")
    version: str | None = strawberry.field(
        default=None, description="`vX.Y.Z`; omitted: the latest version bumped."
    )
    bump: VersionBump | None = None
    message: str | None = None
    client_mutation_id: str | None = None


@strawberry.input
class StageInput:
    project_id: strawberry.ID
    model: str
    version: str
    stage: str
    message: str | None = None
    client_mutation_id: str | None = None


@strawberry.input
class DeregisterModelVersionInput:
    project_id: strawberry.ID
    model: str
    version: str
    message: str | None = None
    client_mutation_id: str | None = None


@strawberry.input
class DeprecateModelInput:
    project_id: strawberry.ID
    model: str
    message: str | None = None
    client_mutation_id: str | None = None


@strawberry.type(description="The model after a registry write, and the tag written.")
class RegistryPayload:
    model: Model | None = None
    tag: str | None = strawberry.field(default=None, description="The Git tag written.")
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


async def _write(
    info: Info[Context, None], project_id: strawberry.ID, request: TagRequest, client_id: str | None
) -> RegistryPayload:
    try:
        found, tag = await model_resolvers.write(
            info.context, decode_id(project_id, "Project"), request, client_id
        )
    except DomainError as exc:
        return RegistryPayload(errors=[user_error(exc)], client_mutation_id=client_id)
    return RegistryPayload(
        model=model_of(found, request.artifact), tag=tag, client_mutation_id=client_id
    )


@strawberry.type
class ModelMutation:
    @strawberry.mutation(
        description="Register a version of a model at a commit: the tag `gto register` writes,"
        " pushed to the project's repository."
    )
    async def register_model_version(
        self, info: Info[Context, None], input: RegisterModelVersionInput
    ) -> RegistryPayload:
        request = TagRequest(
            REGISTER,
            input.model,
            version=input.version,
            rev=input.rev,
            bump=input.bump.value if input.bump else None,
            message=input.message,
        )
        return await _write(info, input.project_id, request, input.client_mutation_id)

    @strawberry.mutation(description="Assign a stage to a version (`gto assign`).")
    async def assign_stage(self, info: Info[Context, None], input: StageInput) -> RegistryPayload:
        request = TagRequest(
            ASSIGN, input.model, version=input.version, stage=input.stage, message=input.message
        )
        return await _write(info, input.project_id, request, input.client_mutation_id)

    @strawberry.mutation(description="Take a stage back from a version (`gto unassign`).")
    async def unassign_stage(self, info: Info[Context, None], input: StageInput) -> RegistryPayload:
        request = TagRequest(
            UNASSIGN, input.model, version=input.version, stage=input.stage, message=input.message
        )
        return await _write(info, input.project_id, request, input.client_mutation_id)

    @strawberry.mutation(description="Deregister a version (`gto deregister`).")
    async def deregister_model_version(
        self, info: Info[Context, None], input: DeregisterModelVersionInput
    ) -> RegistryPayload:
        request = TagRequest(DEREGISTER, input.model, version=input.version, message=input.message)
        return await _write(info, input.project_id, request, input.client_mutation_id)

    @strawberry.mutation(description="Deprecate a model (`gto deprecate`); a new tag revives it.")
    async def deprecate_model(
        self, info: Info[Context, None], input: DeprecateModelInput
    ) -> RegistryPayload:
        request = TagRequest(DEPRECATE, input.model, message=input.message)
        return await _write(info, input.project_id, request, input.client_mutation_id)
