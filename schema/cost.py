"""Query cost: how many objects an operation may return, known before it runs.

As Saleor's query cost map and GitHub's node limit count it: every object field costs one,
times the page sizes (``first``/``last``, the default page when absent) of the connections
it is nested in. ``projects(first: 100) { nodes { experiments(first: 500) { nodes { id } } } }``
costs 1 + 100 + 100 + 100 x 500. Lists without page arguments count as one (as GitHub
counts them); scalars are free; introspection is bounded by the schema and free too.

An operation whose page sizes are literals is priced once, by a validation rule, so the
validated-documents cache carries the verdict. One whose page sizes come from variables is
priced per request with the request's variables (:func:`operation_cost`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    ASTValidationRule,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    VariableNode,
    get_named_type,
    get_operation_ast,
    is_composite_type,
)
from graphql.language.visitor import SKIP, VisitorAction
from strawberry.extensions import SchemaExtension

TOO_COMPLEX = "QUERY_TOO_COMPLEX"
_PAGE_ARGUMENTS = ("first", "last")


@dataclass(frozen=True, slots=True)
class Pages:
    default: int  # the page of a connection asked without first/last
    maximum: int  # larger pages are refused by the resolver itself: priced at this


@dataclass(frozen=True, slots=True)
class Cost:
    value: int
    variables: tuple[str, ...]  # those page sizes came from: price it per request

    @property
    def variable(self) -> bool:
        return bool(self.variables)


def too_complex(cost: int, limit: int) -> GraphQLError:
    return GraphQLError(
        f"query cost {cost} exceeds the limit of {limit} (objects it may return: page sizes"
        " multiplied through nested connections); ask for smaller pages or fewer levels",
        extensions={"code": TOO_COMPLEX, "cost": cost, "limit": limit},
    )


def operation_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    pages: Pages,
    variables: Mapping[str, Any] | None = None,
) -> Cost:
    """The cost of ``operation``; with ``variables`` None, variables count as absent (and
    the result says whether any page size depended on one)."""
    root = schema.get_root_type(operation.operation)
    if root is None:
        return Cost(0, ())
    defaults = {
        d.variable.name.value: d.default_value.value
        for d in operation.variable_definitions or ()
        if isinstance(d.default_value, IntValueNode)
    }
    given = {**defaults, **(variables or {})}
    walk = _Walk(schema, fragments, pages, given)
    value = walk.selections(operation.selection_set, root)
    return Cost(value, tuple(sorted(walk.variables)))


class _Walk:
    """Unit costs: a selection set's cost is linear in its multiplier, so each fragment is
    priced once however often it is spread (no blow-up from nested spreads)."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        pages: Pages,
        variables: Mapping[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.pages = pages
        self.given = variables
        self.variables: set[str] = set()  # the variables page sizes came from
        self._priced: dict[str, int] = {}
        self._open: set[str] = set()  # cycles are a validation error of their own

    def selections(self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, inner or parent)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
        return total

    def fragment(self, name: str) -> int:
        if name in self._priced:
            return self._priced[name]
        definition = self.fragments.get(name)
        if definition is None or name in self._open:
            return 0
        self._open.add(name)
        condition = self.schema.get_type(definition.type_condition.name.value)
        cost = self.selections(definition.selection_set, condition) if condition else 0
        self._open.discard(name)
        self._priced[name] = cost
        return cost

    def field(self, node: FieldNode, parent: GraphQLNamedType) -> int:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None:  # __typename, introspection, or invalid (reported elsewhere)
            return 0
        named = get_named_type(definition.type)
        if not is_composite_type(named):
            return 0
        return 1 + self.page(node, definition) * self.selections(node.selection_set, named)

    def page(self, node: FieldNode, definition: GraphQLField) -> int:
        if not any(a in definition.args for a in _PAGE_ARGUMENTS):
            return 1
        sizes = [
            self.value(a.value) for a in node.arguments or () if a.name.value in _PAGE_ARGUMENTS
        ]
        size = max((s for s in sizes if s is not None), default=self.pages.default)
        return max(0, min(size, self.pages.maximum))

    def value(self, node: Any) -> int | None:
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, VariableNode):
            self.variables.add(node.name.value)
            found = self.given.get(node.name.value)
            if isinstance(found, int | str) and not isinstance(found, bool):
                try:
                    return int(found)
                except ValueError:
                    return None  # not an Int: variable coercion refuses it
        return None


def cost_rule(limit: int, pages: Pages) -> type[ASTValidationRule]:
    """A validation rule refusing operations over ``limit`` whose cost needs no variables
    (the others are priced per request); built once per schema, so caches keyed by the
    rule classes keep working."""

    class QueryCost(ASTValidationRule):
        context: ValidationContext

        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self._fragments = fragments_of(context.document.definitions)

        def enter_operation_definition(
            self, node: OperationDefinitionNode, *_args: Any
        ) -> VisitorAction:
            cost = operation_cost(self.context.schema, node, self._fragments, pages)
            if not cost.variable and cost.value > limit:
                self.report_error(too_complex(cost.value, limit))
            return SKIP

    return QueryCost


def fragments_of(definitions: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}


class CostLimiter(SchemaExtension):
    """The per-request price on strawberry's own execution path (GET, multipart): what
    :meth:`schema.documents.DocumentCache.get` does for our transports."""

    def __init__(self, limit: int, pages: Pages) -> None:
        self._limit = limit
        self._pages = pages

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = get_operation_ast(document, context.operation_name) if document else None
        if document is not None and operation is not None:
            fragments = fragments_of(document.definitions)
            cost = operation_cost(
                context.schema._schema, operation, fragments, self._pages, context.variables
            )
            if cost.variable and cost.value > self._limit:
                error = too_complex(cost.value, self._limit)
                context.result = ExecutionResult(data=None, errors=[error])
        yield
