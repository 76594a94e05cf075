"""Params files edited in place: only the asked values change, everything a person wrote
stays byte for byte; unknown keys and type changes are refused unless allowed."""

from __future__ import annotations

import json
import random
import tomllib

import pytest
import yaml

from storage.errors import DomainError
from sync.params_edit import ParamChange, _edit_yaml_fast, _edit_yaml_ruamel, edit

YAML_TEXT = b"""# training parameters (tuned by hand)
lr: 0.001   # learning rate
epochs: 10
model:
  depth: 4        # layers
  activation: 'relu'
layers: [8, 16, 32]
seed: 1000
use_bias: true
"""


def test_yaml_keeps_comments_order_and_quotes() -> None:
    changed = edit(
        "params.yaml",
        YAML_TEXT,
        [
            ParamChange("params.yaml", "lr", 0.01),
            ParamChange("params.yaml", "model.depth", 6),
            ParamChange("params.yaml", "layers.1", 24),
        ],
    )
    before, after = YAML_TEXT.decode().splitlines(), changed.decode().splitlines()
    assert len(before) == len(after)
    differing = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert differing == [
        ("lr: 0.001   # learning rate", "lr: 0.01    # learning rate"),  # same comment column
        ("  depth: 4        # layers", "  depth: 6        # layers"),
        ("layers: [8, 16, 32]", "layers: [8, 24, 32]"),
    ]
    loaded = yaml.safe_load(changed)
    assert loaded["model"] == {"depth": 6, "activation": "relu"}


def test_json_keeps_order_and_indent() -> None:
    text = json.dumps({"b": 1, "a": {"x": 1.5, "y": "s"}}, indent=4).encode() + b"\n"
    changed = edit("params.json", text, [ParamChange("params.json", "a.x", 2)])
    assert changed == json.dumps({"b": 1, "a": {"x": 2, "y": "s"}}, indent=4).encode() + b"\n"


