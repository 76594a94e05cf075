"""A write to a network remote over one push connection, opened before the write (libgit2).

libgit2 connects to the remote's receive-pack, which advertises the remote's refs. When
they are the mirror's (the usual case: the mirror was synced and nobody pushed since), the
fetch a write starts with would bring nothing and is skipped: no second connection, no
upload-pack on the server. Otherwise the caller fetches as before. The push then goes over
the same connection, with the old values of that advertisement, so receive-pack refuses an
update of a ref that moved since.

Only git:// and SSH remotes: over HTTP(S) libgit2's connect would follow a redirect (the
options that forbid it, sync.git._REDIRECT_NONE, exist for fetch and push only), so those
are fetched and pushed as before (sync.git).
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path

import pygit2
from pygit2.callbacks import git_proxy_options, git_remote_callbacks
from pygit2.ffi import C, ffi

from sync.git import (
    FETCH_REFSPECS,
    Credentials,
    GitError,
    PushCallbacks,
    PushRefused,
    fetch_url,
    push_remote,
    read_plain_refs,
    redact,
    unreachable,
)

log = logging.getLogger(__name__)

_PREFIXES = tuple(spec.split(":")[0].lstrip("+").removesuffix("*") for spec in FETCH_REFSPECS)


def connectable(url: str) -> bool:
    """Whether a write to ``url`` (a network remote) is pushed over a connection opened
    first: git:// and SSH, never HTTP(S)."""
    return not url.startswith(("http://", "https://"))


class RemotePush:
    """A push connection to the mirror's origin; :meth:`close` ends it (or the push does)."""

    def __init__(self, repo: pygit2.Repository, url: str, creds: Credentials) -> None:
        self._repo = repo
        self._url = url
        self._callbacks = PushCallbacks(creds)
        self._stack = ExitStack()
        source = fetch_url(url)
        try:
            if repo.remotes["origin"].url != source:
                repo.remotes.set_url("origin", source)
            self._remote = repo.remotes["origin"]
            # The callbacks' payload stays alive while the connection is open.
            proxy = self._stack.enter_context(git_proxy_options(self._remote, None))
            payload = self._stack.enter_context(git_remote_callbacks(self._callbacks))
            err = C.git_remote_connect(
                self._remote._remote, C.GIT_DIRECTION_PUSH, payload.remote_callbacks, proxy,
                ffi.NULL,
            )  # fmt: skip
            payload.check_error(err)
            self.refs = _advertised(self._remote)
        except (pygit2.GitError, KeyError, OSError) as exc:
            self.close()
            log.warning("cannot connect to %s: %s", redact(url), exc)
            raise GitError(unreachable(url)) from exc

    def __enter__(self) -> RemotePush:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def mirror_is_current(self) -> bool:
        """Whether the mirror holds exactly the remote's branches, tags and experiment refs
        (then a fetch would bring nothing)."""
        theirs = {
            n: s for n, s in self.refs.items() if n.startswith(_PREFIXES) and not n.endswith("^{}")
        }
        ours = read_plain_refs(Path(self._repo.path))  # memoised file reads
        if ours is None:
            ours = {}
            for ref in self._repo.references.iterator():
                if ref.name.startswith(_PREFIXES):
                    try:
                        ours[ref.name] = str(ref.resolve().target)
                    except (pygit2.GitError, KeyError):
                        return False
        return ours == theirs

    def push(self, ref: str, delete: bool = False) -> None:
        """Push the mirror's ``ref`` to the same name (or delete it there), never forced.
        PushRefused when the remote says no, GitError when the push fails."""
        try:
            push_remote(self._remote, [f":{ref}" if delete else f"{ref}:{ref}"], self._callbacks)
        except (pygit2.GitError, KeyError, OSError) as exc:
            log.warning("pushing %s to %s failed: %s", ref, redact(self._url), exc)
            raise GitError(f"pushing {ref} failed: {unreachable(self._url)}") from exc
        finally:
            self.close()  # libgit2 disconnected after the push
        if self._callbacks.rejected:
            raise PushRefused("the remote refused the push: " + "; ".join(self._callbacks.rejected))

    def close(self) -> None:
        # pygit2 has no git_remote_disconnect: dropping the Remote frees it
        # (git_remote_free disconnects), then the callbacks' payload is released.
        self.__dict__.pop("_remote", None)
        self._stack.close()


def _advertised(remote: pygit2.Remote) -> dict[str, str]:
    heads = ffi.new("git_remote_head ***")
    size = ffi.new("size_t *")
    if C.git_remote_ls(heads, size, remote._remote) < 0:
        raise pygit2.GitError("listing the remote's refs failed")
    refs: dict[str, str] = {}
    for i in range(int(size[0])):
        head = heads[0][i]
        name = ffi.string(head.name).decode("utf-8", "surrogateescape")
        refs[name] = bytes(ffi.buffer(head.oid.id)[:]).hex()
    return refs
