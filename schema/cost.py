"""Query cost: how many objects an operation may return, known before it runs.

As Saleor's query cost map and GitHub's node limit count it: every object field costs one,
times the page sizes (``first``/``last``, the default page when absent) of the connections
it is nested in. ``projects(first: 100) { nodes { experiments(first: 500) { nodes { id } } } }``
costs 1 + 100 + 100 + 100 x 500. A list of objects outside a connection costs one plus, per
item, one and its selections; the items it is priced at are its bound where it has one
(GITSTUDIO_MAX_COLUMNS for cells and columns, its page, the cells asked) or else the
estimate in :data:`ESTIMATES`. A metric's history costs one per hundred points. Scalars are
free; introspection is bounded by the schema and free too.

An operation whose page sizes are literals is priced once, by a validation rule, so the
validated-documents cache carries the verdict. One whose page sizes come from variables is
priced per request with the request's variables (:func:`operation_cost`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    ASTValidationRule,
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
    ListValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_composite_type,
    is_list_type,
)
from graphql.language.visitor import SKIP, VisitorAction

from resolvers.compare import MAX_IDS
from resolvers.trends import TREND_PAGE

TOO_COMPLEX = "QUERY_TOO_COMPLEX"
_PAGE_ARGUMENTS = ("first", "last")


@dataclass(frozen=True, slots=True)
class Pages:
    default: int  # the page of a connection asked without first/last
    maximum: int  # larger pages are refused by the resolver itself: priced at this
    columns: int = 500  # GITSTUDIO_MAX_COLUMNS: a project's columns, the cells of a row
    experiments_per_commit: int = 20  # GITSTUDIO_COST_EXPERIMENTS_PER_COMMIT (an estimate)
    # the saved views a caller sees of a project: GITSTUDIO_MAX_VIEWS_PER_PROJECT shared and
    # GITSTUDIO_MAX_VIEWS_PER_USER of its own
    views: int = 200


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
        d.variable.name.value: int(d.default_value.value)
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
        inner = self.selections(node.selection_set, named)
        items = self.items(parent.name, node)
        if items is not None:
            return 1 + max(0, items) * (1 + inner)
        if (parent.name, node.name.value) == ("Experiment", "metricHistory"):
            return self.points(node) + inner
        return 1 + self.page(node, definition) * inner

    def items(self, parent: str, node: FieldNode) -> int | None:
        """What a list of objects outside a connection is priced at (None: not such a list)."""
        key = (parent, node.name.value)
        size = _SIZES.get(key)
        return size(self, node) if size is not None else ESTIMATES.get(key)

    def page(self, node: FieldNode, definition: GraphQLField, default: int | None = None) -> int:
        """The page size of a field with first/last (``default`` when absent, the default
        page unless given), at most the largest page; 1 for fields without them."""
        if not any(a in definition.args for a in _PAGE_ARGUMENTS):
            return 1
        sizes = [
            self.value(a.value) for a in node.arguments or () if a.name.value in _PAGE_ARGUMENTS
        ]
        fallback = self.pages.default if default is None else default
        size = max((s for s in sizes if s is not None), default=fallback)
        return max(0, min(size, self.pages.maximum))

    def points(self, node: FieldNode) -> int:
        """metricHistory: one per hundred points asked (maxPoints, 1000 when absent); 0
        (every point) or a value the resolver refuses at its largest, 100000."""
        given = self.argument(node, "maxPoints")
        points = 1000 if given is None else self.value(given)
        if points is None or not 1 <= points <= _MAX_POINTS:
            points = _MAX_POINTS
        return max(1, points // 100)

    def count(self, node: FieldNode, name: str, absent: int) -> int:
        """Items of the list argument ``name`` (``absent`` when not given or null, at most
        ``absent``): a literal list, a variable's list, or one for a single value."""
        given = self.argument(node, name)
        if isinstance(given, ListValueNode):
            return min(len(given.values), absent)
        if isinstance(given, VariableNode):
            self.variables.add(given.name.value)
            found = self.given.get(given.name.value)
            if isinstance(found, list | tuple):
                return min(len(found), absent)
            return 1 if isinstance(found, str) else absent
        return absent if given is None or isinstance(given, NullValueNode) else 1

    def argument(self, node: FieldNode, name: str) -> Any:
        return next((a.value for a in node.arguments or () if a.name.value == name), None)

    def value(self, node: Any) -> int | None:
        """A page size: a literal Int, or a variable's value (None when absent or null:
        the default page). Values graphql-core would coerce into an Int (a whole float)
        count as that Int; anything else as the largest page, never as the default."""
        if isinstance(node, IntValueNode):
            return int(node.value)
        if not isinstance(node, VariableNode):
            return None  # null, or not an Int: validation refuses it
        self.variables.add(node.name.value)
        found = self.given.get(node.name.value)
        if found is None:
            return None
        if isinstance(found, int) and not isinstance(found, bool):
            return found
        if isinstance(found, float) and found.is_integer():
            return int(found)
        return self.pages.maximum


