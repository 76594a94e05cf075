"""The bare mirror of a project's repository: creating it, fetching into it, reading refs.

Everything here is blocking libgit2 work; callers run it in a worker thread. A
``pygit2.Repository`` is opened per call because libgit2 objects must not be shared between
threads.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import orjson
import pygit2
from pygit2.callbacks import git_fetch_options, git_proxy_options, git_push_options
from pygit2.enums import FetchPrune, ReferenceType, RepositoryOpenFlag
from pygit2.ffi import C, ffi
from pygit2.utils import StrArray

from storage.errors import redact as redact  # re-exported: sync/ names it from here
from storage.limits import configured
from sync.artifacts import Declarations, read_declarations
from sync.ref_watch import GITDIR_NAMES, REFS_NAMES, Identity, Reading, RefWatch

# What a mirror keeps: branches, tags and DVC experiment refs, force-updated and pruned.
FETCH_REFSPECS = (
    "+refs/heads/*:refs/heads/*",
    "+refs/tags/*:refs/tags/*",
    "+refs/exps/*:refs/exps/*",
)

log = logging.getLogger(__name__)

_SCP_LIKE = re.compile(r"^(?P<user>[^@/]+@)?(?P<host>[^:/]+):(?P<path>(?!//).+)$")


class GitError(Exception):
    """A repository could not be reached, read or fetched; the message is safe to show."""


def unreachable(url: str) -> str:
    """The one message for every failed contact with a remote: refused, timed out, not
    resolvable, not Git, no access. Telling them apart would let a caller map which hosts
    and ports answer; the server log keeps the detail."""
    return f"cannot fetch {redact(url)}: the repository could not be reached or read"


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
    return str(Path(url).resolve())


class AuthCallbacks(pygit2.RemoteCallbacks):
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


class PushRefused(GitError):
    """The remote answered and refused the update (a hook, not a fast-forward, no right)."""


class PushCallbacks(AuthCallbacks):
    def __init__(self, creds: Credentials) -> None:
        super().__init__(creds)
        self.rejected: list[str] = []

    def push_update_reference(self, refname: str, message: str | None) -> None:
        if message:
            self.rejected.append(f"{refname}: {message}")


def push_ref(repo: pygit2.Repository, ref: str, creds: Credentials, delete: bool = False) -> None:
    """Push ``ref`` of the mirror to the same name on origin, never forced (or delete it
    there). PushRefused when the remote says no, GitError when it cannot be reached."""
    callbacks = PushCallbacks(creds)
    url = ""
    try:
        remote = repo.remotes["origin"]
        url = remote.url or ""
        push_remote(remote, [f":{ref}" if delete else f"{ref}:{ref}"], callbacks)
    except (pygit2.GitError, KeyError, OSError) as exc:
        log.warning("pushing %s to %s failed: %s", ref, redact(url), exc)
        raise GitError(f"pushing {ref} failed: {unreachable(url)}") from exc
    if callbacks.rejected:
        raise PushRefused("the remote refused the push: " + "; ".join(callbacks.rejected))


def open_mirror(path: Path) -> pygit2.Repository:
    return pygit2.Repository(str(path))


def fetch_mirror(path: Path, url: str, creds: Credentials, memos: RefMemos | None = None) -> None:
    """Create the bare mirror if needed and bring it up to date with the repository; a
    repository on this machine has its refs read through ``memos`` (None: every file)."""
    local = local_source(url)
    if local is not None:
        _mirror_local(path, local, memos)
    elif not (path / "HEAD").exists():
        _clone(path, url, creds)
    else:
        _fetch(path, url, creds)
        _pack_refs(path)
    _point_head(open_mirror(path))


@dataclass(frozen=True, slots=True)
class RefPacking:
    """When a mirror's loose refs are packed (gitstudio.settings holds the default)."""

    pack_refs_after: int  # loose ref files a fetch may leave before they are packed


def _pack_refs(path: Path) -> bool:
    """Pack the mirror's refs once a fetch left more than ``pack_refs_after`` loose ones (a
    first clone and a local mirror are packed already): one packed-refs file instead of a
    file per experiment ref, which every later sync would otherwise walk and read."""
    if not _loose_refs_over(path / "refs", configured(RefPacking).pack_refs_after):
        return False
    try:
        open_mirror(path).compress_references()
    except pygit2.GitError as exc:  # e.g. a concurrent lock: loose refs stay correct
        log.warning("cannot pack the refs of %s: %s", path, exc)
        return False
    return True


