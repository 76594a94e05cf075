"""Watching the ref files of repositories on this machine (Linux inotify), so a sync of a
local repository whose refs did not change reads none of its ref files.

A source's refs are read with a watch on every directory they live in (added before the
directory is listed), on its git directory (``packed-refs``, ``refs``) and on each ref file
with a second hard link (a write through the other name reaches the file, not this
directory). Until one of those watches reports an event, the refs read are the refs: the
kernel reports every change made on this machine (a lock file renamed over a ref, a ref
rewritten in place, a file or directory created, deleted or moved) whenever it happens,
same second or not, and says so when its queue overflowed. Only filesystems whose changes
all go through this kernel are watched (ext4, xfs, btrfs, tmpfs...); a network filesystem's
other clients change files unseen, so those sources are read every time (sync.git's stat
memo). What no watch sees is a hard link made to a ref file after it was read, then a write
in place through it (git never writes a ref in place); a read older than the settings'
``ref_watch_seconds`` is therefore never trusted.

Blocking system calls; one lock guards the state, so syncs in several threads may share one
watch.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import logging
import os
import struct
import sys
import threading
import time
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# <sys/inotify.h>
_IN_MODIFY = 0x2
_IN_MOVED_FROM = 0x40
_IN_MOVED_TO = 0x80
_IN_CREATE = 0x100
_IN_DELETE = 0x200
_IN_DELETE_SELF = 0x400
_IN_MOVE_SELF = 0x800
_IN_Q_OVERFLOW = 0x4000
_IN_IGNORED = 0x8000
_IN_ONLYDIR = 0x01000000
_IN_DONT_FOLLOW = 0x02000000
_CHANGES = _IN_MODIFY | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE
_SELF = _IN_DELETE_SELF | _IN_MOVE_SELF
_DIR_MASK = _CHANGES | _SELF | _IN_ONLYDIR | _IN_DONT_FOLLOW
_FILE_MASK = _IN_MODIFY | _SELF | _IN_DONT_FOLLOW
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of name

# statfs f_type of filesystems where every change is made by this kernel (<linux/magic.h>)
_LOCAL_FILESYSTEMS = {
    0xEF53,  # ext2/3/4
    0x58465342,  # xfs
    0x9123683E,  # btrfs
    0x01021994,  # tmpfs
    0xF2F52010,  # f2fs
    0x2FC12FC1,  # zfs
}

# What a watch on the git directory or on refs/ cares about: other names (the index, HEAD,
# logs, refs/remotes...) change often and hold no ref a sync reads.
GITDIR_NAMES = frozenset({"packed-refs", "refs"})
REFS_NAMES = frozenset({"heads", "tags", "exps"})

Identity = tuple[int, ...]
_MISSING = -1  # the watch of a path that does not exist


@dataclass(slots=True)
class _Source:
    identity: Identity
    generation: int = 0
    clean: bool = False  # no event since the current read began
    refs: dict[str, str] | None = None  # what the last complete, undisturbed read found
    read_at: float = 0.0  # time.monotonic() when that read began
    wds: set[int] = field(default_factory=set)  # every watch a read of it added since


@dataclass(slots=True)
class _Watched:
    owners: set[str]
    names: frozenset[str] | None  # events about other names are ignored; None: every name


class Reading:
    """One read of a source's refs under watch: :meth:`directory` and :meth:`file` before
    listing or reading them, :meth:`finish` with what was read."""

    def __init__(self, watch: RefWatch, key: str, generation: int, started: float) -> None:
        self._watch = watch
        self._key = key
        self._generation = generation
        self._started = started
        self._wds: set[int] = set()
        self.failed = False  # a watch could not be added: the read is not remembered

    def directory(self, path: str, names: frozenset[str] | None = None) -> None:
        self._add(path, _DIR_MASK, names)

    def file(self, path: str) -> None:
        self._add(path, _FILE_MASK, None)

    def _add(self, path: str, mask: int, names: frozenset[str] | None) -> None:
        if not self.failed:
            wd = self._watch._add(self._key, path, mask, names)
            if wd is None:
                self.failed = True
            elif wd != _MISSING:
                self._wds.add(wd)

    def finish(self, refs: dict[str, str] | None) -> None:
        self._watch._finish(self, refs)


class RefWatch:
    """inotify watches of local repositories' refs, at most ``max_watches`` at a time, a
    read trusted for at most ``max_age`` seconds and ``max_refs`` refs remembered in all."""

    def __init__(self, max_watches: int, max_age: float, max_refs: int) -> None:
        self._max_watches = max_watches
        self._max_age = max_age
        self._max_refs = max_refs
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._failed = max_watches <= 0 or not sys.platform.startswith("linux")
        self._sources: dict[str, _Source] = {}
        self._watched: dict[int, _Watched] = {}
        # Readings are numbered across sources: a reading of a repository since replaced
        # at its path never passes for the latest reading of the one there now.
        self._generation = 0

    def unchanged(self, key: str, identity: Identity) -> dict[str, str] | None:
        """The refs of the last read of ``key`` when no watch reported anything since."""
        with self._lock:
            self._drain()
            source = self._sources.get(key)
            if source is None or not source.clean or source.refs is None:
                return None
            if source.identity != identity:
                return None  # another directory at that path now
            if time.monotonic() - source.read_at > self._max_age:
                return None
            return source.refs

    def begin(self, key: str, identity: Identity, path: str) -> Reading | None:
        """Start a read of ``key``'s refs, or None when its files cannot be watched."""
        # Outside the lock: statfs blocks while a network mount hangs (that read waits,
        # the other sources' go on).
        if self._failed or not _local_filesystem(path):
            return None
        with self._lock:
            if not self._available():
                return None
            self._drain()  # what happened before this read is in it
            source = self._sources.get(key)
            if source is None or source.identity != identity:
                if source is not None:
                    self._forget(key, source.wds)
                source = self._sources[key] = _Source(identity)
            self._generation += 1
            source.generation = self._generation
            source.clean = True
            source.refs = None  # stale (that is why it is read): no other thread takes it
            return Reading(self, key, source.generation, time.monotonic())

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
            self._fd = None
            self._failed = True
            self._sources.clear()
            self._watched.clear()

    def _available(self) -> bool:
        if self._fd is None and not self._failed:
            try:
                self._fd = _inotify_init()
            except OSError as exc:
                log.warning("watching local repositories' refs is off: %s", exc)
                self._failed = True
        return self._fd is not None

    def _add(self, key: str, path: str, mask: int, names: frozenset[str] | None) -> int | None:
        with self._lock:
            if self._fd is None or len(self._watched) >= self._max_watches:
                return None
            try:
                wd = _add_watch(self._fd, path, mask)
            except FileNotFoundError:
                # Nothing to watch: its parent's watch (added first) sees it appear.
                return _MISSING
            except OSError as exc:
                if exc.errno != errno.ENOTDIR:  # a symlink or a file: not plain, not watched
                    log.warning("cannot watch %s: %s", path, exc)
                return None
            watched = self._watched.setdefault(wd, _Watched(set(), names))
            watched.owners.add(key)
            source = self._sources.get(key)
            if source is not None:  # a reading overtaken meanwhile adds some too: let go
                source.wds.add(wd)  # of at the next read that stands
            return wd

    def _finish(self, reading: Reading, refs: dict[str, str] | None) -> None:
        with self._lock:
            self._drain()  # an event during the read leaves the source unclean
            source = self._sources.get(reading._key)
            if source is None or source.generation != reading._generation:
                return  # a later read of the same source took over
            if refs is None or reading.failed or not source.clean:
                source.clean = False
                source.refs = None
            else:
                source.refs = refs
                source.read_at = reading._started
                self._bound_refs(reading._key)
            self._forget(reading._key, source.wds - reading._wds)
            source.wds = set(reading._wds)

    def _bound_refs(self, keep: str) -> None:
        """Forget other sources' refs while all together exceed the bound (they are read
        again, under the watches they keep)."""
        held = sum(len(s.refs or ()) for s in self._sources.values())
        for key, source in self._sources.items():
            if held <= self._max_refs:
                return
            if key != keep and source.refs is not None:
                held -= len(source.refs)
                source.refs = None
                source.clean = False
        if held > self._max_refs:
            self._sources[keep].refs = None
            self._sources[keep].clean = False

    def _forget(self, key: str, wds: set[int]) -> None:
        for wd in wds:
            watched = self._watched.get(wd)
            if watched is None:
                continue
            watched.owners.discard(key)
            if not watched.owners:
                del self._watched[wd]  # before its IN_IGNORED arrives: nobody to mark
                if self._fd is not None:
                    _rm_watch(self._fd, wd)

    def _drain(self) -> None:
        """Read every pending event; a source any of them concerns is no longer clean."""
        if self._fd is None:
            return
        while True:
            try:
                data = os.read(self._fd, 1 << 16)
            except BlockingIOError:
                return
            offset = 0
            while offset < len(data):
                wd, mask, _cookie, size = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size : offset + _EVENT.size + size].rstrip(b"\0")
                offset += _EVENT.size + size
                self._event(wd, mask, os.fsdecode(name))

    def _event(self, wd: int, mask: int, name: str) -> None:
        if mask & _IN_Q_OVERFLOW:
            for source in self._sources.values():
                source.clean = False
            return
        watched = self._watched.get(wd)
        if watched is None:
            return
        if mask & _IN_IGNORED:
            del self._watched[wd]  # the kernel dropped it (its directory is gone)
        elif name and (
            name.endswith(".lock") or (watched.names is not None and name not in watched.names)
        ):
            return  # a lock taken (the ref changes when it is renamed over it), or no ref
        for key in watched.owners:
            owner = self._sources.get(key)
            if owner is not None:
                owner.clean = False


