"""Outgoing webhooks of a project: creating, listing, deleting them, and their deliveries
(storage/deliveries.py keeps them, gitstudio/outgoing.py sends them)."""

from __future__ import annotations

import asyncio
from typing import Any

from resolvers.context import Context
from resolvers.pagination import Page, cursor_id, page_size, trim
from resolvers.permissions import caller
from resolvers.replay import Result, once
from storage import deliveries, limits
from storage.deliveries import WebhookLimits
from storage.errors import DomainError
from sync.repo_policy import FORBIDDEN, INVALID_URL, RepoPolicy

FORBIDDEN_URL = "FORBIDDEN_URL"


def webhook_limits() -> WebhookLimits:
    return limits.configured(WebhookLimits)


async def create(
    ctx: Context,
    project_id: int,
    url: str,
    events: list[str],
    secret: str,
    client_id: str | None,
) -> dict[str, Any]:
    """A new webhook of the project: shape checked, the URL's host judged by the outbound
    policy now (and again before every delivery), the secret sealed. Nothing is stored
    when any check fails. A retry under the same clientMutationId gets the webhook made
    first (the secret is not part of what tells a retry from another request)."""

    async def run() -> Result:
        bounds = webhook_limits()
        given = url.strip()
        deliveries.check_webhook(bounds, given, events, secret)
        await check_url(ctx.syncer.policy or RepoPolicy(), given)
        if ctx.syncer.sealer is None:
            raise DomainError("INVALID", "this server has no secret key to keep webhook secrets")
        sealed = ctx.syncer.sealer.seal(secret)
        who = caller(ctx).name
        made = await deliveries.create_webhook(bounds, project_id, given, events, sealed, who)
        return {"webhook": made["id"]}

    request = {"project": project_id, "url": url, "events": events}
    done = await once(caller(ctx), "createWebhook", client_id, request, run)
    return await webhook(int(done["webhook"]))


async def check_url(policy: RepoPolicy, url: str) -> None:
    """The outbound host policy on a webhook URL, its refusals as the webhook's: a URL that
    cannot be one is INVALID_URL, one the policy refuses FORBIDDEN_URL. A host that does not
    resolve now is accepted: every delivery checks again."""
    try:
        await asyncio.to_thread(policy.check_webhook, url)
    except DomainError as exc:
        if exc.code == INVALID_URL:
            raise DomainError(INVALID_URL, exc.message, "url") from None
        if exc.code == FORBIDDEN:
            raise DomainError(FORBIDDEN_URL, exc.message, "url") from None


async def webhook(webhook_id: int) -> dict[str, Any]:
    found = await deliveries.webhook(webhook_id)
    if found is None:
        raise DomainError("NOT_FOUND", f"no webhook {webhook_id}", "id")
    return found


async def delete(webhook_id: int) -> dict[str, Any]:
    found = await webhook(webhook_id)
    await deliveries.delete_webhook(webhook_id)
    return found


async def redeliver(ctx: Context, delivery_id: int, client_id: str | None) -> dict[str, Any]:
    """A copy of a delivery, due now (once per clientMutationId)."""

    async def run() -> Result:
        again = await deliveries.redeliver(delivery_id)
        if again is None:
            raise DomainError("NOT_FOUND", f"no delivery {delivery_id}", "deliveryId")
        return {"delivery": again["id"]}

    done = await once(caller(ctx), "redeliverWebhook", client_id, delivery_id, run)
    return await delivery(int(done["delivery"]))


async def deliveries_page(
    ctx: Context, webhook_id: int, first: int | None, after: list[object] | None
) -> Page[dict[str, Any]]:
    """A webhook's deliveries, newest first."""
    limit = page_size(first, ctx.max_page_size)
    after_id = cursor_id(after)
    before = 2**31 - 1 if after_id is None else after_id
    found = await deliveries.deliveries_of(webhook_id, before, limit + 1)
    rows, more = trim([(r, [int(r["id"])]) for r in found], limit)

    async def count() -> int:
        return await deliveries.count_deliveries(webhook_id)

    return Page(rows, more, after is not None, count)


async def delivery(delivery_id: int) -> dict[str, Any]:
    found = await deliveries.delivery(delivery_id)
    if found is None:
        raise DomainError("NOT_FOUND", f"no delivery {delivery_id}", "deliveryId")
    return found
