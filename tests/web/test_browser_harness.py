"""The harness's own parts that need no browser: the vendored axe-core is the file its
README names, and the recorder's origin check tells this server from everything else."""

from __future__ import annotations

import hashlib
import re

import pytest
from web_support import AXE, same_origin

ORIGIN = "http://127.0.0.1:8123"


def test_the_vendored_axe_core_is_the_one_its_readme_names() -> None:
    readme = (AXE.parent / "README.md").read_text()
    row = re.search(r"\| `axe\.min\.js` \| axe-core ([\d.]+) \| .* \| `([0-9a-f]{64})` \|", readme)
    assert row, readme
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == row[2]
    assert f"axe-core@{row[1]}" in readme
    assert (AXE.parent / "LICENSE.axe-core").exists()


@pytest.mark.parametrize(
    ("url", "home"),
    [
        (f"{ORIGIN}/", True),
        (f"{ORIGIN}/assets/index-0a1b2c.js", True),
        ("ws://127.0.0.1:8123/graphql", True),
        ("data:image/png;base64,AAAA", True),
        ("blob:http://127.0.0.1:8123/6c1d", True),
        ("about:blank", True),
        ("http://127.0.0.1:8124/", False),  # another port is another origin
        ("https://127.0.0.1:8123/", False),
        ("wss://127.0.0.1:8123/graphql", False),
        ("http://localhost:8123/", False),  # another host name, even if the same machine
        ("https://cdn.jsdelivr.net/npm/graphiql", False),
        ("http://127.0.0.1.evil.example:8123/", False),
    ],
)
def test_same_origin_tells_this_server_from_any_other(url: str, home: bool) -> None:
    assert same_origin(url, ORIGIN) is home