def _loose_refs_over(refs: Path, limit: int) -> bool:
    """Whether more than ``limit`` files are under ``refs``; stops counting past it."""
    count = 0
    for _dir, _subdirs, files in os.walk(refs):
        count += len(files)
        if count > limit:
            return True
    return False


def local_source(url: str) -> Path | None:
    """The repository path when ``url`` names a repository on this machine (``~`` is not
    expanded: the CLI expands it before storing, the API refuses it)."""
    if url.startswith("file://"):
        return Path(url[len("file://") :]).resolve()
    if is_remote_url(url):
        return None
    return Path(url).resolve()


def open_local(path: Path) -> pygit2.Repository:
    """A repository on this machine, exactly at ``path``: parent directories are never
    searched (a subdirectory of a repository is not that repository)."""
    return pygit2.Repository(str(path), RepositoryOpenFlag.NO_SEARCH)


def common_dir(gitdir: Path) -> Path:
    """Where a repository keeps its objects and refs: a linked worktree's git directory
    (``.git/worktrees/<name>``) names it in ``commondir``; any other is its own."""
    try:
        common = (gitdir / "commondir").read_text().strip()
    except OSError:
        return gitdir
    return (gitdir / common).resolve() if common else gitdir


def _remote_with_refspecs(repo: pygit2.Repository, name: str, url: str) -> pygit2.Remote:
    repo.remotes.create(name, url, FETCH_REFSPECS[0])
    for spec in FETCH_REFSPECS[1:]:
        repo.remotes.add_fetch(name, spec)
    return repo.remotes[name]


def _clone(path: Path, url: str, creds: Credentials) -> None:
    """First contact with a remote: a bare repository with our refspecs, fetched into (one
    pack, packed refs); what ``git clone --bare`` makes, HEAD set by _point_head."""
    try:
        repo = pygit2.init_repository(str(path), bare=True)
        _fetch_remote(_remote_with_refspecs(repo, "origin", fetch_url(url)), AuthCallbacks(creds))
    except (pygit2.GitError, KeyError, OSError) as exc:
        shutil.rmtree(path, ignore_errors=True)
        log.warning("cannot fetch %s: %s", redact(url), exc)
        raise GitError(unreachable(url)) from exc
    repo.compress_references()


# libgit2's GIT_REMOTE_REDIRECT_NONE (1 << 0 since libgit2 1.4): never follow an HTTP
# redirect to another host. By default libgit2 follows one on the first request, to any
# host, which would take a fetch or push around the host policy (sync.repo_policy) to any
# address. pygit2 offers no option for it and declares the enum without its values (as 0,
# 1, 2), so the number is written here; tests/security/test_repo_policy.py checks it holds.
_REDIRECT_NONE = 1


def _fetch_remote(remote: pygit2.Remote, callbacks: AuthCallbacks) -> None:
    """``remote.fetch`` of FETCH_REFSPECS with prune, as pygit2 does it, plus no redirects."""
    with git_fetch_options(callbacks) as payload:
        opts = payload.fetch_options
        opts.prune = FetchPrune.PRUNE
        opts.follow_redirects = _REDIRECT_NONE
        with git_proxy_options(remote, opts.proxy_opts), StrArray(list(FETCH_REFSPECS)) as specs:
            payload.check_error(C.git_remote_fetch(remote._remote, specs.ptr, opts, ffi.NULL))


def push_remote(remote: pygit2.Remote, specs: list[str], callbacks: AuthCallbacks) -> None:
    """``remote.push`` of ``specs``, as pygit2 does it, plus no redirects."""
    with git_push_options(callbacks) as payload:
        opts = payload.push_options
        opts.follow_redirects = _REDIRECT_NONE
        with git_proxy_options(remote, opts.proxy_opts), StrArray(specs) as refspecs:
            payload.check_error(C.git_remote_push(remote._remote, refspecs.ptr, opts))


