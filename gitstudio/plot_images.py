"""Images committed to Git (plot images a dvc.yaml declares), by blob id:
``GET /api/projects/{project_id}/blobs/{blob_id}/{name}``, the URL of ``PlotImage.url``.

The caller is who the one gate says (token, session cookie, or anonymous for PUBLIC
projects) and must READ the project (storage.access, as GraphQL decides); a project it may
not read answers as one that does not exist, and so does an unknown or malformed blob id
(nothing is read for one). The blob comes from the project's mirror, bounded by
GITSTUDIO_PLOT_IMAGE_MAX_BYTES (413 before it is read); its content type is sniffed from its
bytes (PNG, JPEG, GIF, SVG; anything else 415), never taken from ``name``, which only names
the download. The blob id is the content hash: the answer is its ETag and never changes.
"""

from __future__ import annotations

import asyncio
import posixpath
from typing import TYPE_CHECKING
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from gitstudio.live_images import IMMUTABLE, image_response, sniff_image
from gitstudio.rest import HttpError, guard
from storage.access import READ
from sync.blobs import BlobTooLarge, is_blob_id, read_blob
from sync.plot_data import IMAGE_TYPES

if TYPE_CHECKING:
    from gitstudio.app import State

SERVED = frozenset(IMAGE_TYPES.values())  # what DVC renders as images


class PlotImages:
    def __init__(self, state: State) -> None:
        self.settings = state.settings
        self.syncer = state.syncer
        self.tokens = state.gate

    def routes(self) -> list[BaseRoute]:
        return [
            Route(
                "/api/projects/{project_id:int}/blobs/{blob_id}/{name:path}",
                guard(self.image),
                methods=["GET"],
            )
        ]

    async def image(self, request: Request) -> Response:
        principal = await self.tokens.caller(request, READ)
        project_id: int = request.path_params["project_id"]
        blob_id: str = request.path_params["blob_id"]
        missing = HttpError(404, f"no image {blob_id!r} in project {project_id}")
        readable = await self.tokens.allows_project(principal, project_id, READ)
        if not readable or not is_blob_id(blob_id):
            raise missing
        limit = self.settings.plot_image_max_bytes
        mirror = self.syncer.mirror_path(project_id)
        try:
            content = await asyncio.to_thread(read_blob, mirror, blob_id, limit)
        except BlobTooLarge as exc:
            raise HttpError(
                413,
                f"image {blob_id} holds {exc.size} bytes, over the bound of {exc.limit}"
                " (GITSTUDIO_PLOT_IMAGE_MAX_BYTES)",
            ) from None
        if content is None:
            raise missing
        media_type = sniff_image(content)
        if media_type not in SERVED:
            raise HttpError(415, f"blob {blob_id} is not a PNG, JPEG, GIF or SVG image")
        return image_response(
            request, content, media_type, blob_id, IMMUTABLE, _named(request.path_params["name"])
        )


def _named(name: str) -> dict[str, str]:
    """The download name a browser saving the image offers: the path's last part."""
    base = posixpath.basename(name)
    if not base:
        return {}
    return {"Content-Disposition": f"inline; filename*=UTF-8''{quote(base, safe='')}"}


def plot_image_routes(state: State) -> list[BaseRoute]:
    return PlotImages(state).routes()
