"""Compiled plans for cached query documents: graphql-core's execution without its per-request
bookkeeping.

For every request graphql-core rebuilds an execution context, re-collects the fields of
every selection set, builds a resolve-info per field and checks every value for
awaitability; for a small query that is most of the cost of the request. A validated query
is therefore compiled once (per document and operation, next to the document in the
cache) into a tree of field plans - response key, resolver, arguments, and a completion
function for the return type - and executed against that tree. The resolvers are the same
strawberry resolvers, called with the same ``GraphQLResolveInfo``, so scope checks and
DataLoaders behave exactly as under graphql-core, and sibling fields and list items are
awaited together so that DataLoaders still batch.

Only the common shape compiles: queries over object, list, scalar and enum types, made of
fields and of fragments whose type condition is known statically. Anything else (abstract
return types, directives such as @skip/@include, introspection, mutations, subscriptions)
is not compiled. And whenever a compiled run meets an error - a resolver raising, a null in
a non-null position, a value that does not serialize, bad variables - the run is abandoned
and the query is executed again by graphql-core, which stays the one source of truth for
error messages, paths and null propagation. Queries do not write, so running one twice is
safe, and it only happens for requests that fail anyway.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import CoroutineType
from typing import Any, cast

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    InlineFragmentNode,
    NamedTypeNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    TypeNameMetaFieldDef,
    get_variable_values,
    is_abstract_type,
    is_leaf_type,
    type_from_ast,
)
from graphql.execution.values import VariableValues
from graphql.pyutils import Path, Undefined, is_awaitable
from graphql.type.definition import GraphQLResolveInfoHelpers

from schema.plan_calls import Calls, constant

# What a resolver hands back when it is not done yet: a coroutine (async resolvers) or a
# future (DataLoader.load). Anything else that happens to be awaitable fails completion and
# so falls back to graphql-core, which handles every awaitable.
_PENDING = (CoroutineType, asyncio.Future)

# A completion turns what a resolver returned into output: a value, or an awaitable of one.
Complete = Callable[[Any, "Run", Path], Any]
# How a field gets its value from its parent's (see schema.plan_calls).
Resolve = Callable[["FieldPlan", Any, "Run", Path], Any]


class Abandon(Exception):
    """The compiled run cannot produce graphql-core's answer; graphql-core must run."""


class NotCompilable(Exception):
    """The document uses something plans do not handle; it always runs on graphql-core."""


@dataclass(frozen=True, slots=True)
class FieldPlan:
    key: str
    definition: GraphQLField
    nodes: list[FieldNode]
    parent: GraphQLObjectType
    complete: Complete
    resolve: Resolve
    # Set when the value is the source's attribute of this name and its completion is a
    # leaf's: neither reads the path, so none is built (the cells of a wide table).
    attribute: str | None = None


@dataclass(frozen=True, slots=True)
class ObjectPlan:
    type: GraphQLObjectType
    fields: tuple[FieldPlan, ...]


class Run:
    """What one execution of a plan shares between its fields."""

    __slots__ = ("arguments", "context", "helpers", "plan", "tracked", "variables")

    def __init__(self, plan: QueryPlan, context: Any, variables: VariableValues) -> None:
        self.plan = plan
        self.context = context
        self.variables = variables
        self.tracked: list[Any] = []  # work left behind by an error, settled before returning
        # arguments with variables converted once per field node, by its id (plan_calls.py)
        self.arguments: dict[int, dict[str, Any]] = {}
        self.helpers = GraphQLResolveInfoHelpers(_gather, self.track)

    def track(self, values: Sequence[Any]) -> None:
        self.tracked.extend(v for v in values if is_awaitable(v))

    def info(self, field_plan: FieldPlan, path: Path) -> GraphQLResolveInfo[Any]:
        """The resolve-info graphql-core would pass for this field."""
        plan = self.plan
        return GraphQLResolveInfo(
            field_plan.nodes[0].name.value,
            field_plan.nodes,
            field_plan.definition.type,
            field_plan.parent,
            path,
            plan.schema,
            plan.fragments,
            None,
            plan.operation,
            self.variables,
            self.context,
            is_awaitable,
            None,
            self.helpers,
        )


@dataclass(frozen=True, slots=True)
class QueryPlan:
    schema: GraphQLSchema
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    root: ObjectPlan
    no_variables: VariableValues | None  # the coerced (empty) variables, when none are declared

    async def execute(self, context: Any, variables: Mapping[str, Any] | None) -> dict[str, Any]:
        """The ``data`` of the result; raises Abandon when graphql-core must answer instead."""
        run = Run(self, context, self._variables(variables))
        try:
            data = _complete_object(self.root, None, run, None)
            if isinstance(data, _PENDING):
                data = await data
            return cast(dict[str, Any], data)
        except Abandon:
            raise
        except Exception as error:
            raise Abandon(str(error)) from error
        finally:
            if run.tracked:
                await asyncio.gather(*run.tracked, return_exceptions=True)

    def _variables(self, raw: Mapping[str, Any] | None) -> VariableValues:
        if self.no_variables is not None and not raw:
            return self.no_variables
        coerced = get_variable_values(
            self.schema, self.operation.variable_definitions or (), dict(raw or {})
        )
        if not isinstance(coerced, VariableValues):
            raise Abandon("variables do not coerce")
        return coerced


