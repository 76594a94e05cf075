"""Params files edited in place: only the asked values change, everything a person wrote
stays byte for byte; unknown keys and type changes are refused unless allowed."""

from __future__ import annotations

import json
import tomllib

import pytest
import yaml

from storage.errors import DomainError
from sync.params_edit import ParamChange, edit

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
