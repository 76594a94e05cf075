"""Pull requests through the forges' REST APIs: GitHub (and Enterprise), Gitea and GitLab.

Proposing a change for review (a params edit or a registry change pushed to a branch) means
opening a pull request on whichever forge hosts the repository. ``forge_for`` gives one
``Forge`` interface over the three APIs. The adapters only say where their endpoints are,
which auth header they take and how their JSON reads; sending, timeouts, paging through the
open pull requests and turning failures into ``ForgeError`` codes are shared in ``Forge``.
The token goes in a header only: it is never logged, and it is scrubbed from error messages
and left out of ``ForgeConfig``'s repr.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from storage.errors import DomainError

GITHUB, GITEA, GITLAB = "GITHUB", "GITEA", "GITLAB"
OPEN, CLOSED, MERGED = "OPEN", "CLOSED", "MERGED"

UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
NOT_FOUND = "NOT_FOUND"
DUPLICATE = "DUPLICATE"
INVALID = "INVALID"
UNREACHABLE = "UNREACHABLE"

TIMEOUT = httpx.Timeout(10.0)  # for the clients a forge makes itself
USER_AGENT = "gitstudio"
PAGE_SIZE = 50  # Gitea's default cap on items per page
MAX_PAGES = 20  # open pull requests looked through by find_open_pull_request

# Vets the host of an API root before a request (DomainError to refuse), in a worker thread.
CheckHost = Callable[[str], None]

_BY_STATUS = {401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND}
_API_PATHS = {GITHUB: "/api/v3", GITEA: "/api/v1", GITLAB: "/api/v4"}
_GITHUB_HOSTS = ("github.com", "www.github.com")
_GITLAB_STATES = {"opened": OPEN, "closed": CLOSED, "locked": CLOSED, "merged": MERGED}
_MESSAGE_KEYS = ("message", "error", "errors", "error_description")
_SCP = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>[^/].*)$")


@dataclass(frozen=True, slots=True)
class ForgeConfig:
    kind: str  # GITHUB | GITEA | GITLAB
    api_url: str  # e.g. https://api.github.com, https://gitlab.example.com/api/v4
    repository: str  # "owner/name", or GitLab's project path "group/sub/name"
    token: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class ForgePullRequest:
    number: int  # GitHub/Gitea "number", GitLab "iid"
    url: str  # the web page
    state: str  # OPEN | CLOSED | MERGED
    source: str  # head branch
    target: str  # base branch
    title: str


class ForgeError(Exception):
    """``code`` is one of the module's error codes; ``message`` never holds the token."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"ForgeError({self.code!r}, {self.message!r})"


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str  # after the API root, already percent-encoded
    params: dict[str, str] | None = None
    body: dict[str, str] | None = None


class Forge(ABC):
    """One repository on one forge. With no ``client`` each request gets its own client
    (closed after it) with ``TIMEOUT``; a given client is used as configured and not closed."""

    def __init__(self, config: ForgeConfig, client: httpx.AsyncClient | None = None) -> None:
        self.config = config
        self._client = client
        self._check: CheckHost | None = None  # set by forge_for
        self._root = config.api_url.rstrip("/")

    async def open_pull_request(
        self, source: str, target: str, title: str, body: str
    ) -> ForgePullRequest:
        return self._pull(await self._send(self._create_call(source, target, title, body)))

    async def get_pull_request(self, number: int) -> ForgePullRequest:
        return self._pull(await self._send(_Call("GET", self._item_path(number))))

    async def find_open_pull_request(self, source: str, target: str) -> ForgePullRequest | None:
        for page in range(1, MAX_PAGES + 1):
            items = await self._send(self._open_call(source, target, page))
            if not isinstance(items, list):
                raise self._unexpected("a list of pull requests")
            pulls = [self._pull(item) for item in items]
            found = [p for p in pulls if (p.source, p.target) == (source, target)]
            if found or len(items) < PAGE_SIZE:
                return found[0] if found else None
        return None

    @abstractmethod
    def _auth_headers(self) -> dict[str, str]: ...

    @abstractmethod
    def _create_call(self, source: str, target: str, title: str, body: str) -> _Call: ...

    @abstractmethod
    def _item_path(self, number: int) -> str: ...

    @abstractmethod
    def _open_call(self, source: str, target: str, page: int) -> _Call: ...

    @abstractmethod
    def _parse(self, item: Any) -> ForgePullRequest: ...

    def _pull(self, item: Any) -> ForgePullRequest:
        try:
            return self._parse(item)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise self._unexpected("a pull request") from None

    async def _send(self, call: _Call) -> Any:
        response = await self._exchange(call)
        if not response.is_success:
            raise self._failure(response)
        try:
            return response.json()
        except ValueError:
            raise self._unexpected("JSON") from None

    async def _exchange(self, call: _Call) -> httpx.Response:
        if self._check is not None:  # before every request: DNS answers change
            try:
                await asyncio.to_thread(self._check, self._root)
            except DomainError as exc:
                raise ForgeError(exc.code, exc.message) from None
        try:
            if self._client is not None:
                return await self._request(self._client, call)
            async with httpx.AsyncClient(timeout=TIMEOUT) as client:
                return await self._request(client, call)
        except httpx.HTTPError as exc:
            reason = self._redact(str(exc)) or type(exc).__name__
            raise ForgeError(UNREACHABLE, f"{self._where()} unreachable: {reason}") from None
        except httpx.InvalidURL:
            raise ForgeError(INVALID, f"{self._root!r} is not a usable API URL") from None

    async def _request(self, client: httpx.AsyncClient, call: _Call) -> httpx.Response:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        headers.update(self._auth_headers())
        url = self._root + call.path
        return await client.request(
            call.method, url, params=call.params, json=call.body, headers=headers
        )

    def _failure(self, response: httpx.Response) -> ForgeError:
        try:
            detail = "; ".join(_messages(response.json()))
        except ValueError:
            detail = ""
        detail = self._redact(detail) or f"HTTP {response.status_code} {response.reason_phrase}"
        return ForgeError(_code_for(response.status_code, detail), detail)

    def _unexpected(self, wanted: str) -> ForgeError:
        return ForgeError(UNREACHABLE, f"{self._where()} did not answer with {wanted}")

    def _where(self) -> str:
        return f"{self.config.kind} API at {urlsplit(self._root).netloc}"

    def _redact(self, text: str) -> str:
        token = self.config.token
        return text.replace(token, "***") if token else text


