"""The GTO model registry: tag grammar, and the registry state folded from tags exactly as
GTO 1.10 folds it.

GTO keeps its registry in annotated Git tags (``churn@v1.0.0``, ``churn#prod#3``,
``nlp=textcls@v0.1.0!``, ``churn@deprecated``). Its answers depend on details that are
easy to get subtly wrong - events sorted by tag time with stable ties, "discovered"
versions created by assignments, enrichment events at the commit time of each version,
the version of an assignment found by commit - so this module is a deliberate port of
``gto.base`` / ``gto.tag`` / ``gto.api`` (show, show NAME, history) over plain dataclasses,
checked against the real ``gto`` CLI by tests/test_registry_oracle.py. Input is plain data
(tags, commit facts, the artifacts declared at HEAD); nothing here touches Git.
"""

from __future__ import annotations

import bisect
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

import semver

# -- grammar (gto/constants.py) ----------------------------------------------------------------

_DIRNAME = "[a-zA-Z0-9-_./]+"
_NAME = r"[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?"
_SEMVER = (
    r"(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)"
    r"(?:-(?P<prerelease>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)"
    r"(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+(?P<buildmetadata>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?"
)
_FULLNAME_IN_TAG = f"(?P<dirname>{_DIRNAME}=)?(?P<name>{_NAME})"
NAME_RE = re.compile(f"^{_NAME}$")
FULLNAME_RE = re.compile(f"^(?P<dirname>{_DIRNAME}:)?(?P<name>{_NAME})$")
TAG_RE = re.compile(
    f"^(?P<artifact>{_FULLNAME_IN_TAG})"
    f"(((#(?P<stage>{_NAME})|@(?P<version>v{_SEMVER}))(?P<cancel>!?))"
    "|@((?P<deprecated>deprecated)|(?P<created>created)))"
    "(#(?P<counter>[0-9]+))?$"
)
VERSION_RE = re.compile(f"^v{_SEMVER}$")

REGISTER, DEREGISTER, ASSIGN, UNASSIGN, DEPRECATE, CREATE = (
    "register",
    "deregister",
    "assign",
    "unassign",
    "deprecate",
    "create",
)


def name_to_tag(name: str) -> str:
    return name.replace(":", "=")


def tag_to_name(value: str) -> str:
    return value.replace("=", ":")


@dataclass(frozen=True, slots=True)
class ParsedTag:
    artifact: str  # full name, ``dir:name``
    action: str | None  # None for the legacy ``@created`` (which GTO cannot fold)
    version: str | None = None
    stage: str | None = None
    counter: int | None = None


# Tag names parsed, memoised: a fold reads each of a project's tags (4,000 in big
# registries) and every fold after a sync reads them again.
@lru_cache(maxsize=16384)
def parse_tag_name(tag: str) -> ParsedTag | None:
    """GTO's reading of a tag name (``gto.tag.parse_name``), or None for other tags."""
    match = TAG_RE.search(tag)
    if match is None:
        return None
    action: str | None = None
    if match["deprecated"]:
        action = DEPRECATE
    if match["version"]:
        action = DEREGISTER if match["cancel"] == "!" else REGISTER
    if match["stage"]:
        action = UNASSIGN if match["cancel"] == "!" else ASSIGN
    counter = int(match["counter"]) if match["counter"] else None
    return ParsedTag(
        tag_to_name(match["artifact"]), action, match["version"], match["stage"], counter
    )


def directory_of(name: str) -> str:
    """The directory a full artifact name belongs to: ``path/to`` of ``path/to:name`` (the
    dvc.yaml's directory, as DVC and GTO prefix it), "" for a name without one."""
    return name.rpartition(":")[0].strip("/")


