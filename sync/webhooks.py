"""Forge push webhooks: signature checks and the repository URLs a delivery names."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any


def github_signature_ok(secret: str, body: bytes, header: str | None) -> bool:
    """``X-Hub-Signature-256: sha256=<hex hmac of the raw body>``; no secret, no trust."""
    if not secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header[len("sha256=") :])


def gitlab_token_ok(secret: str, header: str | None) -> bool:
    """GitLab sends the configured secret verbatim in ``X-Gitlab-Token``."""
    return bool(secret) and header is not None and hmac.compare_digest(secret, header)


def github_repo_urls(payload: dict[str, Any]) -> list[str]:
    repo = payload.get("repository") or {}
    return [u for k in ("clone_url", "ssh_url", "git_url", "html_url") if (u := repo.get(k))]


def gitlab_repo_urls(payload: dict[str, Any]) -> list[str]:
    project = payload.get("project") or payload.get("repository") or {}
    keys = ("git_http_url", "git_ssh_url", "web_url", "url", "homepage")
    return [u for k in keys if isinstance(u := project.get(k), str) and u]
