"""The gto CLI as the oracle of the model registry, shared by the registry tests."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from support import Api

from resolvers.models import registries
from sync.registry import gto_history, gto_show, gto_versions

GTO = shutil.which("gto") or str(Path(sys.executable).parent / "gto")


def gto(repo: Path, *args: str) -> Any:
    done = subprocess.run(
        [GTO, *args, "-r", str(repo), "--json"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def without_enrichments(versions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in version.items() if k != "enrichments"} for version in versions]


async def project_id(api: Api, name: str) -> int:
    data = await api.data('{ project(name: "%s") { databaseId } }' % name)
    return int(data["project"]["databaseId"])


async def assert_same_as_gto(api: Api, repo: Path, name: str) -> None:
    pid = await project_id(api, name)
    registry = (await registries([pid]))[pid].registry
    assert gto_show(registry) == gto(repo, "show")
    assert gto_history(registry) == gto(repo, "history")
    for artifact in registry.artifacts:
        assert gto_versions(registry, artifact) == without_enrichments(
            gto(repo, "show", artifact)
        ), artifact