class GitHubForge(Forge):
    """GitHub's REST API (github.com or Enterprise's /api/v3)."""

    def __init__(self, config: ForgeConfig, client: httpx.AsyncClient | None = None) -> None:
        super().__init__(config, client)
        owner, _, name = config.repository.strip("/").partition("/")
        if not owner or not name or "/" in name:
            raise ForgeError(INVALID, f"repository {config.repository!r} is not owner/name")
        self._owner = owner
        self._repo = f"/repos/{quote(owner, safe='')}/{quote(name, safe='')}"

    def _auth_headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.config.token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        }

    def _create_call(self, source: str, target: str, title: str, body: str) -> _Call:
        fields = {"title": title, "head": source, "base": target, "body": body}
        return _Call("POST", f"{self._repo}/pulls", body=fields)

    def _item_path(self, number: int) -> str:
        return f"{self._repo}/pulls/{number}"

    def _open_call(self, source: str, target: str, page: int) -> _Call:
        params = {"state": "open", "head": f"{self._owner}:{source}", "base": target}
        params |= {"per_page": str(PAGE_SIZE), "page": str(page)}
        return _Call("GET", f"{self._repo}/pulls", params=params)

    def _parse(self, item: Any) -> ForgePullRequest:
        merged = bool(item.get("merged_at") or item.get("merged"))
        state = MERGED if merged else OPEN if item["state"] == "open" else CLOSED
        head, base = item["head"]["ref"], item["base"]["ref"]
        number, url, title = int(item["number"]), str(item["html_url"]), str(item["title"])
        return ForgePullRequest(number, url, state, str(head), str(base), title)


class GiteaForge(GitHubForge):
    """Gitea's /api/v1 has GitHub's shapes; its token header differs, and its list of pull
    requests has no head/base filter (``limit`` pages it), so the shared loop filters."""

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.config.token}"}

    def _open_call(self, source: str, target: str, page: int) -> _Call:
        params = {"state": "open", "limit": str(PAGE_SIZE), "page": str(page)}
        return _Call("GET", f"{self._repo}/pulls", params=params)