def in_subdir(name: str, subdir: str) -> bool:
    """Whether the artifact ``name`` belongs to a project rooted at ``subdir`` of its
    repository (monorepos): its directory is ``subdir`` or below it. The repository's root
    project ("") holds every artifact, as ``gto show`` lists them."""
    if not subdir:
        return True
    directory = directory_of(name)
    return directory == subdir or directory.startswith(subdir + "/")


def is_version(value: str) -> bool:
    return VERSION_RE.match(value) is not None


@lru_cache(maxsize=16384)  # a project's versions, fold after fold (semver.Version is immutable)
def _semver_key(version: str) -> semver.Version:
    return semver.Version.parse(version[1:])  # ordered by precedence (build metadata ignored)


def _insert_by_time(events: list[Event], event: Event) -> None:
    """Append ``event`` and sort by creation time, stably, as GTO does, in O(log n): the
    list is sorted already, and a stable sort puts the newcomer after its equals."""
    bisect.insort_right(events, event, key=_created_at)


def _created_at(event: Event) -> datetime:
    return event.created_at


# -- inputs ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TagFact:
    """An annotated tag as Git holds it."""

    name: str
    target: str  # the commit it points at
    tagger_name: str
    tagger_email: str
    time: int  # epoch seconds
    offset: int  # minutes east of UTC
    message: str


@dataclass(frozen=True, slots=True)
class CommitFact:
    sha: str
    author_name: str
    author_email: str
    committer_name: str
    committer_email: str
    time: int  # committer time, epoch seconds
    offset: int
    message: str


@lru_cache(maxsize=16384)  # the same tag and commit times, fold after fold
def when(time: int, offset: int) -> datetime:
    return datetime.fromtimestamp(time, timezone(timedelta(minutes=offset)))


# -- events and entities (gto/base.py) -----------------------------------------------------------

# Event kinds with GTO's priorities (history sorts ties by them).
PRIORITY = {
    "commit": 0,
    "creation": 1,
    "deprecation": 2,
    "registration": 3,
    "deregistration": 4,
    "assignment": 5,
    "unassignment": 6,
}
_ADDITION = {"commit", "creation", "registration", "assignment"}


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # a key of PRIORITY; "commit" is GTO's enrichment event
    artifact: str
    created_at: datetime
    author: str
    author_email: str
    message: str
    commit: str
    tag: str | None = None
    version: str | None = None
    stage: str | None = None
    committer: str | None = None
    committer_email: str | None = None

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]

    @property
    def addition(self) -> bool:
        return self.kind in _ADDITION

    @property
    def ref(self) -> str:
        return self.tag if self.tag is not None else self.commit


def _newest_first(events: Iterable[Event], ascending: bool = False) -> list[Event]:
    ordered = sorted(events, key=lambda e: e.created_at)
    return ordered if ascending else ordered[::-1]


class _Entity(ABC):
    @abstractmethod
    def events(self, direct: bool = True, indirect: bool = True) -> list[Event]: ...

    def authoring_event(self) -> Event:
        additions = [e for e in self.events(direct=True, indirect=False) if e.addition]
        if additions:
            return additions[0]
        return self.events(direct=False, indirect=True)[0]


@dataclass(slots=True, eq=False)
class VStage(_Entity):
    artifact: str
    version: str
    stage: str
    commit: str
    assignments: list[Event] = field(default_factory=list)
    unassignments: list[Event] = field(default_factory=list)
    _seen: set[Event] = field(default_factory=set, repr=False)  # every event added

    def add(self, event: Event) -> None:
        if event in self._seen:  # GTO's `event in self.get_events()`, without the sorting
            return
        self._seen.add(event)
        target = self.assignments if event.kind == "assignment" else self.unassignments
        _insert_by_time(target, event)

    def events(self, direct: bool = True, indirect: bool = True) -> list[Event]:
        return _newest_first(self.assignments + self.unassignments if direct else [])

    @property
    def is_active(self) -> bool:
        return self.events()[0].kind == "assignment"

    @property
    def activated_at(self) -> datetime | None:
        newest = self.events()[0]
        return newest.created_at if newest.kind == "assignment" else None