_libc: ctypes.CDLL | None = None


def _lib() -> ctypes.CDLL:
    global _libc
    if _libc is None:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        with contextlib.suppress(AttributeError):  # typed once: no conversion per call
            libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
            libc.inotify_add_watch.restype = ctypes.c_int
        _libc = libc
    return _libc


def _check(result: int) -> int:
    if result < 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    return result


def _inotify_init() -> int:
    try:
        init = _lib().inotify_init1
    except (AttributeError, OSError) as exc:
        raise OSError(errno.ENOSYS, "no inotify") from exc
    return _check(init(os.O_NONBLOCK | os.O_CLOEXEC))


def _add_watch(fd: int, path: str, mask: int) -> int:
    return _check(_lib().inotify_add_watch(fd, os.fsencode(path), mask))


def _rm_watch(fd: int, wd: int) -> None:
    _lib().inotify_rm_watch(fd, wd)  # fails only for a watch the kernel already dropped


def _local_filesystem(path: str) -> bool:
    """Whether ``path`` is on a filesystem whose every change this kernel makes."""
    buf = ctypes.create_string_buffer(256)  # struct statfs; f_type is its first word
    try:
        if _lib().statfs(os.fsencode(path), buf) != 0:
            return False
    except (AttributeError, OSError):
        return False
    return ctypes.c_ulong.from_buffer(buf).value & 0xFFFFFFFF in _LOCAL_FILESYSTEMS
