"""Which repositories the server may read: the repository access policy.

Two gates, both here:

* ``check_shape`` - for every caller, the operator's CLI included: a repository URL that
  cannot be one (NUL or other control characters, over the length bound, ``~user/...``,
  a leading ``-`` that git would read as an option) is refused before anything is stored.
* ``RepoPolicy`` - for API callers (GraphQL ``createProject``, Studio's
  ``POST /api/create-project``, through ``ProjectSyncer.create_for_api``):

  - a local path or ``file://`` URL only when its real path (symlinks resolved) is the root
    of a repository (opened with ``NO_SEARCH``: parent directories are never searched), lies
    inside one of ``GITSTUDIO_LOCAL_REPO_ROOTS`` and not inside the data directory (mirrors,
    the demo repository); paths under ``/proc`` and ``~user`` are not honoured. The real
    path is what is stored, so a symlink changed later cannot redirect the project.
  - a network remote only over ``https``, ``ssh`` (``ssh://`` or ``git@host:org/repo``) or
    ``git`` (``http`` with ``GITSTUDIO_ALLOW_HTTP_REMOTES``), to a host whose every address
    is public, unless the host (or host:port) is listed in ``GITSTUDIO_ALLOWED_GIT_HOSTS``.
    ``check_contact`` repeats this check before every fetch and push of a network remote.

DNS rebinding: the host is resolved once per contact and every address it resolves to is
checked. libgit2 resolves the name again when it connects, so a resolver that answers
differently within those milliseconds could still steer a connection to a refused address;
closing that window needs the network's help (an egress firewall or proxy). Outgoing
webhooks close it themselves: ``check_webhook`` returns the addresses it vetted
(``vetted_addresses``) and a delivery connects to one of them (gitstudio/outgoing.py).
HTTP redirects to another host, the other way to steer a fetch elsewhere, are not followed
(sync.git).

Refusals are DomainErrors: ``INVALID_URL`` (cannot be a repository URL) and
``FORBIDDEN_REPOSITORY`` (a URL the policy refuses), whose message names the setting that
would allow it. Messages repeat the URL as given, never a resolved path or address.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pygit2
from pygit2.enums import RepositoryOpenFlag

from storage.errors import DomainError, has_control, redact
from sync.git import unreachable

INVALID_URL = "INVALID_URL"
FORBIDDEN = "FORBIDDEN_REPOSITORY"
FIELD = "repoUrl"
ROOTS_SETTING = "GITSTUDIO_LOCAL_REPO_ROOTS"
HOSTS_SETTING = "GITSTUDIO_ALLOWED_GIT_HOSTS"
HTTP_SETTING = "GITSTUDIO_ALLOW_HTTP_REMOTES"

DEFAULT_PORTS = {"https": 443, "http": 80, "ssh": 22, "git": 9418}
_SCP = re.compile(r"^(?:[^@/]+@)?(?P<host>\[[0-9A-Fa-f:.]+\]|[^:/\[\]@]+):(?P<path>(?!//).*)$")
_HOST = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?\.?$")  # may end in "."


def invalid(url: str, why: str) -> DomainError:
    return DomainError(INVALID_URL, f"{_shown(url)} is not a repository URL: {why}", FIELD)


def forbidden(url: str, why: str) -> DomainError:
    return DomainError(FORBIDDEN, f"{_shown(url)} is refused: {why}", FIELD)


def _shown(url: str) -> str:
    """The URL as given, safe to echo: credentials dropped, controls escaped, shortened."""
    text = redact(url)
    text = "".join(f"\\x{ord(c):02x}" if has_control(c, c1=True) else c for c in text)
    return repr(text if len(text) <= 200 else text[:200] + "...")


def check_shape(url: str, max_bytes: int) -> str:
    """``url`` stripped of surrounding blanks, or INVALID_URL when it cannot be a
    repository URL at all (for every caller, before anything is stored)."""
    if len(url) > max_bytes or len(url.encode("utf-8", "surrogatepass")) > max_bytes:
        raise DomainError(INVALID_URL, f"repoUrl is longer than {max_bytes} bytes", FIELD)
    url = url.strip()
    if not url:
        raise DomainError("INVALID", "repoUrl must not be empty", FIELD)
    if has_control(url, c1=True):
        raise invalid(url, "it contains control characters")
    if url.startswith("~"):
        raise invalid(url, "'~' is not expanded; give an absolute path")
    if url.startswith("-"):
        raise invalid(url, "it starts with '-'")
    return url


def operator_url(url: str) -> str:
    """A repository as the operator's CLI names it: a local path with ``~`` expanded and
    made absolute (the server must not depend on its working directory); URLs as given.
    A ``~user`` that does not exist stays, for check_shape to refuse."""
    url = url.strip()
    if not url or is_network(url) or url.lower().startswith("file:"):
        return url
    expanded = os.path.expanduser(url)
    return expanded if expanded.startswith("~") else os.path.abspath(expanded)


def is_network(url: str) -> bool:
    """Whether ``url`` (already shape-checked) names a remote reached over the network."""
    if url.startswith("/") or url.lower().startswith("file:"):
        return False
    return "://" in url or bool(_SCP.match(url))


@dataclass(frozen=True, slots=True)
class RepoPolicy:
    """What API callers may name as a project's repository (see the module docstring)."""

    local_roots: tuple[Path, ...] = ()
    data_dir: Path | None = None
    allowed_hosts: frozenset[str] = frozenset()
    allow_http: bool = False
    max_url_bytes: int = 2048  # check_shape's bound, for every caller

    @classmethod
    def build(
        cls,
        local_roots: Iterable[Path],
        data_dir: Path | None,
        allowed_hosts: Iterable[str],
        allow_http: bool,
        max_url_bytes: int = 2048,
    ) -> RepoPolicy:
        """A policy with its directories resolved once (roots given through a symlink
        still match the real paths they are compared with)."""
        roots = tuple(Path(os.path.realpath(r)) for r in local_roots if str(r).strip())
        data = Path(os.path.realpath(data_dir)) if data_dir is not None else None
        hosts = frozenset(h.strip().lower() for h in allowed_hosts if h.strip())
        return cls(roots, data, hosts, allow_http, max_url_bytes)

    def admit(self, url: str) -> str:
        """The URL to store for ``url`` (shape-checked) if an API caller may add it:
        a local repository's real root path, or the network URL unchanged."""
        lowered = url.lower()
        if lowered.startswith("file:"):
            return self._admit_local(url, _file_path(url))
        if "://" in url:
            self.check_contact(url)
            return url
        if url.startswith("/"):
            return self._admit_local(url, url)
        match = _SCP.match(url)
        if match is None:
            raise invalid(url, "give an absolute path, a file:// URL or a network URL")
        if "@" not in url.split(":", 1)[0] and "." not in match["host"]:
            # "word:rest" reads as a scheme (javascript:, ext::, fd::), not as ssh to a
            # host named "word"; an scp-like address names its user or a dotted host.
            raise forbidden(url, "only https, ssh (user@host:path) and git remotes are allowed")
        self.check_contact(url)
        return url

    def _check_scheme(self, url: str, scheme: str) -> None:
        if scheme == "http" and not self.allow_http:
            raise forbidden(url, f"plain http is not allowed (set {HTTP_SETTING}=1 to allow it)")
        if scheme not in DEFAULT_PORTS:
            raise forbidden(url, "only https, ssh and git remotes are allowed")

    def check_contact(self, url: str) -> None:
        """Before any contact with a network remote: its scheme must be allowed and its host
        pass :meth:`check_host`. Blocking (DNS): call it from a worker thread."""
        self._check_scheme(url, _host_port(url)[0])
        self.check_host(url)

    def check_host(self, url: str) -> None:
        """The host of ``url`` must be allowed, or resolve only to public addresses (any
        scheme: a forge's API URL, whose scheme is vetted by its own rule). Blocking (DNS):
        call it from a worker thread."""
        _scheme, host, port = _host_port(url)
        if not self._host_allowed(host, port):
            self.vetted_addresses(url)

    def vetted_addresses(self, url: str) -> tuple[str, ...]:
        """The addresses to connect to for ``url``, resolved once and each checked as
        :meth:`check_host` says (a host listed in GITSTUDIO_ALLOWED_GIT_HOSTS: whatever it
        resolves to). A caller that connects to one of these, not to the name, is safe from
        a resolver that answers differently the next time (DNS rebinding). Never empty.
        Blocking (DNS): call it from a worker thread."""
        _scheme, host, port = _host_port(url)
        allowed = self._host_allowed(host, port)
        name = host.rstrip(".")
        if not allowed and (name == "localhost" or name.endswith(".localhost")):
            raise forbidden(url, f"{host} is this machine (list it in {HOSTS_SETTING} to allow it)")
        if _ip(host) is not None:
            if not (allowed or _public(host)):
                # An address literal (a zone id too) is judged as written, without resolving.
                raise forbidden(url, f"{host} is not a public address (list it in {HOSTS_SETTING})")
            return (host,)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            # The same words as a failed connection: resolving proves nothing either way.
            raise DomainError("UNREACHABLE", unreachable(url), FIELD) from None
        addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:  # fail closed: nothing vetted, nothing to connect to
            raise DomainError("UNREACHABLE", unreachable(url), FIELD)
        if not allowed and not all(_public(address) for address in addresses):
            raise forbidden(
                url,
                f"{host} resolves to a loopback, private, link-local, multicast, reserved"
                f" or unspecified address (list it in {HOSTS_SETTING} to allow it)",
            )
        return addresses

    def check_webhook(self, url: str) -> tuple[str, ...]:
        """Before an outgoing webhook (gitstudio/outgoing.py) is stored and before each of
        its deliveries: an ``https`` URL (``http`` with GITSTUDIO_ALLOW_HTTP_REMOTES, or to a
        host listed in GITSTUDIO_ALLOWED_GIT_HOSTS), without credentials or a fragment, to a
        host that passes :meth:`check_host`. Returns :meth:`vetted_addresses`, the only
        addresses a delivery connects to. Redirects are never followed. Blocking (DNS):
        call it from a worker thread."""
        try:
            parts = urlsplit(url)
        except ValueError:
            raise invalid(url, "it cannot be read as a URL") from None
        scheme = parts.scheme.lower()
        if scheme not in ("https", "http") or "://" not in url:
            raise forbidden(url, "only https (or allowed http) webhook URLs are accepted")
        if "@" in parts.netloc:
            raise invalid(url, "credentials in a webhook URL are not accepted; use the secret")
        if parts.fragment or "#" in url:
            raise invalid(url, "a webhook URL has no fragment")
        _scheme, host, port = _host_port(url)
        if scheme == "http" and not (self.allow_http or self._host_allowed(host, port)):
            raise forbidden(
                url,
                f"plain http is allowed only to hosts listed in {HOSTS_SETTING}"
                f" (or with {HTTP_SETTING}=1)",
            )
        return self.vetted_addresses(url)

    def _host_allowed(self, host: str, port: int) -> bool:
        host = host.rstrip(".")
        bracketed = f"[{host}]" if ":" in host else host
        return bool({host, bracketed, f"{bracketed}:{port}"} & self.allowed_hosts)

    def _admit_local(self, url: str, path: str) -> str:
        if not path.startswith("/"):
            raise invalid(url, "a local path must be absolute")
        normal = os.path.normpath(path)
        if normal == "/proc" or normal.startswith("/proc/"):
            raise forbidden(url, "paths under /proc are not honoured")
        if not self.local_roots:
            raise forbidden(
                url, f"local repositories are not allowed through the API (set {ROOTS_SETTING})"
            )
        real = os.path.realpath(path)
        self._check_inside(url, real)
        not_root = forbidden(
            url, "it is not the root of a Git repository (parent directories are not searched)"
        )
        try:
            repo = pygit2.Repository(real, RepositoryOpenFlag.NO_SEARCH)
        except (pygit2.GitError, OSError, ValueError):
            raise not_root from None
        # A .git file, or a worktree's commondir, may point anywhere: the repository's own
        # files must obey the policy too.
        gitdir = os.path.realpath(repo.path)
        self._check_inside(url, gitdir)
        common = Path(gitdir) / "commondir"
        objects_of = [gitdir]  # a linked worktree's objects are its common directory's
        if common.is_file():
            target = common.read_text(errors="replace").strip()
            objects_of.append(os.path.realpath(os.path.join(gitdir, target)))
            self._check_inside(url, objects_of[-1])
        root = os.path.realpath(repo.workdir) if repo.workdir else gitdir
        if real != root:  # e.g. the .git directory of a work tree
            raise not_root
        # Borrowed objects (objects/info/alternates) are read as the repository's own.
        for borrowed in (b for d in objects_of for b in _alternates(Path(d))):
            self._check_inside(url, borrowed)
        return root

    def governs(self, url: str) -> bool:
        """Whether ``url`` (a stored project URL) is held to the policy after creation: a
        network remote, or a local path inside a root (what the API adds). A local path
        outside every root, or inside the data directory (the demo), can only come from the
        operator's CLI, which may add any path: the API never stores one."""
        if is_network(url):
            return True
        path = _local_path(url)
        normal = os.path.normpath(path)
        if self.data_dir is not None and _within(normal, self.data_dir):
            return False
        return any(_within(normal, root) for root in self.local_roots)

    def check_source(self, url: str) -> None:
        """Before each mirror of a governed local repository: it must still be what was
        admitted (a directory swapped for a symlink, or alternates added since, must not
        redirect the project). Blocking (file system): call it from a worker thread."""
        if is_network(url) or not self.governs(url):
            return
        path = _local_path(url)
        if not os.path.lexists(path):
            return  # gone: the fetch fails as UNREACHABLE, as for a vanished remote
        if self._admit_local(url, path) != os.path.normpath(path):
            raise forbidden(url, "it no longer resolves to the repository that was added")

    def check_storage(self, location: str) -> None:
        """Before the server reads a DVC remote (or cache directory) that a governed
        project's repository names in ``.dvc/config``: a network location must pass
        :meth:`check_contact` (an http or WebDAV one must also be listed in
        ``GITSTUDIO_ALLOWED_GIT_HOSTS``: DVC follows redirects), a local one must lie inside
        a root and not in the data directory; cloud buckets (s3, gs, azure) pass, their
        endpoint options are checked as locations themselves. Blocking (DNS, file system):
        call it from a worker thread."""
        if has_control(location, c1=True):
            raise invalid(location, "it contains control characters")
        scheme = location.split("://", 1)[0].lower() if "://" in location else ""
        if scheme in ("", "file"):
            path = _file_path(location) if scheme else location
            if not path.startswith("/"):
                raise forbidden(location, "a DVC remote's local path must be absolute")
            normal = os.path.normpath(path)
            if normal == "/proc" or normal.startswith("/proc/"):
                raise forbidden(location, "paths under /proc are not honoured")
            self._check_inside(location, os.path.realpath(path))
        elif scheme in _WEB_SCHEMES:
            url = _WEB_SCHEMES[scheme] + location[len(scheme) :]
            if scheme in _REDIRECTED:
                _scheme, host, port = _host_port(url)
                if not self._host_allowed(host, port):
                    raise forbidden(
                        location,
                        f"DVC follows HTTP redirects from {scheme} remotes, so a public host"
                        f" could send it anywhere: list {host} in {HOSTS_SETTING} to read it",
                    )
            self.check_contact(url)
        elif scheme not in _BUCKET_SCHEMES and scheme != "remote":  # remote://: another remote
            raise forbidden(location, f"DVC remotes over {scheme} are not read")

    def _check_inside(self, url: str, real: str) -> None:
        if not any(_within(real, root) for root in self.local_roots):
            raise forbidden(url, f"it is not inside a directory listed in {ROOTS_SETTING}")
        if self.data_dir is not None and _within(real, self.data_dir):
            raise forbidden(url, "it is inside gitstudio's data directory, which is never served")