def compile_query(
    calls: Calls, document: DocumentNode, operation_name: str | None
) -> QueryPlan | None:
    """The plan of a validated document's query operation, or None when it does not compile."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        operation = operations[0] if len(operations) == 1 else None
    else:
        operation = next((o for o in operations if o.name and o.name.value == operation_name), None)
    schema = calls.schema
    root = schema.query_type
    if operation is None or operation.operation is not OperationType.QUERY or root is None:
        return None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    compiler = _Compiler(calls, fragments)
    try:
        if any(f.variable_definitions for f in fragments.values()):
            raise NotCompilable("fragment variables")
        root_plan = compiler.object_plan(root, [operation.selection_set])
    except NotCompilable:
        return None
    no_variables = None
    if not operation.variable_definitions:
        empty = get_variable_values(schema, (), {})
        no_variables = empty if isinstance(empty, VariableValues) else None
    return QueryPlan(schema, operation, fragments, root_plan, no_variables)


class _Compiler:
    def __init__(self, calls: Calls, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self._calls = calls
        self._schema = calls.schema
        self._fragments = fragments

    def object_plan(
        self, parent: GraphQLObjectType, selection_sets: Sequence[SelectionSetNode]
    ) -> ObjectPlan:
        grouped: dict[str, list[FieldNode]] = {}
        for selection_set in selection_sets:
            self._collect(parent, selection_set, grouped, set())
        return ObjectPlan(parent, tuple(self._field(parent, k, n) for k, n in grouped.items()))

    def _collect(
        self,
        parent: GraphQLObjectType,
        selection_set: SelectionSetNode,
        grouped: dict[str, list[FieldNode]],
        visited: set[str],
    ) -> None:
        for selection in selection_set.selections:
            if selection.directives:
                raise NotCompilable("directives")
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                grouped.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                if self._applies(selection.type_condition, parent):
                    self._collect(parent, selection.selection_set, grouped, visited)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self._fragments.get(name)
                if name in visited or fragment is None:
                    continue
                visited.add(name)
                if self._applies(fragment.type_condition, parent):
                    self._collect(parent, fragment.selection_set, grouped, visited)
            else:
                raise NotCompilable(type(selection).__name__)

    def _applies(self, condition: NamedTypeNode | None, parent: GraphQLObjectType) -> bool:
        if condition is None:
            return True
        conditional = type_from_ast(self._schema, condition)
        if conditional is parent:
            return True
        return is_abstract_type(conditional) and self._schema.is_sub_type(
            conditional,
            parent,
        )

    def _field(self, parent: GraphQLObjectType, key: str, nodes: list[FieldNode]) -> FieldPlan:
        name = nodes[0].name.value
        if name == "__typename":
            return FieldPlan(
                key, TypeNameMetaFieldDef, nodes, parent, _leaf_value, constant(parent.name)
            )
        definition = parent.fields.get(name)
        if definition is None:
            raise NotCompilable(f"{parent.name}.{name}")
        complete = self._completion(definition.type, [n.selection_set for n in nodes])
        leaf = definition.type
        if isinstance(leaf, GraphQLNonNull):
            leaf = leaf.of_type
        attribute = self._calls.attribute(definition) if is_leaf_type(leaf) else None
        resolve = self._calls.resolver(definition, nodes[0])
        return FieldPlan(key, definition, nodes, parent, complete, resolve, attribute)

    def _completion(
        self, type_: GraphQLOutputType, selection_sets: Sequence[SelectionSetNode | None]
    ) -> Complete:
        if isinstance(type_, GraphQLNonNull):
            return _non_null(self._completion(type_.of_type, selection_sets))
        if isinstance(type_, GraphQLList):
            flat = self._flat(type_.of_type, selection_sets)
            if flat is not None:
                return flat
            return _list(self._completion(type_.of_type, selection_sets))
        if is_leaf_type(type_):
            return _leaf(type_.serialize)
        if isinstance(type_, GraphQLObjectType):
            sets = [s for s in selection_sets if s is not None]
            return _object(self.object_plan(type_, sets), type_.is_type_of)
        raise NotCompilable(f"abstract type {type_}")

    def _flat(
        self, item: GraphQLOutputType, selection_sets: Sequence[SelectionSetNode | None]
    ) -> Complete | None:
        """The completion of a list of non-null objects whose fields are all leaves read
        from attributes (a row's cells): no path, no per-field dispatch; else None."""
        if not isinstance(item, GraphQLNonNull) or not isinstance(item.of_type, GraphQLObjectType):
            return None
        sets = [s for s in selection_sets if s is not None]
        plan = self.object_plan(item.of_type, sets)
        if not plan.fields or any(f.attribute is None for f in plan.fields):
            return None
        return _flat_list(plan, item.of_type.is_type_of)


async def _gather(values: Sequence[Awaitable[Any]]) -> list[Any]:
    return await _settle(values)


def _complete_object(plan: ObjectPlan, source: Any, run: Run, path: Path | None) -> Any:
    out: dict[str, Any] = {}
    pending: list[str] | None = None
    typename = plan.type.name
    try:
        for field_plan in plan.fields:
            attribute = field_plan.attribute
            if attribute is not None:  # a leaf read from the source: never pending
                out[field_plan.key] = field_plan.complete(
                    getattr(source, attribute), run, cast(Path, path)
                )
                continue
            field_path = Path(path, field_plan.key, typename)
            value = field_plan.resolve(field_plan, source, run, field_path)
            if isinstance(value, _PENDING):
                value = _then(value, field_plan.complete, run, field_path)
            else:
                value = field_plan.complete(value, run, field_path)
            if isinstance(value, _PENDING):
                pending = pending or []
                pending.append(field_plan.key)
            out[field_plan.key] = value
    except BaseException:
        run.track([out[k] for k in pending or ()])
        raise
    return out if pending is None else _settle_dict(out, pending)


async def _then(awaitable: Awaitable[Any], complete: Complete, run: Run, path: Path) -> Any:
    completed = complete(await awaitable, run, path)
    if isinstance(completed, _PENDING):
        completed = await completed
    return completed


async def _settle_dict(out: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    values = await _settle([out[k] for k in keys])
    out.update(zip(keys, values, strict=True))
    return out


async def _settle(awaitables: Sequence[Awaitable[Any]]) -> list[Any]:
    """Await all, then fail on the first error: nothing is left running behind an error.

    A single awaitable is awaited in place: gather would wrap it in a task and cost the
    event loop two extra turns, the main cost of a small query with one async resolver.
    """
    if len(awaitables) == 1:
        return [await awaitables[0]]
    values = await asyncio.gather(*awaitables, return_exceptions=True)
    for value in values:
        if isinstance(value, BaseException):
            raise value
    return values


def _leaf_value(value: Any, run: Run, path: Path) -> Any:
    return value


def _leaf(serialize: Callable[[Any], Any]) -> Complete:
    def complete_leaf(value: Any, run: Run, path: Path) -> Any:
        if value is None:
            return None
        serialized = serialize(value)
        if serialized is None or serialized is Undefined:
            raise Abandon("leaf did not serialize")
        return serialized

    return complete_leaf


def _non_null(inner: Complete) -> Complete:
    def complete_non_null(value: Any, run: Run, path: Path) -> Any:
        if value is None:
            raise Abandon("null in a non-null position")
        return inner(value, run, path)

    return complete_non_null


def _list(item: Complete) -> Complete:
    def complete_list(value: Any, run: Run, path: Path) -> Any:
        if value is None:
            return None
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise Abandon("expected a list")
        out: list[Any] = []
        pending: list[int] | None = None
        try:
            for index, entry in enumerate(value):
                entry_path = Path(path, index, None)
                if isinstance(entry, _PENDING):
                    completed = _then(entry, item, run, entry_path)
                else:
                    completed = item(entry, run, entry_path)
                if isinstance(completed, _PENDING):
                    pending = pending or []
                    pending.append(index)
                out.append(completed)
        except BaseException:
            run.track([out[i] for i in pending or ()])
            raise
        return out if pending is None else _settle_list(out, pending)

    return complete_list


def _flat_list(plan: ObjectPlan, is_type_of: Callable[[Any, Any], Any] | None) -> Complete:
    fields = [(f.key, cast(str, f.attribute), f.complete) for f in plan.fields]
    name = plan.type.name

    def complete_flat_list(value: Any, run: Run, path: Path) -> Any:
        if value is None:
            return None
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise Abandon("expected a list")
        out: list[Any] = []
        for entry in value:
            if entry is None or isinstance(entry, _PENDING):
                raise Abandon("a flat list holds only values")
            if is_type_of is not None and is_type_of(entry, None) is not True:
                raise Abandon(f"value is not a {name}")
            out.append({key: complete(getattr(entry, attribute), run, path)
                        for key, attribute, complete in fields})  # fmt: skip
        return out

    return complete_flat_list


async def _settle_list(out: list[Any], indexes: list[int]) -> list[Any]:
    values = await _settle([out[i] for i in indexes])
    for index, value in zip(indexes, values, strict=True):
        out[index] = value
    return out


def _object(plan: ObjectPlan, is_type_of: Callable[[Any, Any], Any] | None) -> Complete:
    def complete_object(value: Any, run: Run, path: Path) -> Any:
        if value is None:
            return None
        # strawberry's is_type_of never reads its info argument; one that would fails here
        # and the query falls back to graphql-core.
        if is_type_of is not None and is_type_of(value, None) is not True:
            raise Abandon(f"value is not a {plan.type.name}")
        return _complete_object(plan, value, run, path)

    return complete_object
