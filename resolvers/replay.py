"""Idempotent write mutations: a retried request with the same ``clientMutationId`` gets the
first request's result instead of writing again (no second commit, tag or pull request).

The key is (token, mutation, clientMutationId). The first request reserves it with a row in
``mutation_records`` (unique, so two instances racing on one key reserve it once), runs,
and stores its result; a retry that arrives while the first still runs waits for that
result. A failed request releases its key, since it wrote nothing (a write that pushed
reports success even when indexing it failed), so retrying it tries again; a request whose
client went away still completes and stores its result. The same key with a different
request is refused (INVALID), as Stripe does, rather than answered with the result of
something else.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from storage.errors import DomainError
from storage.models import MutationRecord
from storage.tokens import Principal

# A reservation older than this belongs to a request that died mid-way: taken over.
ABANDONED_AFTER = 900.0
# Results are replayed for a day (as Stripe keeps idempotency keys), then forgotten: some
# hold sealed secrets (createAccessToken), which should not outlive their use.
KEEP_FOR = 86_400.0
WAIT = 120.0

Result = dict[str, Any]

_running: set[asyncio.Task[Result]] = set()  # shielded runs, referenced until they finish


async def once(
    principal: Principal,
    mutation: str,
    client_id: str | None,
    request: Any,
    run: Callable[[], Awaitable[Result]],
) -> Result:
    """``run()``'s result, computed once per key; ``request`` (anything orjson encodes)
    tells a retry from a different request under the same key."""
    if not client_id:
        return await run()
    if len(client_id) > 255:
        raise DomainError("INVALID", "clientMutationId is longer than 255", "clientMutationId")
    digest = hashlib.sha256(orjson.dumps(request, option=orjson.OPT_SORT_KEYS)).hexdigest()
    key: dict[str, Any] = {
        "token_id": principal.token_id,
        "mutation": mutation,
        "client_mutation_id": client_id,
    }
    deadline = time.monotonic() + WAIT
    while True:
        row = await MutationRecord.get_or_none(**key)
        if row is None:
            await MutationRecord.filter(created_at__lt=time.time() - KEEP_FOR).delete()
            try:
                row = await MutationRecord.create(
                    **key, request_hash=digest, created_at=time.time()
                )
            except IntegrityError:
                continue  # reserved by a racing request meanwhile: read it
            return await _run(row, run)
        if row.result is not None and time.time() - row.created_at > KEEP_FOR:
            await MutationRecord.filter(id=row.id).delete()  # expired: a new request
            continue
        if row.request_hash != digest:
            raise DomainError(
                "INVALID",
                f"clientMutationId {client_id!r} was used for a different {mutation} request",
                "clientMutationId",
            )
        if row.result is not None:
            stored: Result = orjson.loads(row.result)
            return stored
        if time.time() - row.created_at > ABANDONED_AFTER:
            await MutationRecord.filter(id=row.id, result=None).delete()
            continue
        if time.monotonic() > deadline:
            raise DomainError(
                "CONFLICT", f"a request with clientMutationId {client_id!r} is still running"
            )
        await asyncio.sleep(0.05)


async def recorded(principal: Principal, mutation: str, client_id: object) -> bool:
    """Whether ``client_id`` already names a request of this token's ``mutation`` (done or
    running): its retry is answered by :func:`once` even when what it named is gone since
    (the project it deleted)."""
    if not isinstance(client_id, str) or not client_id or len(client_id) > 255:
        return False
    return await MutationRecord.exists(
        token_id=principal.token_id, mutation=mutation, client_mutation_id=client_id
    )


async def _run(row: MutationRecord, run: Callable[[], Awaitable[Result]]) -> Result:
    # Shielded: a client that disconnects (cancelling its request) mid-write does not stop
    # the write half-way; it completes and its result is stored for the retry.
    task = asyncio.ensure_future(_complete(row, run))
    _running.add(task)
    task.add_done_callback(_running.discard)
    return await asyncio.shield(task)


async def _complete(row: MutationRecord, run: Callable[[], Awaitable[Result]]) -> Result:
    try:
        result = await run()
    except BaseException:
        # Writes report failure only when nothing was written (sync.service._write):
        # releasing the key lets a retry run again.
        await MutationRecord.filter(id=row.id).delete()
        raise
    row.result = orjson.dumps(result).decode()
    await row.save(update_fields=["result"])
    return result


async def forget_token(token_id: int) -> None:
    """Drop what a revoked token's records hold: the results of its own mutations, and the
    sealed secret kept to replay the creation of that token."""
    minted = MutationRecord.filter(mutation="createAccessToken", result__not_isnull=True)
    kept_secret = [
        row.id
        for row in await minted.only("id", "result")
        if row.result and orjson.loads(row.result).get("token") == token_id
    ]
    await MutationRecord.filter(Q(token_id=token_id) | Q(id__in=kept_secret)).delete()