@dataclass(slots=True, eq=False)
class Version(_Entity):
    artifact: str
    version: str
    commit: str
    enrichments: list[Event] = field(default_factory=list)
    registrations: list[Event] = field(default_factory=list)
    deregistrations: list[Event] = field(default_factory=list)
    stages: dict[str, VStage] = field(default_factory=dict)
    _seen: set[Event] = field(default_factory=set, repr=False)  # every event added

    def add(self, event: Event) -> None:
        if event in self._seen:  # GTO's `event in self.get_events()`, without the sorting
            return
        self._seen.add(event)
        if event.kind in ("assignment", "unassignment"):
            assert event.stage is not None
            if event.stage not in self.stages:
                self.stages[event.stage] = VStage(
                    self.artifact, self.version, event.stage, self.commit
                )
            self.stages[event.stage].add(event)
            return
        target = {
            "registration": self.registrations,
            "deregistration": self.deregistrations,
            "commit": self.enrichments,
        }[event.kind]
        _insert_by_time(target, event)

    def events(self, direct: bool = True, indirect: bool = True) -> list[Event]:
        out = (self.registrations + self.deregistrations) if direct else []
        if indirect:
            out = out + self.enrichments + [e for s in self.stages.values() for e in s.events()]
        return _newest_first(out)

    @property
    def is_active(self) -> bool:
        direct = self.events(direct=True, indirect=False)
        if direct:
            return direct[0].kind == "registration"
        return bool(self.events(direct=False, indirect=True))

    @property
    def activated_at(self) -> datetime:
        if self.registrations:
            return self.registrations[0].created_at
        return _newest_first(self.events(), ascending=True)[0].created_at

    @property
    def is_registered(self) -> bool:
        return bool(self.registrations)

    @property
    def discovered(self) -> bool:
        return not (self.registrations or self.deregistrations)  # no direct event

    def vstages(self, active_only: bool = True, ascending: bool = False) -> list[VStage]:
        chosen = [s for s in self.stages.values() if not active_only or s.is_active]
        ordered = sorted(chosen, key=lambda s: s.activated_at)  # type: ignore[arg-type,return-value]
        return ordered if ascending else ordered[::-1]


def sort_versions(
    versions: Sequence[Version], by_time: bool, ascending: bool = False
) -> list[Version]:
    """``gto.base.sort_versions``: semver versions by precedence, then hexsha ones by name;
    or everything by creation time."""
    if by_time:
        ordered = sorted(versions, key=lambda v: v.authoring_event().created_at)
        return ordered if ascending else ordered[::-1]
    semvers = sorted(
        (v for v in versions if is_version(v.version)), key=lambda v: _semver_key(v.version)
    )
    others = sorted((v for v in versions if not is_version(v.version)), key=lambda v: v.version)
    if not ascending:
        semvers.reverse()
        others.reverse()
    return semvers + others


