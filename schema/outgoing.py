"""Outgoing webhooks: ``createWebhook``, ``deleteWebhook``, ``redeliverWebhook``,
``Project.webhooks`` and each webhook's deliveries (gitstudio/outgoing.py sends them)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import orjson
import strawberry
from strawberry.types import Info

from resolvers import outgoing as resolve
from resolvers.context import Context
from schema.errors import UserError, user_error
from schema.permissions import (
    CONFIGURE,
    delivery_at,
    guard,
    on_project,
    project_at,
    webhook_at,
)
from schema.relay import Connection, connection, cursor, decode_id, to_global_id
from storage import deliveries
from storage.errors import DomainError


@strawberry.enum(description="What a webhook can be told.")
class WebhookEvent(Enum):
    RUN_STARTED = deliveries.RUN_STARTED
    RUN_FINISHED = deliveries.RUN_FINISHED
    RUN_FAILED = deliveries.RUN_FAILED
    RUN_STALE = deliveries.RUN_STALE
    EXPERIMENT_PUSHED = deliveries.EXPERIMENT_PUSHED
    MODEL_REGISTERED = deliveries.MODEL_REGISTERED
    STAGE_ASSIGNED = deliveries.STAGE_ASSIGNED
    MODEL_DEPRECATED = deliveries.MODEL_DEPRECATED
    PULL_REQUEST_OPENED = deliveries.PULL_REQUEST_OPENED
    PULL_REQUEST_MERGED = deliveries.PULL_REQUEST_MERGED
    PULL_REQUEST_CLOSED = deliveries.PULL_REQUEST_CLOSED
    SYNC_FAILED = deliveries.SYNC_FAILED


@strawberry.enum
class DeliveryStatus(Enum):
    PENDING = deliveries.PENDING
    DELIVERED = deliveries.DELIVERED
    FAILED = deliveries.FAILED


def _time(value: Any) -> datetime | None:
    return datetime.fromtimestamp(float(value), UTC) if value is not None else None


@strawberry.type(description="One event sent (or being sent) to a webhook.")
class WebhookDelivery:
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, row: dict[str, Any]) -> WebhookDelivery:
        return cls(row=row)

    @strawberry.field(description="Also its X-Gitstudio-Delivery header.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id("WebhookDelivery", int(self.row["id"])))

    @strawberry.field
    def event(self) -> WebhookEvent:
        return WebhookEvent(self.row["event"])

    @strawberry.field
    def status(self) -> DeliveryStatus:
        return DeliveryStatus(self.row["status"])

    @strawberry.field(description="Attempts made so far.")
    def attempts(self) -> int:
        return int(self.row["attempts"])

    @strawberry.field(description="The HTTP status of the last answer; null: none came.")
    def response_code(self) -> int | None:
        code = self.row["response_code"]
        return int(code) if code is not None else None

    @strawberry.field(description="Why the last attempt failed.")
    def error(self) -> str | None:
        found: str | None = self.row["error"]
        return found

    @strawberry.field
    def created_at(self) -> datetime:
        created = _time(self.row["created_at"])
        assert created is not None
        return created

    @strawberry.field
    def delivered_at(self) -> datetime | None:
        return _time(self.row["delivered_at"])

    @strawberry.field(description="When the next attempt is due (PENDING only).")
    def next_attempt_at(self) -> datetime | None:
        pending = self.row["status"] == deliveries.PENDING
        return _time(self.row["next_attempt_at"]) if pending else None


@strawberry.type(description="Where a project's events are POSTed, signed with its secret.")
class Webhook:
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, row: dict[str, Any]) -> Webhook:
        return cls(row=row)

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id("Webhook", int(self.row["id"])))

    @strawberry.field
    def url(self) -> str:
        return str(self.row["url"])

    @strawberry.field
    def events(self) -> list[WebhookEvent]:
        return [WebhookEvent(e) for e in orjson.loads(self.row["events"])]

    @strawberry.field
    def active(self) -> bool:
        return bool(self.row["active"])

    @strawberry.field
    def created_by(self) -> str:
        return str(self.row["created_by"])

    @strawberry.field
    def created_at(self) -> datetime:
        created = _time(self.row["created_at"])
        assert created is not None
        return created

    @strawberry.field(description="Its deliveries, newest first.")
    async def deliveries(
        self, info: Info[Context, None], first: int | None = None, after: str | None = None
    ) -> Connection[WebhookDelivery]:
        page = await resolve.deliveries_page(
            info.context, int(self.row["id"]), first, cursor(after)
        )
        return connection(page, WebhookDelivery.of)


@strawberry.input
class CreateWebhookInput:
    project_id: strawberry.ID
    url: str = strawberry.field(
        description="https (http only to hosts the server allows), to a public host or one"
        " listed in GITSTUDIO_ALLOWED_GIT_HOSTS; checked again before every delivery."
    )
    events: list[WebhookEvent]
    secret: str = strawberry.field(
        description="Signs each body (X-Gitstudio-Signature-256: sha256=HMAC-SHA256 hex);"
        " stored encrypted, never returned."
    )
    client_mutation_id: str | None = None


@strawberry.input
class DeleteWebhookInput:
    id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.input
class RedeliverWebhookInput:
    delivery_id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.type
class WebhookPayload:
    webhook: Webhook | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


@strawberry.type
class RedeliverWebhookPayload:
    delivery: WebhookDelivery | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


async def _answer(
    payload: Any,
    field: str,
    make: Callable[[dict[str, Any]], Any],
    client_id: str | None,
    work: Awaitable[dict[str, Any]],
) -> Any:
    """``payload`` with ``field`` made from the row ``work`` answers, or its typed error."""
    try:
        row = await work
    except DomainError as exc:
        return payload(errors=[user_error(exc)], client_mutation_id=client_id)
    return payload(**{field: make(row)}, client_mutation_id=client_id)


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(
        extensions=guard(on_project(CONFIGURE, project_at("input", "project_id"))),
        description="POST the project's events to a URL, signed with a secret.",
    )
    async def create_webhook(
        self, info: Info[Context, None], input: CreateWebhookInput
    ) -> WebhookPayload:
        project_id = decode_id(input.project_id, "Project")
        events = [e.value for e in input.events]
        work = resolve.create(
            info.context, project_id, input.url, events, input.secret, input.client_mutation_id
        )
        answer: WebhookPayload = await _answer(
            WebhookPayload, "webhook", Webhook.of, input.client_mutation_id, work
        )
        return answer

    @strawberry.mutation(
        extensions=guard(on_project(CONFIGURE, webhook_at("input", "id"))),
        description="Remove a webhook; its pending deliveries are not sent.",
    )
    async def delete_webhook(
        self, info: Info[Context, None], input: DeleteWebhookInput
    ) -> WebhookPayload:
        work = resolve.delete(decode_id(input.id, "Webhook"))
        answer: WebhookPayload = await _answer(
            WebhookPayload, "webhook", Webhook.of, input.client_mutation_id, work
        )
        return answer

    @strawberry.mutation(
        extensions=guard(on_project(CONFIGURE, delivery_at("input", "delivery_id"))),
        description="Send a delivery's event again, as a new delivery due now.",
    )
    async def redeliver_webhook(
        self, info: Info[Context, None], input: RedeliverWebhookInput
    ) -> RedeliverWebhookPayload:
        delivery_id = decode_id(input.delivery_id, "WebhookDelivery")
        work = resolve.redeliver(info.context, delivery_id, input.client_mutation_id)
        answer: RedeliverWebhookPayload = await _answer(
            RedeliverWebhookPayload, "delivery", WebhookDelivery.of, input.client_mutation_id, work
        )
        return answer
