"""The bare mirror of a project's repository: creating it, fetching into it, reading refs.

Everything here is blocking libgit2 work; callers run it in a worker thread. A
``pygit2.Repository`` is opened per call because libgit2 objects must not be shared between
threads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pygit2
from pygit2.enums import FetchPrune

# What a mirror keeps: branches, tags and DVC experiment refs, force-updated and pruned.
FETCH_REFSPECS = (
    "+refs/heads/*:refs/heads/*",
    "+refs/tags/*:refs/tags/*",
    "+refs/exps/*:refs/exps/*",
)

_SCP_LIKE = re.compile(r"^(?P<user>[^@/]+@)?(?P<host>[^:/]+):(?P<path>(?!//).+)$")


class GitError(Exception):
    """A repository could not be reached, read or fetched; the message is safe to show."""


@dataclass(frozen=True, slots=True)
class Credentials:
    username: str = ""
    password: str = ""
    ssh_key_path: str = ""
    ssh_pubkey_path: str = ""


def is_remote_url(url: str) -> bool:
    return url.startswith(("https://", "http://", "ssh://", "git://")) or bool(
        _SCP_LIKE.match(url) and not Path(url).exists()
    )


def fetch_url(url: str) -> str:
    """The URL libgit2 fetches from: local paths are made absolute."""
    if url.startswith("file://") or is_remote_url(url):
        return url
    return str(Path(url).expanduser().resolve())


class _Callbacks(pygit2.RemoteCallbacks):
    def __init__(self, creds: Credentials) -> None:
        super().__init__()
        self._creds = creds
        self._attempts = 0

    def credentials(
        self, url: str, username_from_url: str | None, allowed_types: pygit2.enums.CredentialType
    ) -> pygit2.Username | pygit2.UserPass | pygit2.Keypair | pygit2.KeypairFromAgent:
        # libgit2 calls again after a rejected credential: give up instead of looping.
        self._attempts += 1
        if self._attempts > 3:
            raise GitError(f"authentication failed for {url}")
        kinds = pygit2.enums.CredentialType
        user = username_from_url or self._creds.username or "git"
        if allowed_types & kinds.SSH_KEY:
            if self._creds.ssh_key_path:
                return pygit2.Keypair(
                    user, self._creds.ssh_pubkey_path, self._creds.ssh_key_path, ""
                )
            return pygit2.KeypairFromAgent(user)
        if allowed_types & kinds.USERPASS_PLAINTEXT and self._creds.password:
            return pygit2.UserPass(self._creds.username or user, self._creds.password)
        if allowed_types & kinds.USERNAME:
            return pygit2.Username(user)
        raise GitError(f"no credentials configured for {url}")


def open_mirror(path: Path) -> pygit2.Repository:
    return pygit2.Repository(str(path))


def fetch_mirror(path: Path, url: str, creds: Credentials) -> None:
    """Create the bare mirror if needed and bring it up to date with the remote."""
    if not (path / "HEAD").exists():
        path.mkdir(parents=True, exist_ok=True)
        pygit2.init_repository(str(path), bare=True)
    repo = open_mirror(path)
    source = fetch_url(url)
    if "origin" in repo.remotes.names():
        if repo.remotes["origin"].url != source:
            repo.remotes.set_url("origin", source)
    else:
        repo.remotes.create("origin", source, FETCH_REFSPECS[0])
    try:
        repo.remotes["origin"].fetch(
            list(FETCH_REFSPECS), callbacks=_Callbacks(creds), prune=FetchPrune.PRUNE
        )
    except (pygit2.GitError, KeyError, OSError) as exc:
        raise GitError(f"cannot fetch {redact(url)}: {exc}") from exc
    _point_head(repo)


def _point_head(repo: pygit2.Repository) -> None:
    """Make HEAD name an existing branch, preferring the remote's default (main/master)."""
    try:
        if not repo.head_is_unborn:
            return
    except pygit2.GitError:
        pass
    branches = list(repo.branches.local)
    for name in ("main", "master", *sorted(branches)):
        if name in branches:
            repo.set_head(f"refs/heads/{name}")
            return


def default_branch(path: Path) -> str | None:
    repo = open_mirror(path)
    target = repo.references["HEAD"].target
    if isinstance(target, str) and target.startswith("refs/heads/"):
        name = target[len("refs/heads/") :]
        return name if name in repo.branches.local else None
    return None


def redact(url: str) -> str:
    """Drop credentials from a URL before it reaches a log or an error message."""
    return re.sub(r"//[^/@]+@", "//", url)