_MAX_POINTS = 100_000  # the largest maxPoints Experiment.metricHistory accepts

# Lists of objects outside connections: how many items each is priced at. Bounded ones by
# their bound; the others by an estimate of a large project (a list longer than its
# estimate is under-priced by that factor, so the estimates lean high).
_Size = Callable[[_Walk, FieldNode], int]
ESTIMATES: dict[tuple[str, str], int] = {
    ("Project", "branches"): 100,
    ("Project", "tags"): 100,
    ("Project", "models"): 50,
    ("Project", "pullRequests"): 50,
    ("Project", "webhooks"): 20,  # GITSTUDIO_MAX_WEBHOOKS_PER_PROJECT's default
    ("Project", "remotes"): 10,  # the DVC remotes of its .dvc/config, and those configured
    ("Model", "versions"): 50,
    ("Model", "stages"): 10,
    ("Model", "history"): 100,
    ("ModelStage", "versions"): 20,
    ("ModelVersion", "history"): 20,
    ("Commit", "modelVersions"): 5,
    ("Experiment", "modelVersions"): 5,
    ("Commit", "errors"): 10,  # files of a commit that failed to parse
    ("Experiment", "errors"): 10,
    ("Comparison", "experiments"): MAX_IDS,  # compare(ids) takes at most that many
    ("Comparison", "files"): 100,  # deps and outs of the rows compared
    ("User", "tokens"): 20,  # a user's live tokens
    ("User", "teams"): 20,  # a user's teams
    ("Query", "teams"): 50,  # the caller's teams (a site admin's: all)
    ("Team", "members"): 50,
    ("Experiment", "plots"): 50,  # a row's plots (each reads the revision's files)
    ("Project", "plots"): 50,
    ("Experiment", "plotErrors"): 20,
    ("Project", "plotErrors"): 50,
    ("Comparison", "plots"): 50,
    ("HideRowsPayload", "experiments"): 1000,  # hideRows/unhideRows take at most 1,000 ids
    ("HideRowsPayload", "branches"): 1000,  # ... and branches, 1,000 of both together
    ("Comparison", "plotErrors"): 50,
    ("Plot", "images"): 100,  # per revision, per step for a live run's images
    ("LiveMetricsEvent", "images"): 20,  # images logged at one step
    ("ProjectSettings", "customFiles"): 50,  # GITSTUDIO_MAX_CUSTOM_FILES's default
}
_SIZES: dict[tuple[str, str], _Size] = {
    # one cell per column asked, every column of the project without `columns`
    ("Experiment", "values"): lambda w, n: w.count(n, "columns", w.pages.columns),
    ("Comparison", "rows"): lambda w, _n: w.pages.columns,
    # all of a project's columns without first (at most GITSTUDIO_MAX_COLUMNS)
    ("Project", "columns"): lambda w, n: min(
        w.page(n, _field(w, "Project", "columns"), w.pages.columns), w.pages.columns
    ),
    ("Query", "unmatchedRepositories"): lambda w, n: w.page(
        n, _field(w, "Query", "unmatchedRepositories")
    ),
    ("Commit", "experiments"): lambda w, _n: w.pages.experiments_per_commit,
    # its page: `first` commits, TREND_PAGE without it
    ("Project", "trends"): lambda w, n: w.page(n, _field(w, "Project", "trends"), TREND_PAGE),
    ("Project", "columnGoals"): lambda w, _n: w.pages.columns,  # at most GITSTUDIO_MAX_COLUMNS
    ("Project", "views"): lambda w, _n: w.pages.views,  # shared and the caller's own, bounded
    ("View", "goals"): lambda w, _n: w.pages.columns,  # a goal per column at most
    ("View", "columnGoals"): lambda w, _n: w.pages.columns,
}


def _field(walk: _Walk, type_name: str, name: str) -> GraphQLField:
    owner = walk.schema.get_type(type_name)
    assert isinstance(owner, GraphQLObjectType)
    found: GraphQLField = owner.fields[name]
    return found


def unpriced_lists(schema: GraphQLSchema) -> list[str]:
    """Lists of objects the cost does not price per item: a connection's own (its page
    is), a payload's errors, and any list with neither a size nor an estimate (a test
    keeps that part empty)."""
    found = []
    for owner in schema.type_map.values():
        if owner.name.startswith("__") or not isinstance(owner, GraphQLObjectType):
            continue
        for name, definition in owner.fields.items():
            listed = is_list_type(get_nullable_type(definition.type))
            if not listed or not is_composite_type(get_named_type(definition.type)):
                continue
            if owner.name.endswith("Connection") and name in ("nodes", "edges"):
                continue
            if name == "errors" and owner.name.endswith("Payload"):
                continue
            if (owner.name, name) not in ESTIMATES.keys() | _SIZES.keys():
                found.append(f"{owner.name}.{name}")
    return found


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