@dataclass(slots=True, eq=False)
class Artifact(_Entity):
    name: str
    versions: list[Version] = field(default_factory=list)
    creations: list[Event] = field(default_factory=list)
    deprecations: list[Event] = field(default_factory=list)
    # Every event added through here; the events added to versions directly (enrichments)
    # are of another kind, so never equal to one of these.
    _seen: set[Event] = field(default_factory=set, repr=False)

    def add(self, event: Event) -> None:
        if event in self._seen:  # GTO's `event in self.get_events()`, without the sorting
            return
        self._seen.add(event)
        if event.kind in ("creation", "deprecation"):
            target = self.creations if event.kind == "creation" else self.deprecations
            _insert_by_time(target, event)
            return
        found = self.find_version(event.version, event.commit, create=True)
        assert found is not None
        found.add(event)

    def events(self, direct: bool = True, indirect: bool = True) -> list[Event]:
        out = (self.creations + self.deprecations) if direct else []
        if indirect:
            out = out + [e for v in self.versions for e in v.events()]
        return _newest_first(out)

    @property
    def is_active(self) -> bool:
        events = self.events()
        return bool(events) and events[0].kind != "deprecation"

    @property
    def is_registered(self) -> bool:
        return not all(e.kind == "commit" for e in self.events())

    @property
    def deprecated(self) -> bool:
        return not self.is_active

    def find_version(
        self, name: str | None, commit: str | None, create: bool = False
    ) -> Version | None:
        """``Artifact.find_version``: discovered versions are skipped, so a second
        assignment to an unregistered commit starts another pseudo-version (as in GTO)."""
        found = [
            v
            for v in self.versions
            if (not name or v.version == name)
            and (not commit or v.commit == commit)
            and not v.discovered
        ]
        if create and not found:
            version = Version(self.name, name or commit or "", commit or "")
            self.versions.append(version)
            return version
        if len(found) > 1:
            raise SeveralVersions(self.name, commit or "", [v.version for v in found])
        return found[0] if found else None

    def get_versions(
        self,
        active_only: bool = True,
        include_non_explicit: bool = False,
        include_discovered: bool = False,
        by_time: bool = False,
    ) -> list[Version]:
        chosen = [
            v
            for v in self.versions
            if not active_only
            or (
                v.is_active
                and (
                    (v.is_registered and not v.discovered)
                    or (include_discovered and v.discovered)
                    or (include_non_explicit and not v.is_registered)
                )
            )
        ]
        return sort_versions(chosen, by_time)

    def latest(self, registered_only: bool = True) -> Version | None:
        versions = self.get_versions(include_non_explicit=not registered_only)
        return versions[0] if versions else None

    def vstages(
        self,
        registered_only: bool = False,
        assignments_per_version: int = -1,
        versions_per_stage: int = 1,
        by_time: bool = True,
    ) -> dict[str, list[VStage]]:
        """``Artifact.get_vstages``: per stage, the versions holding it (newest first)."""
        versions = self.get_versions(include_non_explicit=not registered_only, by_time=by_time)
        assignments = [
            a
            for version in versions
            for a in (
                version.vstages(ascending=True)[:assignments_per_version]
                if assignments_per_version > -1
                else version.vstages(ascending=True)
            )
        ]
        if by_time:
            assignments = sorted(assignments, key=lambda a: a.authoring_event().created_at)[::-1]
        stages: dict[str, list[VStage]] = {}
        for a in assignments:
            held = stages.setdefault(a.stage, [])
            if -1 < versions_per_stage <= len(held):
                continue
            if a.version not in [h.version for h in held]:
                held.append(a)
        return stages


class RegistryError(Exception):
    """The tags describe a state GTO itself refuses (it would fail the same way)."""


class SeveralVersions(RegistryError):
    """Several versions of one artifact at one commit, and a tag (a stage, or the
    declaration at HEAD) that must find *the* version there: ``gto`` refuses the whole
    registry (``ManyVersions``); gitstudio folds the other artifacts and reports this one."""

    def __init__(self, artifact: str, commit: str, versions: list[str]) -> None:
        self.artifact, self.commit, self.versions = artifact, commit, versions
        super().__init__(
            f"artifact {artifact} has several versions at {commit} ({', '.join(versions)});"
            " gto refuses such a registry: multiple versions are not allowed on the same"
            " Git commit"
        )