def _fetch(path: Path, url: str, creds: Credentials) -> None:
    repo = open_mirror(path)
    source = fetch_url(url)
    if repo.remotes["origin"].url != source:
        repo.remotes.set_url("origin", source)
    try:
        _fetch_remote(repo.remotes["origin"], AuthCallbacks(creds))
    except (pygit2.GitError, KeyError, OSError) as exc:
        log.warning("cannot fetch %s: %s", redact(url), exc)
        raise GitError(unreachable(url)) from exc


def _mirror_local(path: Path, source: Path, memos: RefMemos | None) -> None:
    """A repository on this machine: borrow its objects (``objects/info/alternates``, as
    ``git clone --shared`` does) and copy its refs, so a sync costs the refs that changed
    instead of a pack negotiation. If the source goes away the next sync fails (UNREACHABLE)
    and what was indexed stays."""
    try:
        src = open_local(source)
    except (pygit2.GitError, OSError, ValueError) as exc:
        raise GitError(f"cannot open repository {source}: {exc}") from exc
    if not (path / "HEAD").exists():
        path.mkdir(parents=True, exist_ok=True)
        pygit2.init_repository(str(path), bare=True)
    gitdir = common_dir(Path(src.path))
    alternates = path / "objects" / "info" / "alternates"
    objects = str(gitdir / "objects")
    if not alternates.exists() or alternates.read_text().strip() != objects:
        alternates.parent.mkdir(parents=True, exist_ok=True)
        alternates.write_text(objects + "\n")
    # memos: kept in the mirror for the next process
    kept = path / KEPT_REF_MEMO
    refs = read_plain_refs(gitdir) if memos is None else memos.read(gitdir, kept)
    _write_packed_refs(path, refs if refs is not None else _mirrored_refs(src), memos)


_SHA = re.compile(rb"^[0-9a-f]{40}$")
# In a local source's mirror: what its syncer remembered of the source's ref files.
KEPT_REF_MEMO = "gitstudio-source-refs"
# A ref file changed less than this long before it was read may change again with the same
# timestamp (coarse clocks, filesystems keeping seconds or two): its memo is not kept, so
# the next read opens it again. Older ones are remembered by their stat.
RACY_SECONDS = 3.0

StatKey = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class RefMemo:
    """What a syncer remembers of repositories' ref files (gitstudio.settings holds the
    defaults): refs read from files, inotify watches on local repositories' ref
    directories (0: none), and how long a watched read is trusted."""

    ref_memo_entries: int
    ref_watches: int
    ref_watch_seconds: float