def test_toml_keeps_comments() -> None:
    text = b'# config\n[train]\nlr = 0.1  # step size\nname = "base"\n'
    changed = edit("config/train.toml", text, [ParamChange("config/train.toml", "train.lr", 0.2)])
    assert changed == b'# config\n[train]\nlr = 0.2  # step size\nname = "base"\n'
    assert tomllib.loads(changed.decode())["train"]["lr"] == 0.2


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (ParamChange("params.yaml", "lr_typo", 0.1), "NOT_FOUND"),
        (ParamChange("params.yaml", "model.width", 8), "NOT_FOUND"),
        (ParamChange("params.yaml", "layers.7", 1), "NOT_FOUND"),
        (ParamChange("params.yaml", "epochs", "ten"), "INVALID"),
        (ParamChange("params.yaml", "use_bias", 1), "INVALID"),
        (ParamChange("params.yaml", "epochs", 10.5), "INVALID"),
        (ParamChange("params.yaml", "seed.x", 1), "INVALID"),
    ],
)
def test_unknown_keys_and_type_changes_are_refused(change: ParamChange, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        edit("params.yaml", YAML_TEXT, [change])
    assert caught.value.code == code and caught.value.field == "paramChanges"


def test_new_keys_and_type_changes_when_allowed() -> None:
    changed = edit(
        "params.yaml",
        YAML_TEXT,
        [
            ParamChange("params.yaml", "model.width", 64, new=True),
            ParamChange("params.yaml", "epochs", "auto", retype=True),
            ParamChange("params.yaml", "lr", 1),  # an int where a float was: allowed
        ],
    )
    loaded = yaml.safe_load(changed)
    assert loaded["model"]["width"] == 64 and loaded["epochs"] == "auto" and loaded["lr"] == 1
    assert b"# training parameters (tuned by hand)" in changed


def test_python_params_are_not_edited() -> None:
    with pytest.raises(DomainError) as caught:
        edit("params.py", b"lr = 0.1\n", [ParamChange("params.py", "lr", 0.2)])
    assert caught.value.code == "INVALID"


# --- the YAML fast path against the ruamel round trip ------------------------------------
#
# _edit_yaml_fast must return exactly what _edit_yaml_ruamel returns whenever it returns
# anything; it returns None (the caller then uses ruamel) for what it does not handle.


def _outcome(content: bytes, changes: list[ParamChange]) -> bytes | Exception:
    try:
        return _edit_yaml_ruamel(content, changes)
    except Exception as error:  # ruamel's own errors as well as DomainErrors
        return error


def _same_as_ruamel(content: bytes, changes: list[ParamChange]) -> bool:
    """True if the fast path took the edit (and then it must match ruamel byte for byte)."""
    fast = _edit_yaml_fast(content, changes)
    if fast is None:
        return False
    expected = _outcome(content, changes)
    assert fast == expected, (content, changes)
    return True


def _changes(*items: tuple[str, object]) -> list[ParamChange]:
    return [ParamChange("params.yaml", path, value) for path, value in items]


GENERATED = b"""lr: 0.001
epochs: 6
model:
  depth: 5
  width: 128
  activation: relu
seed: 1
use_bias: true
layers:
- 56
- 14
- 47
"""

COMMENTED = """# training parameters (tuned by hand)
lr: 0.001   # learning rate
epochs: 10

model:  # the network
  depth: 4        # layers
  activation: 'relu'
  name: "base net"   # quoted
  dropout: 0.25
  # a comment inside the block
  heads:
  - 8     # first
  - 16
  note: naïve \u2013 日本語
optimizer:
  name: adam
  betas:
  - 0.9
  - 0.999
  eps: 1e-08
  schedule:
    kind: cosine
    warmup: 100
empty:
seed: 1000
use_bias: true   # bias
# trailing comment

""".encode()

ACCEPTED = [
    (GENERATED, _changes(("lr", 0.02))),
    (GENERATED, _changes(("lr", 1e-05), ("model.depth", 12), ("layers.2", 64))),
    (GENERATED, _changes(("model.activation", "gelu"), ("use_bias", False), ("seed", 7))),
    (GENERATED, _changes(("lr", 3), ("epochs", 10**30), ("model.depth.", -5))),
    (GENERATED, _changes(("lr", float("inf")))),
    (GENERATED, _changes(("lr", float("nan")))),
    (GENERATED, _changes(("lr", -0.0))),
    (GENERATED, _changes(("lr", 0.1 + 0.2))),
    (GENERATED, _changes(("lr", 1e300), ("model.width", -3))),
    (GENERATED, []),
    (COMMENTED, []),
    (COMMENTED, _changes(("lr", 0.01))),  # the comment keeps its column
    (COMMENTED, _changes(("lr", 0.012345678901))),  # longer than the gap: one space
    (COMMENTED, _changes(("model.depth", 123456789012345))),
    (COMMENTED, _changes(("model.activation", "tanh"))),  # quotes kept
    (COMMENTED, _changes(("model.activation", "it's"))),
    (COMMENTED, _changes(("model.activation", "a: b # c"))),
    (COMMENTED, _changes(("model.name", "wide net"), ("model.dropout", 0.5))),
    (COMMENTED, _changes(("model.name", "é ü"))),
    (COMMENTED, _changes(("model.heads.0", 4), ("model.heads.1", 32))),
    (COMMENTED, _changes(("optimizer.betas.1", 0.99), ("optimizer.eps", 1e-07))),
    (COMMENTED, _changes(("optimizer.schedule.warmup", 5), ("optimizer.name", "sgd"))),
    (COMMENTED, _changes(("model.note", "ascii"), ("use_bias", False))),
    (COMMENTED.replace(b"\n", b"\r\n"), _changes(("lr", 0.5), ("model.heads.0", 1))),
    (b"a: x\n", _changes(("a", "yes"))),  # a string in YAML 1.2
    (b"a: 'x'\n", _changes(("a", "true"))),
    (b"a: 1\n", [ParamChange("p.yaml", "a", "one", retype=True)]),
    (b"a: x\n", [ParamChange("p.yaml", "a", 2.5, retype=True)]),
    (b"a:\n  b:\n    c:\n      d: 1 # deep\n", _changes(("a.b.c.d", 22222))),
]


@pytest.mark.parametrize(("content", "changes"), ACCEPTED)
def test_fast_path_takes_common_edits_byte_for_byte(
    content: bytes, changes: list[ParamChange]
) -> None:
    assert _same_as_ruamel(content, changes)


FALLBACK = [
    (b"a: [1, 2]\nb: 1\n", _changes(("b", 2))),  # flow sequence
    (b"a: {x: 1}\nb: 1\n", _changes(("b", 2))),  # flow mapping
    (b"a: &x 1\nb: *x\n", _changes(("a", 2))),  # anchor and alias
    (b"a: !!float 1\n", _changes(("a", 2))),  # tag
    (b"a: |\n  text\nb: 1\n", _changes(("b", 2))),  # block scalar
    (b"a: two\n  lines\n", _changes(("a", "x"))),  # multi-line plain scalar
    (b'a: "tab\\t"\n', _changes(("a", "x"))),  # escape
    (b"a: 1\na: 2\n", _changes(("a", 3))),  # duplicate key
    (b"a:\n    b: 1\n", _changes(("a.b", 2))),  # indentation ruamel rewrites
    (b"a:\n  - 1\n", _changes(("a.0", 2))),  # sequence indentation ruamel rewrites
    (b"a:   1\n", _changes(("a", 2))),  # spacing ruamel rewrites
    (b"a: 1  \n", _changes(("a", 2))),  # trailing spaces
    (b"a: True\n", _changes(("a", False))),  # ruamel writes true
    (b"---\na: 1\n", _changes(("a", 2))),  # document marker
    (b"\na: 1\n", _changes(("a", 2))),  # leading empty line
    (b"a: 1", _changes(("a", 2))),  # no final line break
    (b"a: 0x1f\n", _changes(("a", 2))),
    (b"a: 1.2345678901234567\n", _changes(("a", 2.0))),  # ruamel may rewrite the digits
    (b"a:\n- x: 1\n", _changes(("a.0.x", 2))),  # mapping in a sequence
    (b"a: 1\n", _changes(("b", 2))),  # unknown key: ruamel raises
    (b"a: 1\n", _changes(("a", "x"))),  # type change: ruamel raises
    (b"a: 1\n", _changes(("a", 2), ("a", 3))),  # the same value twice
    (b"a: 1\n", [ParamChange("p.yaml", "a", 2, new=True)]),
    (b"a: x\n", _changes(("a", "x y: z"))),  # a plain string that needs quotes
    (b"a: x\n", _changes(("a", "line\nbreak"))),
    (b"a:\nb: 1\n", _changes(("a", 2))),  # null
    (b"a: 1\n", _changes(("a", [1, 2]))),
    (b"\xef\xbb\xbfa: 1\n", _changes(("a", 2))),  # byte order mark
    (b"a: 1\t# tab\n", _changes(("a", 2))),
    (b"# only a comment\n", _changes(("a", 2))),
]


@pytest.mark.parametrize(("content", "changes"), FALLBACK)
def test_fast_path_leaves_the_rest_to_ruamel(content: bytes, changes: list[ParamChange]) -> None:
    assert _edit_yaml_fast(content, changes) is None


# A random corpus: documents mostly in the accepted layout, with constructs that are not
# mixed in, and random changes (existing values, missing keys, other types).

_VALUES = [
    "0", "7", "-12", "1000", "123456789012", "0.001", "1.0", "-0.5", "1e-05", "1.5e-07",
    "1e+16", "0.00100", "100.0", "3.14159", "1.0e-3", "0.5e-3", "123456789.12345",
    "1.23456789012e+20", "true", "false", "yes", "no", "on", "off", "y", "relu", "gelu",
    "x y", "a-b_c.d/e", "é", "naïve \u2013 日本語", "it's", "x-", "snake_case", "CamelCase",
    "with.dot", "'quoted'", "'it''s'", "' spaced '", '"dq"', '"é"', "'é'", "'a # b'",
]  # fmt: skip
_ODD_VALUES = [
    "-0", "+1", "007", "1_000", "0x1F", "2.5E3", "1.", ".5", "00.5", "1e400", "1e-400",
    "1.2345678901234e+20", "1234567890.1234567", ".inf", ".nan", "True", "FALSE", "~", "null",
    "Null", "x  y", "a:b", "a: b", "-x", "- x", "?x", ":x", "%x", "@x", "x:", "a,b", "[x]",
    "''", '""', '"a\\tb"', "[1, 2]", "[]", "{a: 1}", "{}", "&a 1", "*a", "!!str 1", "!x y",
    "|", ">", "x # y", "x #y", "2001-12-14", "<<", "=", "x\u00a0y",
]  # fmt: skip
_COMMENTS = ["", "", "", "", " # c", "    # aligned", "  #", " #  é x", "   #:", " #- x"]
_KEYS = ["a", "lr", "model", "depth", "x_y", "k-1", "é", "n.m", "yes", "on", "y", "No"]
_ODD_KEYS = ["true", "1", "'q'", "a b", "x:y", "<<", "? x"]
_NEW_VALUES: list[object] = [
    0, 1, -7, 10**20, True, False, 0.5, -0.25, 1e-05, 1e16, 1.5e-300, 0.1 + 0.2,
    float("inf"), float("-inf"), float("nan"), 3.0, "relu", "x y", "yes", "true", "1.5",
    "", " lead", "it's", 'say "hi"', "a: b", "#x", "-", "é", "tab\there", "two\nlines",
    "back\\slash", "日本", "x \u2013 y", "x,y", None, [1], {"a": 1},
]  # fmt: skip


def _document(rng: random.Random, odd: float) -> tuple[bytes, list[str]]:
    """A random document and the paths of its scalars; ``odd`` is the probability of each
    construct being one the fast path should not take."""
    lines: list[str] = []
    leaves: list[str] = []

    def value() -> str:
        return rng.choice(_ODD_VALUES if rng.random() < odd else _VALUES)

    def block(indent: int, prefix: str, depth: int) -> None:
        used: set[str] = set()
        for _ in range(rng.randint(1, 5)):
            pad = " " * indent
            if rng.random() < 0.12:
                at = rng.choice([0, indent, indent + 2, 1, 5])
                lines.append(" " * at + "# note" if rng.random() < 0.9 else "")
            if rng.random() < 0.1:
                lines.append("" if rng.random() > odd else " ")
            if rng.random() < 0.15:
                key = rng.choice(_ODD_KEYS if rng.random() < odd else _KEYS)
            else:
                key = f"k{len(lines)}"
            if key in used and rng.random() > odd:
                key = f"d{len(lines)}"
            used.add(key)
            path = f"{prefix}{key}"
            roll = rng.random()
            if roll < 0.18 and depth < 3:
                lines.append(f"{pad}{key}:{rng.choice(_COMMENTS)}")
                step = 2 if rng.random() > odd else rng.choice([1, 3, 4])
                block(indent + step, path + ".", depth + 1)
            elif roll < 0.3:
                lines.append(f"{pad}{key}:{rng.choice(_COMMENTS)}")
                offset = 0 if rng.random() > odd else 2
                for index in range(rng.randint(1, 4)):
                    if rng.random() < 0.08:
                        lines.append(" " * rng.choice([0, indent, indent + 2]) + "# between")
                    if rng.random() < 0.05:
                        lines.append("")
                    lines.append(f"{pad}{' ' * offset}- {value()}{rng.choice(_COMMENTS)}")
                    leaves.append(f"{path}.{index}")
            elif roll < 0.34:
                lines.append(f"{pad}{key}:{rng.choice(_COMMENTS)}")  # null
                leaves.append(path)
            else:
                gap = " " if rng.random() > odd else rng.choice(["  ", ""])
                lines.append(f"{pad}{key}:{gap}{value()}{rng.choice(_COMMENTS)}")
                leaves.append(path)

    if rng.random() < 0.2:
        lines.append("# header")
    if rng.random() < odd:
        lines.append(rng.choice(["", "---", "%YAML 1.2\n---"]))
    block(0, "", 0)
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        lines.append(rng.choice(["", "# end", "  # end"]))
    text = "\n".join(lines) + ("\n" if rng.random() > odd else "")
    if rng.random() < 0.15:
        text = text.replace("\n", "\r\n")
    return text.encode(), leaves


def _random_changes(rng: random.Random, leaves: list[str]) -> list[ParamChange]:
    changes = []
    for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
        path = rng.choice(leaves) if leaves and rng.random() < 0.9 else "missing.key"
        if rng.random() < 0.5:
            value = rng.choice(_NEW_VALUES)
        else:  # most edits keep the type: a random value of the same kind
            value = rng.choice([rng.randint(-999, 99999), round(rng.random(), 4), rng.random()])
        retype, new = rng.random() < 0.15, rng.random() < 0.03
        changes.append(ParamChange("params.yaml", path, value, new=new, retype=retype))
    return changes


def test_fast_path_matches_ruamel_on_a_random_corpus() -> None:
    rng = random.Random(20240611)
    taken = 0
    for _ in range(700):
        content, leaves = _document(rng, odd=0.01)
        taken += _same_as_ruamel(content, _random_changes(rng, leaves))
        taken += _same_as_ruamel(content, [])  # the unchanged file: layout checks alone
    assert taken > 400, f"the fast path took only {taken} of 1400 edits"