# DVC remote schemes: web ones reach a host (checked as the Git remotes are), bucket ones
# reach their provider's service (an endpoint option naming another host is checked).
_WEB_SCHEMES = {
    "http": "http",
    "https": "https",
    "ssh": "ssh",
    "webdav": "http",
    "webdavs": "https",
}
_BUCKET_SCHEMES = frozenset({"s3", "gs", "gcs", "azure", "az"})
# DVC's HTTP and WebDAV clients follow redirects (aiohttp, httpx as webdav4 sets it up) and
# the server cannot turn that off from outside DVC, so the first host proves nothing: these
# are read only from hosts the operator listed.
_REDIRECTED = frozenset({"http", "https", "webdav", "webdavs"})


_ALTERNATES_DEPTH = 5  # how deep libgit2 follows alternates of alternates


def _alternates(gitdir: Path) -> list[str]:
    """The real paths of the object directories a repository borrows from, and those
    these borrow from in turn, as deep as libgit2 follows them."""
    found: list[str] = []
    level = [gitdir / "objects"]
    for _depth in range(_ALTERNATES_DEPTH + 1):
        following: list[Path] = []
        for objects in level:
            try:
                lines = (objects / "info" / "alternates").read_text(errors="replace")
            except OSError:
                continue
            for line in lines.splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                real = os.path.realpath(objects / line.strip())
                if real not in found:
                    found.append(real)
                    following.append(Path(real))
        level = following
    return found


