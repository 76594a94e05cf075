"""GraphQL documents over websockets: parsed and validated once per text (the schema's
documents cache, with its limits), executed with graphql-core on strawberry's GraphQLSchema,
results serialized once with orjson."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard, cast

import orjson
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    Node,
    OperationDefinitionNode,
    OperationType,
    VariableNode,
    execute,
)
from graphql.execution import Executor, execute_subscription_event
from strawberry.execution.is_awaitable import optimized_is_awaitable

from gitstudio.graphql_errors import BAD_USER_INPUT, format_errors
from schema import Schema
from schema.documents import DocumentCache

# strawberry's faster check, typed as graphql-core wants it.
is_awaitable = cast("Callable[[Any], TypeGuard[Awaitable[Any]]]", optimized_is_awaitable)


@dataclass(frozen=True, slots=True)
class Operation:
    kind: OperationType
    # Variables used only by the arguments of the root field. The root field of a
    # subscription only makes the source stream, so they do not change what an event
    # executes to: subscribers that differ only by them can share executions.
    root_only: frozenset[str]
    name: str | None = None  # the operation's name in the document (/metrics' label)


@dataclass(frozen=True, slots=True)
class Prepared:
    query: str
    document: DocumentNode | None  # None when invalid
    errors: tuple[GraphQLError, ...]


class Documents:
    """Execution helpers for one schema, over the schema's validated-documents cache."""

    def __init__(self, schema: Schema, maxsize: int = 512) -> None:
        self.schema: GraphQLSchema = schema._schema
        self.executor_class: type[Executor[Any]] = schema.execution_context_class
        self.cache: DocumentCache = schema.documents
        self._maxsize = maxsize
        self._operations: OrderedDict[tuple[str, str | None], Operation | GraphQLError] = (
            OrderedDict()
        )

    def prepare(
        self, query: str, variables: dict[str, Any] | None = None, name: str | None = None
    ) -> Prepared:
        document = self.cache.get(query, variables, name)
        return Prepared(query, document.node, document.errors)

    def operation(self, prepared: Prepared, name: str | None) -> Operation | GraphQLError:
        key = (prepared.query, name)
        found = self._operations.get(key)
        if found is None:
            found = self._operations[key] = _operation(prepared, name)
            if len(self._operations) > self._maxsize:
                self._operations.popitem(last=False)
        return found

    def executor(
        self,
        prepared: Prepared,
        context: Any,
        variables: dict[str, Any] | None,
        operation_name: str | None,
    ) -> Executor[Any] | list[GraphQLError]:
        assert prepared.document is not None
        return self.executor_class.build(
            self.schema,
            prepared.document,
            None,
            context,
            variables,
            operation_name,
            is_awaitable=is_awaitable,
        )

    async def execute(
        self,
        prepared: Prepared,
        context: Any,
        variables: dict[str, Any] | None,
        operation_name: str | None,
    ) -> ExecutionResult:
        """A query or a mutation, once."""
        assert prepared.document is not None
        result = execute(
            self.schema,
            prepared.document,
            context_value=context,
            variable_values=variables,
            operation_name=operation_name,
            executor_class=self.executor_class,
            is_awaitable=is_awaitable,
        )
        if isinstance(result, ExecutionResult):
            return result
        return await result


async def execute_event(executor: Executor[Any], root: Any) -> ExecutionResult:
    """The selection set of a subscription executed for one event (``root``)."""
    result = execute_subscription_event(executor.build_per_event_executor(root))
    if is_awaitable(result):
        result = await result
    assert isinstance(result, ExecutionResult)
    return result


def payload(result: ExecutionResult) -> str:
    """The ``payload`` of a next/data message, as JSON text."""
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = formatted(result.errors)
    return orjson.dumps(body, option=orjson.OPT_NON_STR_KEYS).decode()


def formatted(
    errors: Sequence[GraphQLError], before_execution: str = BAD_USER_INPUT
) -> list[dict[str, Any]]:
    """Errors as every transport sends them (gitstudio.graphql_errors: codes, masking)."""
    return format_errors(errors, before_execution)


def _operation(prepared: Prepared, name: str | None) -> Operation | GraphQLError:
    assert prepared.document is not None
    operations = [
        d for d in prepared.document.definitions if isinstance(d, OperationDefinitionNode)
    ]
    if name is None:
        if len(operations) != 1:
            return GraphQLError(
                "Must provide operation name if query contains multiple operations."
            )
        node = operations[0]
    else:
        matching = [o for o in operations if o.name and o.name.value == name]
        if not matching:
            return GraphQLError(f"Unknown operation named '{name}'.")
        node = matching[0]
    label = node.name.value if node.name else None
    return Operation(node.operation, _root_only_variables(prepared.document, node), label)


def _variables(node: Any) -> Iterator[str]:
    if isinstance(node, VariableNode):
        yield node.name.value
    elif isinstance(node, Node):
        for key in node.keys:
            if key != "loc":
                yield from _variables(getattr(node, key, None))
    elif isinstance(node, tuple | list):
        for child in node:
            yield from _variables(child)


def _root_only_variables(
    document: DocumentNode, operation: OperationDefinitionNode
) -> frozenset[str]:
    selections = operation.selection_set.selections
    if not all(isinstance(s, FieldNode) for s in selections):
        return frozenset()
    in_root_args: set[str] = set()
    elsewhere: set[str] = set(_variables(operation.directives))
    for selection in selections:
        assert isinstance(selection, FieldNode)
        in_root_args.update(_variables(selection.arguments))
        elsewhere.update(_variables(selection.directives))
        elsewhere.update(_variables(selection.selection_set))
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            elsewhere.update(_variables(definition))
    return frozenset(in_root_args - elsewhere)
