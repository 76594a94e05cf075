"""Repository URL matching: the many spellings of one repository reduced to one key.

``https://host/org/repo.git``, ``git@host:org/repo``, ``ssh://git@host/org/repo`` and
``http://user:pw@host/org/repo/`` all name the same repository; local paths compare by their
resolved absolute path.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

_SCP = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>[^/].*)$")


def repo_key(url: str) -> str:
    url = url.strip()
    if url.startswith("file://"):
        return _local(url[len("file://") :])
    if "://" in url:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        return _join(host, parts.path)
    match = _SCP.match(url)
    if match and not Path(url).exists():
        return _join(match["host"].lower(), match["path"])
    return _local(url)


def _join(host: str, path: str) -> str:
    path = path.strip("/").removesuffix(".git").strip("/")
    return f"{host}/{path}".lower()


def _local(path: str) -> str:
    """``~`` is not expanded (stored URLs never hold one); a path that cannot be one (a NUL)
    keys to itself and so matches nothing else, instead of raising for every caller."""
    try:
        resolved = str(Path(path).resolve())
    except (ValueError, OSError, RuntimeError):
        return "invalid:" + path
    return "local:" + resolved.rstrip("/").removesuffix("/.git").removesuffix(".git")