def _local_path(url: str) -> str:
    """The path of a stored local project URL (a path, or a file:// URL)."""
    return _file_path(url) if url.lower().startswith("file:") else url


def _within(path: str, root: Path) -> bool:
    return path == str(root) or path.startswith(str(root).rstrip("/") + "/")


def _file_path(url: str) -> str:
    parts = urlsplit(url)
    if not url.lower().startswith("file://"):
        raise invalid(url, "a file URL is file:///absolute/path")
    if parts.netloc not in ("", "localhost") or parts.query or parts.fragment:
        raise invalid(url, "a file URL is file:///absolute/path, without host or query")
    path = unquote(parts.path)
    if has_control(path, c1=True):
        raise invalid(url, "it contains control characters")
    return path


def _host_port(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a network URL; INVALID_URL when it has no usable host."""
    if "://" in url:
        scheme = url.split("://", 1)[0].lower()
        try:
            parts = urlsplit(url)
            host = parts.hostname or ""
            port = parts.port
        except ValueError:
            raise invalid(url, "its host or port cannot be read") from None
        if parts.netloc.count("@") > 1 or "\\" in parts.netloc:
            # Parsers disagree on which "@" ends the user part: libgit2 must see our host.
            raise invalid(url, "its host part is ambiguous")
    else:
        match = _SCP.match(url)
        if match is None:
            raise invalid(url, "give an absolute path, a file:// URL or a network URL")
        scheme, host, port = "ssh", match["host"].strip("[]").lower(), None
    if not host or not (_HOST.match(host) or _ip(host) is not None):
        raise invalid(url, "it has no valid host")
    return scheme, host, port if port is not None else DEFAULT_PORTS.get(scheme, 0)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def _public(address: str) -> bool:
    ip = _ip(address)
    if ip is None:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_reserved
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_private
        or ip.is_unspecified
    )