@dataclass(slots=True)
class Registry:
    """The folded registry of one repository."""

    artifacts: dict[str, Artifact] = field(default_factory=dict)
    allowed_stages: list[str] | None = None  # `.gto` stages, when configured
    # Artifacts whose tags GTO refuses to fold, with why; their folding stopped at that tag
    # (their later tags are skipped), every other artifact is folded as GTO would.
    errors: dict[str, RegistryError] = field(default_factory=dict)

    def check(self) -> None:
        """Raise as ``gto`` does on the whole repository when any artifact is refused."""
        for error in self.errors.values():
            raise error

    def artifact(self, name: str, create: bool = False) -> Artifact | None:
        if name not in self.artifacts and create:
            self.artifacts[name] = Artifact(name)
        return self.artifacts.get(name)

    def stages(self) -> list[str]:
        if self.allowed_stages is not None:
            return list(self.allowed_stages)
        return sorted({s for a in self.artifacts.values() for s in a.vstages()})


def fold(
    tags: Iterable[TagFact],
    commits: Mapping[str, CommitFact],
    declared_at_head: Iterable[str] = (),
    head: CommitFact | None = None,
    allowed_stages: Sequence[str] | None = None,
) -> Registry:
    """``GitRegistry.get_state``: artifact tags, then version tags, then stage tags, each in
    tag-time order; then an enrichment event per version at its commit's time, and the
    artifacts declared in ``artifacts.yaml`` at HEAD as discovered versions of HEAD."""
    registry = Registry(allowed_stages=list(allowed_stages) if allowed_stages else None)
    parsed = [(t, p) for t in tags if (p := parse_tag_name(t.name)) is not None]
    groups = ({DEPRECATE, CREATE}, {REGISTER, DEREGISTER}, {ASSIGN, UNASSIGN})
    for actions in groups:
        chosen = [(t, p) for t, p in parsed if p.action in actions]
        for tag, p in sorted(chosen, key=lambda item: item[0].time):
            if p.artifact in registry.errors:
                continue
            artifact = registry.artifact(p.artifact, create=True)
            assert artifact is not None
            try:
                artifact.add(_tag_event(artifact, tag, p))
            except RegistryError as exc:
                registry.errors[p.artifact] = exc
    for artifact in registry.artifacts.values():
        for version in artifact.versions:
            commit = commits.get(version.commit)
            if commit is not None:
                version.add(_enrichment(artifact.name, version.version, commit))
    if head is not None:
        for name in declared_at_head:
            artifact = registry.artifact(name, create=True)
            assert artifact is not None
            if name in registry.errors:
                continue
            try:
                at_head = artifact.find_version(None, head.sha, create=True)
            except RegistryError as exc:
                registry.errors[name] = exc
                continue
            assert at_head is not None
            at_head.add(_enrichment(name, at_head.version, head))
    return registry


def _tag_event(artifact: Artifact, tag: TagFact, p: ParsedTag) -> Event:
    common: dict[str, Any] = {
        "artifact": p.artifact,
        "created_at": when(tag.time, tag.offset),
        "author": tag.tagger_name,
        "author_email": tag.tagger_email,
        "message": tag.message.strip(),
        "commit": tag.target,
        "tag": tag.name,
    }
    if p.action == REGISTER:
        return Event("registration", version=p.version, **common)
    if p.action == DEREGISTER:
        return Event("deregistration", version=p.version, **common)
    if p.action in (ASSIGN, UNASSIGN):
        found = artifact.find_version(None, tag.target, create=True)
        assert found is not None
        kind = "assignment" if p.action == ASSIGN else "unassignment"
        return Event(kind, version=found.version, stage=p.stage, **common)
    if p.action == DEPRECATE:
        return Event("deprecation", **common)
    raise RegistryError(f"tag {tag.name} has no action GTO can fold (legacy @created)")


def _enrichment(artifact: str, version: str, commit: CommitFact) -> Event:
    return Event(
        "commit",
        artifact=artifact,
        created_at=when(commit.time, commit.offset),
        author=commit.author_name,
        author_email=commit.author_email,
        message=commit.message,
        commit=commit.sha,
        version=version,
        committer=commit.committer_name,
        committer_email=commit.committer_email,
    )


# -- GTO's JSON views (gto show --json, gto show NAME --json, gto history --json) -----------------