class RefMemos:
    """One syncer's memory of ref files: each loose ref file by its stat (a file is read
    again when its inode, times or size change), each packed-refs file whole, and, for
    repositories on this machine, the refs of a source no watch reported a change of
    (sync.ref_watch): then nothing is read at all. At most ``bounds.ref_memo_entries`` refs
    in each. A read may be given a file to keep what it remembers of that repository in
    (a mirror's): a new process starts from it, so its first read opens only the ref files
    whose stat changed. Shared by the syncer's threads: dict operations are atomic, and the
    dicts are copied (``list``, one C call) before being iterated; the watch locks."""

    def __init__(self, bounds: RefMemo, racy_seconds: float = RACY_SECONDS) -> None:
        self.bound = bounds.ref_memo_entries
        self.racy_seconds = racy_seconds
        # path -> [inode, mtime_ns, ctime_ns, size, sha]: as JSON keeps it, so a kept memo
        # is loaded by one dict update
        self._loose: dict[str, list[int | str]] = {}
        # directory -> [inode, mtime_ns, ctime_ns, [(name, directory?, symlink?), ...]]
        # (lists once loaded from a kept memo)
        self._dirs: dict[str, list[object]] = {}
        self._packed: dict[str, tuple[StatKey, dict[str, str]]] = {}
        # a mirror's packed-refs -> (its stat, the refs written into it)
        self._mirrors: dict[str, tuple[StatKey, Mapping[str, str]]] = {}
        self._digests: dict[str, tuple[StatKey, bytes]] = {}  # a mirror's ref files
        self.watch = RefWatch(bounds.ref_watches, bounds.ref_watch_seconds, self.bound)
        self._restored: set[str] = set()  # repositories whose kept memo was loaded
        self._opened = 0  # ref files read (not taken from the memo), ever

    @classmethod
    def none(cls) -> RefMemos:
        """Remembers nothing: every read reads every file."""
        return cls(RefMemo(0, 0, 0.0))

    @classmethod
    def configured(cls) -> RefMemos:
        return cls(configured(RefMemo))

    def close(self) -> None:
        self.watch.close()

    def watched(self, gitdir: Path) -> bool:
        """Whether no watch saw a change of ``gitdir``'s refs since they were last read
        (then reading them opens no file)."""
        return self.watch.unchanged(str(gitdir), _identity(gitdir)) is not None

    def read(self, gitdir: Path, kept: Path | None = None) -> Mapping[str, str] | None:
        """The heads, tags and experiment refs of the repository at ``gitdir`` (shared
        with the memo: not to be changed); ``kept``: the file keeping what is remembered
        of it across processes."""
        key = str(gitdir)
        identity = _identity(gitdir)
        refs = self.watch.unchanged(key, identity)
        if refs is not None:
            return refs  # the watch's own: never mutated
        if kept is not None and key not in self._restored:
            self._restored.add(key)
            self._restore(gitdir, kept)
        opened = self._opened
        reading = self.watch.begin(key, identity, key)
        try:
            refs = self._read(gitdir, reading)
        finally:
            if reading is not None:
                reading.finish(refs)
        if kept is not None and refs is not None and self._opened != opened:
            self._keep(gitdir, kept)
        return refs

    def mirrored(self, packed: Path, refs: Mapping[str, str]) -> bool:
        """Whether the mirror's ``packed`` file still is the one written (or found) with
        ``refs`` (mirrors' packed-refs are only ever replaced: a new inode). The refs of
        an unchanged watched source are the very object written last time."""
        found = self._mirrors.get(str(packed))
        if found is None:
            return False
        try:
            if found[0] != _stat_key(packed.stat()):
                return False
        except FileNotFoundError:
            return False
        return found[1] is refs or found[1] == refs

    def digest(self, file: Path) -> bytes:
        """A digest of ``file``'s content, remembered by its stat once it settled."""
        try:
            st = file.stat()
        except FileNotFoundError:
            return b"\0missing"
        key = _stat_key(st)
        found = self._digests.get(str(file))
        if found is not None and found[0] == key:
            return found[1]
        digest = _content_digest(file)
        if self._settled(st) and self.bound > 0:
            if len(self._digests) >= self.bound:
                self._digests.clear()
            self._digests[str(file)] = (key, digest)
        return digest

    def remember_mirrored(self, packed: Path, refs: Mapping[str, str]) -> None:
        st = packed.stat()
        if len(refs) > self.bound or not self._settled(st):
            return  # written just now: a rewrite in the same tick may reuse its stat
        if sum(len(f[1]) for f in list(self._mirrors.values())) + len(refs) > self.bound:
            self._mirrors.clear()
        self._mirrors[str(packed)] = (_stat_key(st), refs)

    def _keep(self, gitdir: Path, kept: Path) -> None:
        """Write what is remembered of ``gitdir``'s ref files to ``kept`` (atomically)."""
        refs = os.path.join(gitdir, "refs", "")
        loose = {p: m for p, m in list(self._loose.items()) if p.startswith(refs)}
        dirs = {p: m for p, m in list(self._dirs.items()) if p.startswith(refs)}
        packed = self._packed.get(str(gitdir / "packed-refs"))
        content = {"gitdir": str(gitdir), "loose": loose, "dirs": dirs, "packed": packed}
        tmp = kept.with_name(kept.name + ".tmp")
        try:
            tmp.write_bytes(orjson.dumps(content))
            os.replace(tmp, kept)
        except OSError as exc:  # the next process reads every file once: only slower
            log.warning("cannot keep the ref memo of %s in %s: %s", gitdir, kept, exc)

    def _restore(self, gitdir: Path, kept: Path) -> None:
        """Remember what ``kept`` says of ``gitdir``'s ref files: each entry is used only
        while the file's stat is the one it was read with, as any other."""
        try:
            parts = _kept_parts(orjson.loads(kept.read_bytes()), gitdir)
        except FileNotFoundError:
            return
        except (OSError, orjson.JSONDecodeError) as exc:
            log.warning("ignoring the kept ref memo %s: %s", kept, exc)
            return
        if parts is None:
            log.warning("ignoring the kept ref memo %s: not one of %s", kept, gitdir)
            return
        loose, dirs, packed = parts
        if len(self._loose) + len(loose) <= self.bound:
            self._loose.update(loose)
        if len(self._dirs) + len(dirs) <= self.bound:
            self._dirs.update(dirs)  # entries as JSON lists: unpacked as the tuples
        if packed is not None:
            key, refs = packed
            self._remember_packed(str(gitdir / "packed-refs"), tuple(key), refs)  # type: ignore[arg-type]

    def _settled(self, st: os.stat_result) -> bool:
        """Whether the file last changed long enough ago that a later change has another
        stat: otherwise it is read again next time (git's "racy clean" entries)."""
        changed = max(st.st_mtime_ns, st.st_ctime_ns) / 1e9
        return time.time() - changed > self.racy_seconds

    def _read(self, gitdir: Path, reading: Reading | None) -> dict[str, str] | None:
        if reading is not None:
            reading.directory(str(gitdir), GITDIR_NAMES)
            reading.directory(os.path.join(gitdir, "refs"), REFS_NAMES)
        refs = self._read_packed(gitdir / "packed-refs", reading)
        if refs is None:
            return None
        for top in ("heads", "tags", "exps"):
            directory = os.path.join(gitdir, "refs", top)
            if not self._read_loose(directory, f"refs/{top}/", refs, reading):
                return None
        return refs

    def _read_packed(self, packed: Path, reading: Reading | None) -> dict[str, str] | None:
        try:
            st = packed.stat()
            if reading is not None and st.st_nlink > 1:
                reading.file(str(packed))
                st = packed.stat()  # written through the other name before the watch: seen
        except FileNotFoundError:
            return {}
        key = _stat_key(st)
        found = self._packed.get(str(packed))
        if found is not None and found[0] == key:
            return dict(found[1])
        refs: dict[str, str] = {}
        for line in packed.read_bytes().splitlines():
            if line.startswith((b"#", b"^")) or not line:
                continue
            sha, _, name = line.partition(b" ")
            if not _SHA.match(sha):
                return None
            if name.startswith((b"refs/heads/", b"refs/tags/", b"refs/exps/")):
                refs[name.decode()] = sha.decode()
        self._opened += 1
        if self._settled(st):
            self._remember_packed(str(packed), key, refs)
        return dict(refs)

    def _remember_packed(self, path: str, key: StatKey, refs: dict[str, str]) -> None:
        if len(refs) > self.bound:
            return  # one file over the whole bound: read it each time
        if sum(len(f[1]) for f in list(self._packed.values())) + len(refs) > self.bound:
            self._packed.clear()
        self._packed[path] = (key, refs)

    def _read_loose(
        self, directory: str, prefix: str, refs: dict[str, str], reading: Reading | None
    ) -> bool:
        if reading is not None:
            reading.directory(directory)  # before listing: a later change is an event
        listing = self._listing(directory)
        if listing is None:
            return True  # no such directory
        for name, is_dir, is_link in listing:
            path = os.path.join(directory, name)
            if is_link:
                return False  # not a plain ref file: let libgit2 decide
            if is_dir:
                if not self._read_loose(path, f"{prefix}{name}/", refs, reading):
                    return False
                continue
            if name.endswith(".lock"):
                continue  # a write in progress: the ref itself still holds the old value
            try:
                sha = self._loose_sha(path, reading)
            except FileNotFoundError:
                continue  # deleted while we looked
            if sha is None:
                return False  # symbolic or unknown: let libgit2 decide
            refs[prefix + name] = sha
        return True

    def _listing(self, directory: str) -> list[tuple[str, bool, bool]] | None:
        """(name, directory?, symlink?) of each entry of ``directory``: remembered by the
        directory's stat (an entry created, removed or renamed changes its mtime and
        ctime), listed again when that changed or changed less than racy_seconds before it
        was listed. None when there is no such directory."""
        try:
            st = os.stat(directory)  # the top ones may be symlinks (to directories)
        except (FileNotFoundError, NotADirectoryError):
            return None
        key = [st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
        memo = self._dirs.get(directory)
        if memo is not None and memo[:3] == key:
            return memo[3]  # type: ignore[return-value]
        try:
            with os.scandir(directory) as scan:
                listing = [(e.name, e.is_dir(follow_symlinks=False), e.is_symlink()) for e in scan]
        except (FileNotFoundError, NotADirectoryError):
            return None
        if self._settled(st) and self.bound > 0:
            if len(self._dirs) >= self.bound:
                self._dirs.clear()
            self._dirs[directory] = [*key, listing]
        return listing

    def _loose_sha(self, path: str, reading: Reading | None) -> str | None:
        st = os.lstat(path)
        if reading is not None and st.st_nlink > 1:
            reading.file(path)  # written through its other name: not this directory
            st = os.lstat(path)  # written so before the watch was added: seen here
        key: list[int | str] = [st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size]
        memo = self._loose.get(path)
        if memo is not None and memo[:4] == key:
            return str(memo[4])
        self._opened += 1
        with open(path, "rb") as file:
            content = file.read().strip()
        if not _SHA.match(content):
            return None
        sha = content.decode()
        if self._settled(st) and self.bound > 0:
            if len(self._loose) >= self.bound:
                self._loose.clear()
            self._loose[path] = [*key, sha]
        return sha


_is_sha = re.compile(r"[0-9a-f]{40}").fullmatch
_READ_REFS = ("refs/heads/", "refs/tags/", "refs/exps/")


def _kept_parts(
    content: object, gitdir: Path
) -> tuple[dict[str, list[int | str]], dict[str, list[object]], list[object] | None] | None:
    """The loose, directories' and packed-refs parts of a kept memo of ``gitdir`` when
    every entry has the shape a read keeps (stat numbers, shas, plain names); None when
    anything does not (a file of an older format, cut short and still JSON, or tampered
    with: ignored whole, its files are read)."""
    if not isinstance(content, dict) or content.get("gitdir") != str(gitdir):
        return None
    loose, dirs, packed = content.get("loose"), content.get("dirs"), content.get("packed")
    if not (isinstance(loose, dict) and isinstance(dirs, dict)):
        return None
    refs = os.path.join(gitdir, "refs", "")
    if not (all(p.startswith(refs) for p in loose) and all(map(_kept_file, loose.values()))):
        return None
    if not all(p.startswith(refs) and _kept_listing(m) for p, m in dirs.items()):
        return None
    if packed is not None and not _kept_packed(packed):
        return None
    return loose, dirs, packed


def _ints(values: object, count: int) -> bool:
    return type(values) is list and len(values) == count and all(type(v) is int for v in values)


def _kept_file(memo: object) -> bool:  # [inode, mtime_ns, ctime_ns, size, sha]
    # Spelled out: 34,005 of them are checked when a new process loads a kept memo.
    return (
        type(memo) is list
        and len(memo) == 5
        and type(memo[0]) is int
        and type(memo[1]) is int
        and type(memo[2]) is int
        and type(memo[3]) is int
        and type(memo[4]) is str
        and _is_sha(memo[4]) is not None
    )


def _kept_listing(memo: object) -> bool:  # [inode, mtime_ns, ctime_ns, [[name, dir?, link?]]]
    return (
        type(memo) is list
        and len(memo) == 4
        and _ints(memo[:3], 3)
        and type(memo[3]) is list
        and all(_kept_entry(e) for e in memo[3])
    )


def _kept_entry(entry: object) -> bool:
    if type(entry) is not list or len(entry) != 3:
        return False
    name, is_dir, is_link = entry
    return (
        type(name) is str
        and name not in ("", ".", "..")
        and "/" not in name
        and "\0" not in name
        and type(is_dir) is bool
        and type(is_link) is bool
    )


def _kept_packed(packed: object) -> bool:  # [[inode, mtime_ns, ctime_ns, size], {ref: sha}]
    if type(packed) is not list or len(packed) != 2 or not _ints(packed[0], 4):
        return False
    refs = packed[1]
    return type(refs) is dict and all(
        type(n) is str and n.startswith(_READ_REFS) and type(s) is str and _is_sha(s) is not None
        for n, s in refs.items()
    )


def read_plain_refs(gitdir: Path, memos: RefMemos | None = None) -> dict[str, str] | None:
    """The source's heads, tags and experiment refs read straight from its files (much
    cheaper than libgit2 for hundreds of loose experiment refs), remembered in ``memos``
    (None: nothing remembered). None when anything is not plain (a symbolic ref, an odd
    file): the caller then asks libgit2."""
    refs = (memos or RefMemos.none()).read(gitdir)
    return None if refs is None else dict(refs)


def _stat_key(st: os.stat_result) -> StatKey:
    # ctime too: a write that sets the modification time back cannot set it.
    return (st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size)


def _identity(gitdir: Path) -> Identity:
    """Which directories ``gitdir`` and its refs are now (a repository replaced at the same
    path is another)."""
    found: list[int] = []
    for path in (gitdir, gitdir / "refs"):
        try:
            st = os.lstat(path)
            found += (st.st_dev, st.st_ino)
        except OSError:
            found += (-1, -1)
    return tuple(found)


def _mirrored_refs(src: pygit2.Repository) -> dict[str, str]:
    refs: dict[str, str] = {}
    for ref in src.references.iterator():  # the objects: no second lookup by name
        if not ref.name.startswith(("refs/heads/", "refs/tags/", "refs/exps/")):
            continue
        try:
            direct = ref if ref.type == ReferenceType.DIRECT else ref.resolve()
        except (pygit2.GitError, KeyError):
            continue  # a dangling symbolic ref
        refs[ref.name] = str(direct.target)
    return refs


def _write_packed_refs(path: Path, refs: Mapping[str, str], memos: RefMemos | None = None) -> None:
    """Replace the mirror's refs with ``refs`` in one atomic write of ``packed-refs``;
    nothing when ``memos`` knows its packed-refs (by its stat) holds them already."""
    packed = path / "packed-refs"
    if memos is not None and memos.mirrored(packed, refs) and not _loose_refs(path):
        return
    lines = ["# pack-refs with: sorted \n", *(f"{refs[n]} {n}\n" for n in sorted(refs))]
    content = "".join(lines)
    if not (packed.exists() and packed.read_text() == content and not _loose_refs(path)):
        tmp = path / "packed-refs.tmp"
        tmp.write_text(content)
        os.replace(tmp, packed)
        for loose in _loose_refs(path):
            loose.unlink()
    if memos is not None:
        memos.remember_mirrored(packed, refs)


def _loose_refs(path: Path) -> list[Path]:
    refs = path / "refs"
    return [p for p in refs.rglob("*") if p.is_file()] if refs.exists() else []


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


def refs_fingerprint(path: Path, memos: RefMemos | None = None) -> bytes:
    """A digest of every ref file of the mirror at ``path``: HEAD, packed-refs and each
    loose file under ``refs/`` (names and contents). Equal digests mean equal refs, so a
    sync that finds the digest of its last plan (and the tips that plan stored) has nothing
    to read: 5-15 ms at 34,000 packed refs, against 150-200 ms for libgit2 to list them;
    with ``memos``, HEAD's and packed-refs' digests are taken from it while their stat is
    the one they were read with (packed-refs is replaced, never rewritten in place)."""
    digest = hashlib.blake2b(digest_size=20)
    for name in ("HEAD", "packed-refs"):
        top = path / name
        digest.update(b"%s\0" % name.encode())
        digest.update(memos.digest(top) if memos is not None else _content_digest(top))
    loose: list[str] = []
    for directory, _subdirs, files in os.walk(path / "refs"):
        loose += (os.path.join(directory, f) for f in files)
    for file in sorted(loose):
        try:
            with open(file, "rb") as handle:
                content = handle.read()
        except (FileNotFoundError, IsADirectoryError):
            content = b"\0missing"
        digest.update(b"%s %d\0" % (os.fsencode(file), len(content)))
        digest.update(content)
    return digest.digest()


def _content_digest(file: Path) -> bytes:
    try:
        content = file.read_bytes()
    except FileNotFoundError:
        return b"\0missing"
    return hashlib.blake2b(content, digest_size=20).digest()


def default_branch(path: Path) -> str | None:
    repo = open_mirror(path)
    target = repo.references["HEAD"].target
    if isinstance(target, str) and target.startswith("refs/heads/"):
        name = target[len("refs/heads/") :]
        return name if name in repo.branches.local else None
    return None


def head_declarations(path: Path, sha: str) -> Declarations:
    """The models declared at commit ``sha`` of the mirror (sync.artifacts)."""
    repo = open_mirror(path)
    commit = repo.get(sha)
    if not isinstance(commit, pygit2.Commit):
        return Declarations(head=sha)
    return read_declarations(repo, commit)
