"""sync.artifacts_edit against DVC itself: for each layout of dvc.yaml, the file written
parses to what ``dvc``'s own ``Artifacts.add`` writes (its ``modify_yaml`` and
``Artifact.to_dict``), and the bytes of the rest of the file stay as they were wherever the
text edit applies. Refusals: a declared name (CONFLICT), a file that is not a mapping or does
not parse (INVALID). A few hundred bytes of YAML aliases are compared, not unfolded."""

from __future__ import annotations

import itertools
import string
from pathlib import Path
from typing import Any

import pytest
from dvc.annotations import Artifact
from dvc.utils.serialize import modify_yaml

from storage.errors import DomainError
from sync.artifacts_edit import declare, entry
from sync.formats import parse_file
from sync.write_policy import ModelDeclaration

MODEL = ModelDeclaration(
    "segformer", "weights/seg.pt", "model", "Segments images: 3 classes", ("cv", "seg")
)

# name -> (dvc.yaml, whether the old bytes stay a prefix or frame of the result)
LAYOUTS: dict[str, tuple[str, bool]] = {
    "absent": ("", True),
    "stages-only": ("stages:\n  train:\n    cmd: python train.py  # go\n", True),
    "no-final-newline": ("stages:\n  train:\n    cmd: x", True),
    "section-last": ("# models\nartifacts:\n  old:\n    path: o.pt\n    type: model\n", True),
    "section-between": (
        "stages:\n  t:\n    cmd: x\nartifacts:\n    old:\n        path: o.pt\n# trailing\n\n"
        "plots:\n- a.json\n",
        True,
    ),
    "flow-section": ("artifacts: {old: {path: o.pt}}\nstages: {}\n", False),
    "empty-section": ("artifacts:\nstages:\n  t:\n    cmd: x\n", False),
    "crlf": ("stages:\r\n  t:\r\n    cmd: x\r\n", False),
    "anchors": ("vars:\n- &v {a: 1}\nstages:\n  t:\n    cmd: x\n    params: [*v]\n", True),
}


def dvc_writes(tmp: Path, text: str) -> Any:
    """What ``dvc``'s ``Artifacts.add`` leaves in the file (its code, in place)."""
    path = tmp / "dvc.yaml"
    path.write_bytes(text.encode())
    with modify_yaml(path) as data:
        if "artifacts" in data and data["artifacts"] is None:
            data["artifacts"] = {}  # dvc's own add fails on an empty section; gitstudio fills it
        data.setdefault("artifacts", {}).update(
            {MODEL.name: Artifact(**{**entry(MODEL), "labels": list(MODEL.labels)}).to_dict()}
        )
    return parse_file("dvc.yaml", path.read_bytes())


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_file_holds_what_dvc_writes_and_keeps_its_bytes(layout: str, tmp_path: Path) -> None:
    text, kept = LAYOUTS[layout]
    written = declare("dvc.yaml", text.encode(), MODEL.name, entry(MODEL))
    assert parse_file("dvc.yaml", written) == dvc_writes(tmp_path, text)
    if kept:  # the old lines, in order, with only the entry's lines added among them
        old, new = text.splitlines(), written.decode().splitlines()
        added = 7 + ("artifacts:" not in text)  # name, path, desc, type, labels, 2 labels
        assert len(new) == len(old) + added
        rest = iter(new)
        assert all(any(line == got for got in rest) for line in old)


def test_the_entry_is_written_as_dvc_orders_it() -> None:
    assert declare("dvc.yaml", b"", "m", entry(MODEL)).decode() == (
        "artifacts:\n  m:\n    path: weights/seg.pt\n    desc: 'Segments images: 3 classes'\n"
        "    type: model\n    labels:\n    - cv\n    - seg\n"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("artifacts:\n  segformer:\n    path: x\n", "CONFLICT"),
        ("- a\n- b\n", "INVALID"),
        ("artifacts: [a]\n", "INVALID"),
        ("stages: {\n", "INVALID"),
    ],
)
def test_refusals(text: str, code: str) -> None:
    with pytest.raises(DomainError) as raised:
        declare("dvc.yaml", text.encode(), MODEL.name, entry(MODEL))
    assert (raised.value.code, raised.value.field) == (code, "name")


def test_aliases_are_compared_not_unfolded() -> None:
    names = string.ascii_lowercase[:16]
    bomb = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in itertools.pairwise(names)
    )
    written = declare("dvc.yaml", bomb.encode(), "m", {"path": "x"})
    assert written.decode() == bomb + "artifacts:\n  m:\n    path: x\n"
