"""Metrics, params and plots files that DVC keeps in its cache (``cache: true`` outputs, not
in Git), read from the project's DVC remote through DVC's own filesystems.

A file a revision declares but Git does not hold is read from the remote when ``dvc.lock``
(or a ``.dvc`` file) lists it as an output with an md5: the object ``files/md5/xx/yyyy`` of
DVC 3's layout (``xx/yyyy`` of DVC 2's, tried next), or the file's entry of the ``.dir``
manifest of an output directory holding it. The remote is the revision's default remote
(``core.remote`` of its ``.dvc/config``; a committed ``config.local`` is not read), with
the settings ``configureRemote`` sealed for it merged over the repository's (storage.remotes). DVC's
``get_cloud_fs`` builds the filesystem, so every remote type DVC has a plugin for works
(local directories, S3 and S3-compatible servers with dvc-s3, http...).

For a project the repository policy governs (sync.repo_policy), every location the chosen
remote names (its URL, the remote it refers to, an endpoint, a path option), the caller's
settings included, passes ``RepoPolicy.check_storage`` before anything is contacted, and
the server never lends a repository its own cloud identity: from the filesystem arguments
DVC builds (remote:// chains merged), the options naming the server's profiles, credential
files, agents or commands are dropped, S3, GCS and Azure remotes without configured keys are
read anonymously, and schemes that would sign as the server anyway (ssh, hdfs, webhdfs,
gdrive) are not read.

What was read is checked against its md5 and kept on disk per project and md5
(``GITSTUDIO_REMOTE_CACHE_BYTES`` in all, least recently written first out), so each object
is fetched once. One read takes
at most ``GITSTUDIO_REMOTE_TIMEOUT_SECONDS`` (the connection's own timeouts, and a deadline
on the thread that reads); a remote found unreachable, refused or misconfigured is not
asked again by the same reader (one sync, one plot request), so a sync of many revisions
does not wait once per revision. Failures are :class:`RemoteFileError` with a message fit
for the row (DVC's own words, which can name paths and URLs, go to the log only).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import logging
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pygit2

from storage.errors import DomainError
from storage.remotes import ERROR_TYPE as ERROR_TYPE  # the type rows show
from sync.artifact_files import section_locations
from sync.repo_policy import RepoPolicy
from sync.tree import RevisionTree, join

log = logging.getLogger(__name__)

REMOTE_CACHE_DIR = "dvc-remote-cache"  # in the data directory: objects read, by project and md5
# The settings configureRemote takes (DVC's own option names): S3 and S3-compatible
# servers, and the user and password of http, WebDAV and SSH remotes.
SETTING_KEYS = frozenset(
    {
        "access_key_id",
        "secret_access_key",
        "session_token",
        "endpointurl",
        "region",
        "user",
        "password",
    }
)
# Only the committed configuration: DVC never commits config.local (it is the user's, and
# holds their keys), so one found in a repository is a leak, not a setting.
_CONFIGS = (".dvc/config",)
_SECTION = re.compile(r'^\s*remote\s+"(?P<name>[^"]*)"\s*$', re.IGNORECASE)
_MD5 = re.compile(r"^[0-9a-f]{32}(\.dir)?$")
_REFS_DEPTH = 5  # remote://other/... chains followed at most
_MANIFEST_ENTRIES = 100_000  # entries of a .dir manifest read at most
# Threads that read remotes, for every reader of the process: a read past its deadline
# keeps its thread until the connection's own timeouts end it.
_POOL = concurrent.futures.ThreadPoolExecutor(4, thread_name_prefix="dvc-remote")


class RemoteFileError(Exception):
    """A file kept in the DVC remote that could not be read; the message says why."""


@dataclass(slots=True)
class RemoteAccess:
    """How one project's cached outputs are read: the sealed settings opened (by remote
    name; ``""``: whichever remote is the default), the policy when it governs the project
    (None: the operator's own), the local repository's directory (a relative remote path is
    relative to its ``.dvc``), and the bounds. Picklable (a sync's child process gets it);
    what it learns (filesystems, broken remotes) stays in the process that learnt it."""

    cache_dir: str
    project: str = ""  # whose objects: each project keeps its own (see the disk cache)
    settings: dict[str, dict[str, str]] = field(default_factory=dict)
    policy: RepoPolicy | None = None
    repo_dir: str | None = None
    timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    cache_bytes: int = 256 * 1024 * 1024
    _broken: dict[str, str] = field(default_factory=dict)
    _filesystems: dict[str, tuple[Any, str]] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, Any]:
        state = {name: getattr(self, name) for name in self.__slots__}
        state["_broken"], state["_filesystems"] = {}, {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def read(self, tree: RevisionTree, root: str, outs: dict[str, Any], key: str) -> bytes | None:
        """The bytes of the file ``key`` (relative to the DVC root ``root``) if a cached
        output of ``outs`` (RevisionData.cached) holds it; None when none does (the file is
        simply missing). Raises RemoteFileError when it should be there and is not."""
        found = cached_output(outs, key)
        if found is None:
            return None
        out, digest = found
        size = outs[out].get("size")
        if digest.endswith(".dir"):
            listed = self.listing(tree, root, digest, out)
            if key == out:
                raise RemoteFileError(f"'{key}' is a directory kept in the DVC remote")
            if posixpath.relpath(key, out) not in listed:
                raise RemoteFileError(f"'{key}' is not in its output directory's DVC listing")
            digest, size = listed[posixpath.relpath(key, out)]
        if isinstance(size, int) and size > self.max_bytes:
            raise RemoteFileError(
                f"'{key}' is {size} bytes, over the {self.max_bytes} bytes files may have to be"
                " parsed (GITSTUDIO_MAX_PARSE_FILE_BYTES): not read from the DVC remote"
            )
        return self.object(tree, root, digest, key)

    def object(self, tree: RevisionTree, root: str, digest: str, key: str) -> bytes:
        """The verified bytes of the object ``digest``, from the disk cache or the remote."""
        kept = self._kept(digest)
        if kept is not None:
            return kept
        config = _read_config(tree, root)
        name = str(config.get("core", {}).get("remote") or "")
        memo = json.dumps([name, config.get("remote", {})], sort_keys=True)
        try:
            if memo in self._broken:
                raise _Broken(self._broken[memo])
            if memo not in self._filesystems:
                self._filesystems[memo] = self._build(config, name)
            data = self._fetch(*self._filesystems[memo], digest, key)
        except _Broken as exc:  # the remote, not this object: not asked again
            self._broken[memo] = str(exc)
            raise RemoteFileError(f"'{key}' is kept in the DVC remote: {exc}") from None
        self._keep(digest, data)
        return data

    # the remote --------------------------------------------------------------------

    def _build(self, config: dict[str, Any], name: str) -> tuple[Any, str]:
        cls, kwargs, base = self.fs_arguments(config, name)
        try:
            fs = cls(**kwargs)
            _bound(fs, self.timeout)
        except Exception as exc:  # dvc raises config errors and missing plugins alike
            raise _unusable(name, exc) from None
        return fs, base

    def fs_arguments(self, config: dict[str, Any], name: str) -> tuple[Any, dict[str, Any], str]:
        """(filesystem class, its arguments, base path) of the remote ``name`` of the DVC
        configuration ``config`` (as _read_config gives it), with the settings sealed for it
        merged in; for a governed project, checked and stripped of the server's identity.
        Raises _Broken when it cannot be used."""
        from dvc.fs import get_cloud_fs

        if not name:
            raise _Broken("the revision names no default DVC remote (core.remote)")
        remotes: dict[str, dict[str, Any]] = dict(config.get("remote", {}))
        if name.lower() not in remotes:
            raise _Broken(f"the revision's DVC remote '{name}' is not configured")
        remotes[name.lower()] = {**remotes[name.lower()], **self._settings_of(name)}
        self._check(remotes, name.lower())
        self._absolute(remotes)
        try:
            cls, kwargs, base = get_cloud_fs({"remote": remotes}, name=name)
        except Exception as exc:  # dvc raises config errors and missing plugins alike
            raise _unusable(name, exc) from None
        if self.policy is not None:  # on what DVC merged (remote:// chains included)
            kwargs = _without_ambient_identity(str(cls.protocol), kwargs)
        return cls, kwargs, base

    def _settings_of(self, name: str) -> dict[str, str]:
        return self.settings.get(name) or self.settings.get("") or {}

    def _check(self, remotes: dict[str, dict[str, Any]], name: str) -> None:
        """Every location the remote ``name`` names, and those of the remotes its URL
        refers to, must pass the policy (when it governs the project)."""
        if self.policy is None:
            return
        for _depth in range(_REFS_DEPTH):
            section = remotes.get(name)
            if section is None:
                raise _Broken(f"the DVC remote '{name}' is not configured")
            try:
                for location in section_locations(".dvc/config", f'remote "{name}"', section):
                    self.policy.check_storage(location)
            except DomainError as exc:
                raise _Broken(f"the server may not read it: {exc.message}") from None
            url = str(section.get("url", ""))
            if not url.lower().startswith("remote://"):
                return
            name = url[len("remote://") :].split("/", 1)[0].lower()
        raise _Broken("its remote:// references go too deep")

    def _absolute(self, remotes: dict[str, dict[str, Any]]) -> None:
        """A local remote's relative path is relative to the ``.dvc`` directory of the
        repository, which only a repository on this machine has."""
        for section in remotes.values():
            url = str(section.get("url", ""))
            if "://" in url or url.startswith("/") or not url:
                continue
            if self.repo_dir is None:
                raise _Broken("a DVC remote with a relative path is not readable here")
            section["url"] = os.path.normpath(os.path.join(self.repo_dir, ".dvc", url))

    def _fetch(self, fs: Any, base: str, digest: str, key: str) -> bytes:
        paths = [
            fs.join(base, "files", "md5", digest[:2], digest[2:]),  # DVC 3
            fs.join(base, digest[:2], digest[2:]),  # DVC 2
        ]
        future = _POOL.submit(_first_of, fs, paths, self.max_bytes)
        try:
            data = future.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            raise _Broken(
                f"it did not answer within {self.timeout:g} s (GITSTUDIO_REMOTE_TIMEOUT_SECONDS)"
            ) from None
        except FileNotFoundError:
            raise RemoteFileError(
                f"'{key}' is kept in the DVC remote, which does not hold it (md5 {digest});"
                " was it pushed (dvc push)?"
            ) from None
        except _TooLarge:
            raise RemoteFileError(
                f"'{key}' is larger than {self.max_bytes} bytes"
                " (GITSTUDIO_MAX_PARSE_FILE_BYTES): not read from the DVC remote"
            ) from None
        except Exception as exc:  # the remote's client raises what it raises
            log.info("reading %s from a DVC remote: %s: %s", key, type(exc).__name__, exc)
            raise _Broken(_why(exc)) from None
        if not _matches(data, digest):
            raise RemoteFileError(
                f"'{key}' read from the DVC remote does not match its md5 {digest} in DVC's files"
            )
        return data

    def listing(
        self, tree: RevisionTree, root: str, digest: str, key: str
    ) -> dict[str, tuple[str, int | None]]:
        """{path inside the directory: (md5, size)} of the output directory ``key`` whose
        listing (DVC's ``.dir`` manifest) is the object ``digest``."""
        try:
            entries = json.loads(self.object(tree, root, digest, key))
        except ValueError:
            raise RemoteFileError(f"the DVC listing of '{key}' is not valid") from None
        found: dict[str, tuple[str, int | None]] = {}
        for entry in entries[:_MANIFEST_ENTRIES] if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            relpath, md5, size = entry.get("relpath"), str(entry.get("md5", "")), entry.get("size")
            inside = isinstance(relpath, str) and not relpath.startswith(("/", "../"))
            if inside and _MD5.match(md5) and not md5.endswith(".dir"):
                found[posixpath.normpath(str(relpath))] = (
                    md5,
                    size if isinstance(size, int) else None,
                )
        return found

    # the disk cache ----------------------------------------------------------------

    def _path(self, digest: str) -> Path:
        """Per project: an md5 is no proof of content (collisions can be made), so one
        project's objects never answer another's."""
        return Path(self.cache_dir) / (self.project or "_") / digest[:2] / digest[2:]

    def _kept(self, digest: str) -> bytes | None:
        try:
            data = self._path(digest).read_bytes()
        except OSError:
            return None
        return data if _matches(data, digest) else None

    def _keep(self, digest: str, data: bytes) -> None:
        if len(data) > self.cache_bytes:
            return
        path = self._path(digest)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, path)
            _evict(Path(self.cache_dir), self.cache_bytes)
        except OSError as exc:  # a cache that cannot be written is only slower
            log.warning("cannot keep a DVC remote object on disk: %s", exc)


class _TooLarge(Exception):
    pass


class _Broken(Exception):
    """The remote itself cannot be read (configuration, policy, credentials, network)."""


def cached_output(outs: dict[str, Any], key: str) -> tuple[str, str] | None:
    """(output path, md5) of the cached output that is ``key`` or the directory holding it."""
    path = key
    while path:
        out = outs.get(path)
        if isinstance(out, dict):
            digest = str(out.get("hash") or "")
            if _MD5.match(digest) and (path == key or digest.endswith(".dir")):
                return path, digest
        parent = posixpath.dirname(path)
        if parent == path:  # "/" (a path no output has): the top
            return None
        path = parent
    return None


def _first_of(fs: Any, paths: list[str], max_bytes: int) -> bytes:
    for path in paths[:-1]:
        try:
            return _read_bounded(fs, path, max_bytes)
        except FileNotFoundError:
            continue
    return _read_bounded(fs, paths[-1], max_bytes)


def _read_bounded(fs: Any, path: str, max_bytes: int) -> bytes:
    with fs.open(path, mode="rb") as stream:
        data: bytes = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooLarge
    return data


def _matches(data: bytes, digest: str) -> bool:
    """DVC 3 hashes the bytes; DVC 2 hashed text files with CRLF made LF."""
    md5 = digest.removesuffix(".dir")
    if hashlib.md5(data, usedforsecurity=False).hexdigest() == md5:
        return True
    return hashlib.md5(data.replace(b"\r\n", b"\n"), usedforsecurity=False).hexdigest() == md5


def _why(exc: BaseException) -> str:
    """What the row says of a failed read (the exception's own words stay in the log)."""
    text = f"{type(exc).__name__} {exc}".lower()
    if isinstance(exc, PermissionError) or any(
        word in text
        for word in ("accessdenied", "access denied", "forbidden", "invalidaccesskeyid",
                     "signaturedoesnotmatch", "credential", "unauthorized", "403", "401")
    ):  # fmt: skip
        return "it refused the credentials (configureRemote sets them)"
    if isinstance(exc, TimeoutError) or "timeout" in text or "timed out" in text:
        return "it did not answer in time (GITSTUDIO_REMOTE_TIMEOUT_SECONDS)"
    return f"it could not be read ({type(exc).__name__})"


# Options by which a filesystem would use what the server holds (its files, agents,
# tickets, commands) rather than what was configured for the remote: dropped, for every
# scheme, from a governed project's remote.
_AMBIENT_OPTIONS = frozenset(
    {
        "profile",  # s3, gdrive: the server's named profiles
        "credentialpath",  # s3, gs: a credentials file of the server's
        "configpath",  # s3: the server's AWS config file
        "keyfile",  # ssh
        "allow_agent",  # ssh
        "gss_auth",  # ssh
        "kerb_ticket",  # hdfs
        "kerberos",  # webhdfs
        "kerberos_principal",  # webhdfs
        "bearer_token_command",  # webdav: a command the server would run
        "cert_path",  # webdav: a client certificate of the server's
        "key_path",  # webdav
        "gdrive_use_service_account",
        "gdrive_user_credentials_file",
        "gdrive_service_account_json_file_path",
        "gdrive_service_account_user_email",
    }
)
# Schemes whose client, given no keys, would present the server's own identity (default
# SSH keys, a Kerberos ticket, a Google account): not read for a governed project.
_AMBIENT_SCHEMES = frozenset({"ssh", "hdfs", "webhdfs", "gdrive"})
# The configured keys that let an S3 or Azure client sign as the remote's own account;
# without them it reads anonymously (never the server's environment, files or instance role).
_S3_KEYS = ("access_key_id", "secret_access_key")
_AZURE_KEYS = ("connection_string", "sas_token", "account_key")
_AZURE_APP = ("tenant_id", "client_id", "client_secret")  # a service principal: all three


def _without_ambient_identity(protocol: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The final arguments of a governed repository's filesystem (``protocol``: DVC's name
    of its scheme) without the server's own cloud identity: only the keys configured for
    the remote (configureRemote, or the repository's own configuration) sign its reads."""
    if protocol in _AMBIENT_SCHEMES:
        raise _Broken(f"the server does not read {protocol} DVC remotes for this project")
    chosen = {k: v for k, v in kwargs.items() if str(k).lower() not in _AMBIENT_OPTIONS}
    if protocol == "s3" and not all(chosen.get(key) for key in _S3_KEYS):
        chosen["allow_anonymous_login"] = True
        for key in (*_S3_KEYS, "session_token"):
            chosen.pop(key, None)
    keyless = protocol == "gs" or (  # configureRemote takes no Google keys
        protocol == "azure"
        and not any(chosen.get(key) for key in _AZURE_KEYS)
        and not all(chosen.get(key) for key in _AZURE_APP)
    )
    if keyless:
        chosen["allow_anonymous_login"] = True
    return chosen


def _unusable(name: str, exc: Exception) -> _Broken:
    log.info("DVC remote %r cannot be used: %s: %s", name, type(exc).__name__, exc)
    return _Broken(
        f"the DVC remote '{name}' cannot be used ({type(exc).__name__}): its"
        " configuration is not valid, or this server has no DVC plugin for it"
    )


def _bound(fs: Any, timeout: float) -> None:
    """The connection timeouts of an S3 client (the other clients keep theirs: the read's
    deadline bounds them all)."""
    args = getattr(fs, "fs_args", None)
    if getattr(fs, "protocol", None) == "s3" and isinstance(args, dict):
        config = args.setdefault("config_kwargs", {})
        config["connect_timeout"] = config.get("connect_timeout") or timeout
        config["read_timeout"] = config.get("read_timeout") or timeout
        config["retries"] = {"max_attempts": 2, "mode": "standard"}
        fs.fs.retries = 1


def _read_config(tree: RevisionTree, root: str) -> dict[str, Any]:
    """``{"core": {...}, "remote": {name: {...}}}`` of the revision's DVC configuration,
    a configuration that cannot be read names nothing."""
    from configobj import ConfigObj, ConfigObjError  # type: ignore[import-untyped]

    core: dict[str, Any] = {}
    remotes: dict[str, dict[str, Any]] = {}
    for name in _CONFIGS:
        found = tree.read(join(root, name))
        if found is None:
            continue
        try:
            config = ConfigObj(found[1].decode("utf-8").splitlines(), interpolation=False)
        except (ConfigObjError, UnicodeDecodeError, SyntaxError) as exc:
            raise RemoteFileError(f"{name} cannot be read: {type(exc).__name__}") from None
        for section_name, section in config.items():
            if not isinstance(section, dict):
                continue
            if str(section_name).strip().lower() == "core":
                core.update({str(k).lower(): v for k, v in section.items()})
            elif matched := _SECTION.match(str(section_name)):
                values = {str(k).lower(): v for k, v in section.items()}
                remotes.setdefault(matched["name"].lower(), {}).update(values)
    return {"core": core, "remote": remotes}


_EVICT_SLACK = 0.9  # evicting down to this share of the bound leaves room for a few writes


def _evict(directory: Path, bound: int) -> None:
    """Delete the least recently written objects (of every project) until the cache holds
    at most ``bound``."""
    files: list[tuple[float, int, Path]] = []
    for sub in (
        s for project in directory.iterdir() if project.is_dir() for s in project.iterdir()
    ):
        if not sub.is_dir():
            continue
        for entry in os.scandir(sub):
            if entry.is_file() and not entry.name.startswith(".part-"):
                stat = entry.stat()
                files.append((stat.st_mtime, stat.st_size, Path(entry.path)))
    total = sum(size for _, size, _ in files)
    if total <= bound:
        return
    for _, size, path in sorted(files):
        path.unlink(missing_ok=True)
        total -= size
        if total <= bound * _EVICT_SLACK:
            return


def declared_remotes(mirror: Path, branch: str | None, root: str) -> tuple[str, dict[str, str]]:
    """(default remote's name, {remote name: URL shown (_shown_url)}) of the DVC
    configuration at the head of ``branch`` (None: the mirror's HEAD); nothing when the
    mirror, the branch or a readable configuration is missing."""
    from sync.git import open_mirror
    from sync.tree import GitTree

    try:
        repo = open_mirror(mirror)
        ref = repo.references.get(f"refs/heads/{branch}") if branch else repo.head
        commit = ref.peel(pygit2.Commit) if ref is not None else None
    except (pygit2.GitError, KeyError, ValueError, OSError):
        return "", {}
    if commit is None:
        return "", {}
    try:
        config = _read_config(GitTree(repo, commit.tree), root)
    except RemoteFileError:
        return "", {}
    urls = {
        name: _shown_url(str(section.get("url", ""))) for name, section in config["remote"].items()
    }
    return str(config["core"].get("remote") or "").lower(), urls


def _shown_url(url: str) -> str:
    """What every reader of a project may see of a remote's URL: scheme, host, port and
    path; never the user, password, query (signatures, SAS tokens, X-Amz-Credential) or
    fragment."""
    if "://" not in url:  # a local path
        return url.split("?", 1)[0].split("#", 1)[0]
    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port is not None else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"