class GitLabForge(Forge):
    """GitLab's /api/v4 merge requests; the project is named by its URL-encoded path."""

    def __init__(self, config: ForgeConfig, client: httpx.AsyncClient | None = None) -> None:
        super().__init__(config, client)
        path = config.repository.strip("/")
        if "/" not in path:
            raise ForgeError(INVALID, f"repository {config.repository!r} is not a project path")
        self._project = f"/projects/{quote(path, safe='')}"

    def _auth_headers(self) -> dict[str, str]:
        return {"PRIVATE-TOKEN": self.config.token}

    def _create_call(self, source: str, target: str, title: str, body: str) -> _Call:
        fields = {
            "source_branch": source,
            "target_branch": target,
            "title": title,
            "description": body,
        }
        return _Call("POST", f"{self._project}/merge_requests", body=fields)

    def _item_path(self, number: int) -> str:
        return f"{self._project}/merge_requests/{number}"

    def _open_call(self, source: str, target: str, page: int) -> _Call:
        params = {"state": "opened", "source_branch": source, "target_branch": target}
        params |= {"per_page": str(PAGE_SIZE), "page": str(page)}
        return _Call("GET", f"{self._project}/merge_requests", params=params)

    def _parse(self, item: Any) -> ForgePullRequest:
        return ForgePullRequest(
            int(item["iid"]),
            str(item["web_url"]),
            _GITLAB_STATES[item["state"]],
            str(item["source_branch"]),
            str(item["target_branch"]),
            str(item["title"]),
        )


_FORGES: dict[str, type[Forge]] = {GITHUB: GitHubForge, GITEA: GiteaForge, GITLAB: GitLabForge}


def forge_for(
    config: ForgeConfig, client: httpx.AsyncClient | None = None, check: CheckHost | None = None
) -> Forge:
    """The forge of ``config``; ``check`` (the repository policy's host check) runs before
    each of its requests (None: tools and the forge contract tests, which talk to their
    own local server)."""
    forge = _FORGES.get(config.kind)
    if forge is None:
        raise ForgeError(INVALID, f"unknown forge kind {config.kind!r}")
    made = forge(config, client)
    made._check = check
    return made


def secure_api_url(url: str) -> bool:
    """https, or plain http to this machine (a forge on a loopback address): the token
    travels in a header and must not cross a network in the clear. Which hosts may be
    contacted at all is the repository policy's (sync.repo_policy.RepoPolicy.check_host)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    local = host == "localhost" or _loopback(host or "")
    return bool(host) and (parts.scheme == "https" or (parts.scheme == "http" and local))


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_api_url(kind: str, repo_url: str) -> str:
    """The API root for a repository URL: github.com's API host, else the forge's API path
    on the repository's host (https for SSH URLs; scheme and port kept for http(s) ones);
    "" when the URL names no host (a local path). An unknown kind is a ForgeError."""
    suffix = _API_PATHS.get(kind)
    if suffix is None:
        raise ForgeError(INVALID, f"unknown forge kind {kind!r}")
    origin, host, _ = _split_repo_url(repo_url)
    if not host:
        return ""
    if kind == GITHUB and host in _GITHUB_HOSTS:
        return "https://api.github.com"
    return origin + suffix


def repository_from_url(repo_url: str) -> str:
    """``owner/name`` or ``group/sub/name`` from a clone or web URL, ``.git`` stripped; ""
    when the URL names no host or fewer than two path segments."""
    _, host, path = _split_repo_url(repo_url)
    path = path.split("/-/", 1)[0].strip("/").removesuffix(".git").strip("/")
    if not host or "/" not in path or "" in path.split("/"):
        return ""
    return path


def _split_repo_url(repo_url: str) -> tuple[str, str, str]:
    """(API origin, host, path) of https://, ssh:// and scp-like (git@host:path) URLs;
    all "" for anything else."""
    url = repo_url.strip()
    if "://" in url:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        try:
            port = f":{parts.port}" if parts.port else ""
        except ValueError:
            port = ""
        web = parts.scheme in ("http", "https")
        origin = f"{parts.scheme}://{host}{port}" if web else f"https://{host}"
        path = parts.path
    elif match := _SCP.match(url):
        host, path = match["host"].lower(), match["path"]
        origin = f"https://{host}"
    else:
        return "", "", ""
    return (origin, host, path) if host else ("", "", "")


def _code_for(status: int, detail: str) -> str:
    if status in (409, 422) and "already exists" in detail.lower():
        return DUPLICATE
    if status >= 500 or status == 429:
        return UNREACHABLE
    return _BY_STATUS.get(status, INVALID)


def _messages(value: object) -> list[str]:
    """The human-readable messages in a forge's error body, whatever its shape: GitHub's
    {message, errors: [{message} | {resource, field, code}]}, Gitea's {message}, GitLab's
    {message: str | [str] | {field: [str]}} or {error}."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [m for item in value for m in _messages(item)]
    if isinstance(value, dict):
        return _dict_messages(value)
    return []


def _dict_messages(value: dict[Any, Any]) -> list[str]:
    known = [m for key in _MESSAGE_KEYS for m in _messages(value.get(key))]
    if known:
        return known
    if "code" in value:  # a GitHub error item without a message
        return [" ".join(str(value[k]) for k in ("resource", "field", "code") if k in value)]
    return [f"{key} {m}" for key, item in value.items() for m in _messages(item)]
