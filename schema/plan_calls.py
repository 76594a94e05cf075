"""How a compiled plan (schema.plans) calls a field's resolver.

strawberry wraps every resolver in layers built for the general case - a strawberry Info
per call, argument conversion, field extensions, exception handlers, an extra coroutine
for async resolvers. For the fields where those layers have nothing to do (no extensions
such as permission classes, no exception handlers in the schema) a plan calls the resolver
function itself the way strawberry would: the same converted arguments (converted once,
when they are literals), the same source, root/parent and Info parameters. Every other
field goes through the resolver strawberry built, with graphql-core's arguments.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from graphql import (
    FieldNode,
    GraphQLField,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    ValueNode,
    VariableNode,
    default_field_resolver,
    get_argument_values,
)
from graphql.pyutils import Path
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

from schema.permissions import Guard

if TYPE_CHECKING:
    import strawberry

    from schema.plans import FieldPlan, Resolve, Run

# Literal argument values that can be converted once and shared by every request.
_IMMUTABLE = (str, int, float, bool, type(None), Enum)


class Calls:
    """Builds the resolve step of each field plan for one strawberry schema."""

    def __init__(self, schema: strawberry.Schema) -> None:
        self.schema: GraphQLSchema = schema._schema
        self._config = schema.config
        self._scalars = schema.schema_converter.scalar_registry
        # schema-level exception handlers turn errors into results inside strawberry's
        # wrapper; with any configured, every call keeps that wrapper.
        self._direct_allowed = not schema.exception_handlers

    def resolver(self, definition: GraphQLField, node: FieldNode) -> Resolve:
        field = (definition.extensions or {}).get("strawberry-definition")
        if not isinstance(field, StrawberryField) or not self._direct_allowed:
            return _wrapped(definition, node)
        guard = _only_guard(field)
        if field.extensions and guard is None:
            return _wrapped(definition, node)
        if field.base_resolver is None:
            if self._config.default_resolver is getattr:
                return _attribute(field.python_name)
            return _wrapped(definition, node)
        return self._direct(field, definition, node, guard)

    def attribute(self, definition: GraphQLField) -> str | None:
        """The attribute of the source a field reads, when resolving it is only that read
        (what ``resolver`` returns for it is then ``getattr(source, attribute)``)."""
        field = (definition.extensions or {}).get("strawberry-definition")
        if (
            isinstance(field, StrawberryField)
            and not field.extensions
            and self._direct_allowed
            and field.base_resolver is None
            and self._config.default_resolver is getattr
        ):
            return field.python_name
        return None

    def _direct(
        self, field: StrawberryField, definition: GraphQLField, node: FieldNode, guard: Guard | None
    ) -> Resolve:
        resolver = field.base_resolver
        assert resolver is not None
        function = resolver.wrapped_func
        if not callable(function):
            return _wrapped(definition, node)
        config, scalars, info_class = self._config, self._scalars, self._config.info_class
        static = _static_args(definition, node)
        converted = (
            None if static is None else convert_arguments(static, field.arguments, scalars, config)
        )
        takes_self = resolver.self_parameter is not None
        source_names = [
            p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p is not None
        ]
        info_name = resolver.info_parameter.name if resolver.info_parameter else None

        def arguments(field_plan: FieldPlan, source: Any, run: Run, path: Path) -> dict[str, Any]:
            info = None
            shared = converted if converted is not None else run.arguments.get(id(node))
            if shared is not None:
                kwargs = _copied(shared)
            else:
                info = info_class(_raw_info=run.info(field_plan, path), _field=field)
                raw = get_argument_values(definition, node, run.variables)
                kwargs = convert_arguments(raw, field.arguments, scalars, config, info)
                if _shareable(kwargs):  # the next row's call of this field takes them as they are
                    run.arguments[id(node)] = _copied(kwargs)
            for name in source_names:
                kwargs[name] = source
            if info_name is not None:
                kwargs[info_name] = info or info_class(
                    _raw_info=run.info(field_plan, path), _field=field
                )
            return kwargs

        def call(field_plan: FieldPlan, source: Any, run: Run, path: Path) -> Any:
            kwargs = arguments(field_plan, source, run, path)
            return function(source, **kwargs) if takes_self else function(**kwargs)

        if guard is None or guard.rule.open:
            return call

        async def guarded(field_plan: FieldPlan, source: Any, run: Run, path: Path) -> Any:
            # as strawberry's extension runs it: the check on the converted arguments, then
            # the resolver, which is not called at all when the check refuses
            kwargs = arguments(field_plan, source, run, path)
            refused = await guard.refusal(run.context, kwargs)
            if refused is not None:
                return refused
            return await (function(source, **kwargs) if takes_self else function(**kwargs))

        return guarded


def _only_guard(field: StrawberryField) -> Guard | None:
    extensions = field.extensions
    if len(extensions) == 1 and isinstance(extensions[0], Guard) and field.base_resolver:
        return extensions[0]
    return None


def constant(value: object) -> Resolve:
    def call(field_plan: FieldPlan, source: Any, run: Run, path: Path) -> Any:
        return value

    return call


def _attribute(name: str) -> Resolve:
    def call(field_plan: FieldPlan, source: Any, run: Run, path: Path) -> Any:
        return getattr(source, name)

    return call


def _wrapped(definition: GraphQLField, node: FieldNode) -> Resolve:
    """The resolver strawberry built (or graphql-core's default), as graphql-core calls it."""
    resolve = definition.resolve or default_field_resolver
    static = _static_args(definition, node)

    def call(field_plan: FieldPlan, source: Any, run: Run, path: Path) -> Any:
        arguments = static
        if arguments is None:
            arguments = get_argument_values(definition, node, run.variables)
        return resolve(source, run.info(field_plan, path), **arguments)

    return call


def _static_args(definition: GraphQLField, node: FieldNode) -> dict[str, Any] | None:
    """Arguments coerced at compile time: only literals of immutable values, since the same
    values then serve every request."""
    if not definition.args:
        return {}
    if any(_has_variable(argument.value) for argument in node.arguments or ()):
        return None
    values = get_argument_values(definition, node)
    return values if all(isinstance(v, _IMMUTABLE) for v in values.values()) else None


def _shareable(arguments: dict[str, Any]) -> bool:
    """Arguments made of immutable values and lists of them: converted once per request
    (a field under a list, like ``values(columns: $columns)`` on every row of a page, would
    otherwise convert its variables again for each row)."""
    return all(
        isinstance(v, _IMMUTABLE)
        or (isinstance(v, list) and all(isinstance(item, _IMMUTABLE) for item in v))
        for v in arguments.values()
    )


def _copied(arguments: dict[str, Any]) -> dict[str, Any]:
    """A call's own arguments: lists copied, so no resolver sees another call's changes."""
    return {k: list(v) if isinstance(v, list) else v for k, v in arguments.items()}


def _has_variable(value: ValueNode) -> bool:
    if isinstance(value, VariableNode):
        return True
    if isinstance(value, ListValueNode):
        return any(_has_variable(v) for v in value.values)
    if isinstance(value, ObjectValueNode):
        return any(_has_variable(f.value) for f in value.fields)
    return False