def gto_show(registry: Registry) -> dict[str, Any]:
    """``gto show --json``: the active artifacts, latest version and versions per stage."""
    registry.check()
    stages = registry.stages()
    out: dict[str, Any] = {}
    for artifact in registry.artifacts.values():
        if not artifact.is_active:
            continue
        latest = artifact.latest(registered_only=True)
        held = artifact.vstages()
        out[artifact.name] = {
            "version": latest.version if latest else None,
            "stage": {s: ", ".join(v.version for v in held.get(s, [])) or None for s in stages},
            "registered": artifact.is_registered,
            "active": artifact.is_active,
        }
    return out


def gto_versions(registry: Registry, name: str) -> list[dict[str, Any]]:
    """``gto show NAME --json`` without the ``enrichments`` (commit and artifacts.yaml
    details, which the API gives in its own fields)."""
    registry.check()
    artifact = registry.artifacts.get(name)
    if artifact is None or not artifact.is_active:
        return []
    held = artifact.vstages()
    out = []
    for version in artifact.get_versions(include_non_explicit=True, include_discovered=True):
        state = _entity_state(version)
        state.update(
            artifact=version.artifact,
            commit_hexsha=version.commit,
            version=version.version,
            # dumped without "event", unlike the assignments of a stage (as GTO does)
            registrations=[_event_state(e, kind=False) for e in version.registrations],
            deregistrations=[_event_state(e, kind=False) for e in version.deregistrations],
            is_active=version.is_active,
            activated_at=_iso(version.activated_at),
            discovered=version.discovered,
            stages=[
                _vstage_state(vs)
                for vstages in held.values()
                for vs in vstages
                if vs.version == version.version
            ],
        )
        out.append(state)
    return out


def gto_history(registry: Registry) -> list[dict[str, Any]]:
    """``gto history --json``: tag events, newest first (ties by GTO's priority)."""
    registry.check()
    events = [e for a in registry.artifacts.values() for e in a.events() if e.kind != "commit"]
    events.sort(key=lambda e: (e.created_at, e.priority))
    events.reverse()
    return [
        {
            "timestamp": _iso(e.created_at),
            "artifact": e.artifact,
            "event": e.kind,
            "priority": e.priority,
            "version": e.version,
            "stage": e.stage,
            "commit": e.commit,
            "author": e.author,
            "author_email": e.author_email,
            "message": e.message,
            "ref": e.ref,
        }
        for e in events
    ]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _entity_state(entity: _Entity) -> dict[str, Any]:
    authoring = entity.authoring_event()
    return {
        "created_at": _iso(authoring.created_at),
        "author": authoring.author,
        "author_email": authoring.author_email,
        "message": authoring.message,
        "ref": authoring.ref,
    }


def _event_state(event: Event, kind: bool = True) -> dict[str, Any]:
    state: dict[str, Any] = {
        "priority": event.priority,
        "addition": event.addition,
        "artifact": event.artifact,
        "created_at": _iso(event.created_at),
        "author": event.author,
        "author_email": event.author_email,
        "message": event.message,
        "commit_hexsha": event.commit,
    }
    if event.tag is not None:
        state["tag"] = event.tag
    if event.kind in ("registration", "deregistration", "assignment", "unassignment"):
        state["version"] = event.version
    if event.stage is not None:
        state["stage"] = event.stage
    if kind:
        state["event"] = event.kind
    return state


def _vstage_state(vstage: VStage) -> dict[str, Any]:
    state = _entity_state(vstage)
    state.update(
        artifact=vstage.artifact,
        commit_hexsha=vstage.commit,
        version=vstage.version,
        stage=vstage.stage,
        assignments=[_event_state(e) for e in vstage.assignments],
        unassignments=[_event_state(e) for e in vstage.unassignments],
        is_active=vstage.is_active,
        activated_at=_iso(vstage.activated_at),
    )
    return state
