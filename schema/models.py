"""The model registry: models with their versions, stages and history, as GTO folds them."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from resolvers import models as model_resolvers
from resolvers.context import Context
from resolvers.models import ModelSelection, ProjectRegistry
from schema.errors import UserError, user_error
from schema.permissions import REGISTRY, guard, on_project, project_at
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
    RegistryError,
    SeveralVersions,
    Version,
)
from sync.registry_writer import TagRequest

if TYPE_CHECKING:
    from schema.projects import Project

ProjectRef = Annotated["Project", strawberry.lazy("schema.projects")]


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
    # Plain values (read without a resolver call: 2,000 versions in one models query).
    model: str
    version: str = strawberry.field(
        description="`vX.Y.Z`, or the commit sha of an unregistered version."
    )
    commit: str
    version_: strawberry.Private[Version]

    @classmethod
    def of(cls, version: Version) -> ModelVersion:
        return cls(
            model=version.artifact, version=version.version, commit=version.commit, version_=version
        )

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


@strawberry.enum(description="Why the registry tags of a model cannot be folded.")
class ModelRegistryErrorCode(Enum):
    SEVERAL_VERSIONS_AT_COMMIT = "SEVERAL_VERSIONS_AT_COMMIT"
    UNFOLDABLE = "UNFOLDABLE"


@strawberry.type(
    description="The registry tags of this model describe a state `gto` refuses (it fails"
    " `gto show` and `gto history` for the whole repository); the other models are unaffected."
)
class ModelRegistryError:
    code: ModelRegistryErrorCode
    message: str
    commit: str | None = strawberry.field(default=None, description="The commit at fault.")
    versions: list[str] = strawberry.field(
        default_factory=list, description="The versions registered at that commit."
    )


def registry_error(exc: RegistryError) -> ModelRegistryError:
    if isinstance(exc, SeveralVersions):
        return ModelRegistryError(
            code=ModelRegistryErrorCode.SEVERAL_VERSIONS_AT_COMMIT,
            message=str(exc),
            commit=exc.commit,
            versions=list(exc.versions),
        )
    return ModelRegistryError(code=ModelRegistryErrorCode.UNFOLDABLE, message=str(exc))


@strawberry.type(description="A model (GTO artifact) of the project.")
class Model:
    name: str
    artifact: strawberry.Private[Artifact | None]
    declared: strawberry.Private[Declared | None]
    found: strawberry.Private[ProjectRegistry]  # its views are computed once per registry
    error: strawberry.Private[RegistryError | None] = None

    @strawberry.field(
        description="Set when its registry tags cannot be folded (as `gto` refuses them):"
        " then its versions, stages, history and latest version are empty."
    )
    def registry_error(self) -> ModelRegistryError | None:
        return registry_error(self.error) if self.error is not None else None

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
        return self.error is not None or (self.artifact is not None and self.artifact.is_registered)

    @strawberry.field(description="Its newest event is a deprecation (a later tag revives it).")
    def deprecated(self) -> bool:
        return (
            self.artifact is not None and bool(self.artifact.events()) and self.artifact.deprecated
        )

    @strawberry.field(description="The highest active registered version (semver precedence).")
    def latest_version(self) -> ModelVersion | None:
        latest = self.found.latest(self.artifact) if self.artifact else None
        return ModelVersion.of(latest) if latest else None

    @strawberry.field(description="Versions, highest semver first (unregistered ones last).")
    def versions(self, include_inactive: bool = False) -> list[ModelVersion]:
        if self.artifact is None:
            return []
        found = self.found.versions(self.artifact, include_inactive)
        return [ModelVersion.of(v) for v in found]

    @strawberry.field(description="Each stage in use with the versions holding it.")
    def stages(self) -> list[ModelStage]:
        if self.artifact is None:
            return []
        artifact, found = self.artifact, self.found

        def stages() -> list[ModelStage]:
            return [
                ModelStage(stage=s, versions=[ModelVersion.of(v) for v in held])
                for s, held in found.stages(artifact).items()
            ]

        return found.memo("ModelStage", artifact.name, stages)  # immutable: shared

    @strawberry.field(description="Registry events, newest first.")
    def history(self) -> list[RegistryEvent]:
        if self.artifact is None:
            return []
        return [RegistryEvent(event=e) for e in self.found.history(self.artifact)]

    @strawberry.field(description="The project whose registry holds it (null: deleted since).")
    async def project(self, info: Info[Context, None]) -> ProjectRef | None:
        from schema.projects import project_type

        found = await info.context.loaders.project.load(self.found.project_id)
        return project_type(found) if found else None


async def model_versions_at(
    info: Info[Context, None], project_id: int, sha: str
) -> list[ModelVersion]:
    found = await info.context.loaders.registry.load(project_id)
    return [ModelVersion.of(v) for v in found.versions_at(sha)] if found else []


def models_of(found: ProjectRegistry, wanted: ModelSelection) -> list[Model]:
    return [model for name in found.matching(wanted) if (model := model_of(found, name))]


def listed_model(listed: model_resolvers.Listed) -> Model:
    """A model of Query.models (a name its registry lists: never None)."""
    model = model_of(*listed)
    assert model is not None
    return model


@strawberry.input(description="Which models `Query.models` lists: every condition given holds.")
class ModelFilter:
    project_ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Only these projects (at most 100); those you may not read are skipped,"
        " as missing ones are.",
    )
    stage: str | None = strawberry.field(default=None, description="Some version holds it.")
    type: str | None = strawberry.field(default=None, description="The declared type.")
    name: str | None = strawberry.field(
        default=None, description="A part of the model's full name, in any case."
    )


def selection(given: ModelFilter | None) -> ModelSelection:
    if given is None:
        return ModelSelection()
    ids = given.project_ids
    return ModelSelection(
        tuple(decode_id(i, "Project") for i in ids) if ids is not None else None,
        given.type,
        given.stage,
        given.name,
    )


def model_of(found: ProjectRegistry, name: str) -> Model | None:
    artifact, declared, error = found.artifact(name), found.declared.get(name), found.error(name)
    if artifact is None and declared is None and error is None:
        return None
    return Model(name=name, artifact=artifact, declared=declared, found=found, error=error)


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
    except DomainError as exc:  # also a model whose tags gto refuses (registry_writer.plan)
        return RegistryPayload(errors=[user_error(exc)], client_mutation_id=client_id)
    return RegistryPayload(
        model=model_of(found, request.artifact), tag=tag, client_mutation_id=client_id
    )


@strawberry.type
class ModelMutation:
    @strawberry.mutation(
        extensions=guard(on_project(REGISTRY, project_at("input", "project_id"))),
        description="Register a version of a model at a commit: the tag `gto register` writes,"
        " pushed to the project's repository.",
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

    @strawberry.mutation(
        extensions=guard(on_project(REGISTRY, project_at("input", "project_id"))),
        description="Assign a stage to a version (`gto assign`).",
    )
    async def assign_stage(self, info: Info[Context, None], input: StageInput) -> RegistryPayload:
        request = TagRequest(
            ASSIGN, input.model, version=input.version, stage=input.stage, message=input.message
        )
        return await _write(info, input.project_id, request, input.client_mutation_id)

    @strawberry.mutation(
        extensions=guard(on_project(REGISTRY, project_at("input", "project_id"))),
        description="Take a stage back from a version (`gto unassign`).",
    )
    async def unassign_stage(self, info: Info[Context, None], input: StageInput) -> RegistryPayload:
        request = TagRequest(
            UNASSIGN, input.model, version=input.version, stage=input.stage, message=input.message
        )
        return await _write(info, input.project_id, request, input.client_mutation_id)

    @strawberry.mutation(
        extensions=guard(on_project(REGISTRY, project_at("input", "project_id"))),
        description="Deregister a version (`gto deregister`).",
    )
    async def deregister_model_version(
        self, info: Info[Context, None], input: DeregisterModelVersionInput
    ) -> RegistryPayload:
        request = TagRequest(DEREGISTER, input.model, version=input.version, message=input.message)
        return await _write(info, input.project_id, request, input.client_mutation_id)

    @strawberry.mutation(
        extensions=guard(on_project(REGISTRY, project_at("input", "project_id"))),
        description="Deprecate a model (`gto deprecate`); a new tag revives it.",
    )
    async def deprecate_model(
        self, info: Info[Context, None], input: DeprecateModelInput
    ) -> RegistryPayload:
        request = TagRequest(DEPRECATE, input.model, message=input.message)
        return await _write(info, input.project_id, request, input.client_mutation_id)
