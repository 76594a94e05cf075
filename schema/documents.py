"""Parsed and validated GraphQL documents, cached by query text.

Validation dominates the cost of a small query (parse ~0.1 ms, validate 1.5-2 ms); a bounded
LRU keyed by the query text makes repeated queries skip both. Invalid documents are cached
too, so a client repeating a bad query costs nothing either. The limits (depth, aliases,
tokens, query cost) are enforced here, once per distinct document; the cost of an operation
whose page sizes come from variables is checked per request, with its variables, by
:meth:`DocumentCache.get` (every transport calls it).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    parse,
    specified_rules,
    validate,
)

from schema.cost import Pages, fragments_of, operation_cost, too_complex
from schema.plan_calls import Calls
from schema.plans import QueryPlan, compile_query


@dataclass(frozen=True, slots=True)
class Document:
    node: DocumentNode | None
    errors: tuple[GraphQLError, ...]
    # compiled query plans by operation name (None: that operation does not compile)
    plans: dict[str | None, QueryPlan | None] = field(default_factory=dict, compare=False)
    # by operation name: the variables its cost depends on (none: the cost rule priced it)
    variable_cost: dict[str | None, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # costs by (operation name, those variables' values): repeated requests priced once
    costs: dict[tuple[str | None, tuple[object, ...]], int] = field(
        default_factory=dict, compare=False
    )

    def operation(self, name: str | None) -> OperationDefinitionNode | None:
        if self.node is None:
            return None
        operations = [d for d in self.node.definitions if isinstance(d, OperationDefinitionNode)]
        if name is None:
            return operations[0] if len(operations) == 1 else None
        return next((o for o in operations if o.name and o.name.value == name), None)

    def operation_type(self, name: str | None) -> OperationType | None:
        operation = self.operation(name)
        return operation.operation if operation else None


_PRICES_KEPT = 64  # costs kept per document (one per distinct set of page sizes)


class DocumentCache:
    def __init__(
        self,
        schema: GraphQLSchema,
        rules: Sequence[type[ASTValidationRule]],
        max_tokens: int,
        size: int = 512,
        max_query_bytes: int = 100_000,
        calls: Calls | None = None,
        max_cost: int | None = None,
        pages: Pages | None = None,
    ) -> None:
        self._schema = schema
        self._max_cost = max_cost  # None: the rules hold no cost rule, nothing to price
        self._pages = pages or Pages(50, 500)
        self._calls = calls  # None: nothing is compiled
        self._rules = [*specified_rules, *rules]
        self._max_tokens = max_tokens
        self._max_bytes = max_query_bytes
        self._size = size
        self._cache: OrderedDict[str, Document] = OrderedDict()

    def get(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> Document:
        """The validated document of ``query``; a document without a node (its errors)
        when invalid or, for the variables it runs with, too costly."""
        document = self._cache.get(query)
        if document is not None:
            self._cache.move_to_end(query)
        else:
            document = self._build(query)
            if len(query) <= self._max_bytes:  # never let huge texts occupy the cache
                self._cache[query] = document
                if len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        if self._max_cost is None or document.node is None:
            return document
        return self._priced(document, variables, operation_name, self._max_cost)

    def _priced(
        self,
        document: Document,
        variables: Mapping[str, Any] | None,
        name: str | None,
        limit: int,
    ) -> Document:
        """Operations priced without variables passed the cost rule already; the others are
        priced with this request's variables (once per distinct set of page sizes)."""
        if not isinstance(name, str | None) or document.variable_cost.get(name) == ():
            return document  # (a name that is no string names no operation)
        names = document.variable_cost.get(name)
        value = None if names is None else document.costs.get(_key(name, names, variables))
        if value is None:
            value = self._price(document, variables, name)
        if value is not None and value > limit:
            return Document(None, (too_complex(value, limit),))
        return document

    def _price(
        self, document: Document, variables: Mapping[str, Any] | None, name: str | None
    ) -> int | None:
        """The cost of a variable-priced operation with these variables (None: priced by
        the cost rule, or no such operation: graphql-core reports it)."""
        operation = document.operation(name)
        if operation is None or document.node is None:
            return None
        fragments = fragments_of(document.node.definitions)
        cost = operation_cost(self._schema, operation, fragments, self._pages, variables)
        document.variable_cost[name] = cost.variables
        if not cost.variable:
            return None
        if len(document.costs) >= _PRICES_KEPT:
            document.costs.clear()
        document.costs[_key(name, cost.variables, variables)] = cost.value
        return cost.value

    def plan(self, document: Document, operation_name: str | None) -> QueryPlan | None:
        """The compiled plan of a valid document's query operation (see schema.plans)."""
        if operation_name in document.plans:
            return document.plans[operation_name]
        plan = None
        if document.node is not None and self._calls is not None:
            plan = compile_query(self._calls, document.node, operation_name)
        document.plans[operation_name] = plan
        return plan

    def _build(self, query: str) -> Document:
        if len(query) > self._max_bytes:
            error = GraphQLError(f"query text longer than {self._max_bytes} bytes")
            return Document(None, (error,))
        try:
            node = parse(query, no_location=False, max_tokens=self._max_tokens)
        except GraphQLError as error:
            return Document(None, (error,))
        errors = validate(self._schema, node, self._rules)
        return Document(None if errors else node, tuple(errors))


def _key(
    name: str | None, names: tuple[str, ...], variables: Mapping[str, Any] | None
) -> tuple[str | None, tuple[object, ...]]:
    """An operation's priced page sizes: its name and, for each variable they come from,
    what the pricer reads of it (schema.cost): a scalar's value, a list's length, else only
    its kind. Never the value itself: variables may hold anything, however deep."""
    given = variables or {}
    return name, tuple(_priced_as(given.get(v)) for v in names)


def _priced_as(value: object) -> object:
    if isinstance(value, bool):
        return ("bool", value)  # True == 1 as a key, not as a page size
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, float):  # a whole float is priced as its Int, any other alike
        return int(value) if value.is_integer() else ("float",)
    if isinstance(value, str):  # priced by its kind alone (one column, or the largest page)
        return ("str",)
    if isinstance(value, list | tuple):
        return ("list", len(value))
    return ("other",)
