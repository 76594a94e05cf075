"""Images committed to Git, served by blob id (``GET /api/projects/{id}/blobs/{blob}/{name}``,
gitstudio/plot_images.py), against the real app on SQLite and PostgreSQL: real repositories
whose dvc.yaml declares PNG, JPEG, GIF and SVG plots, projects created by their owner over
GraphQL, the gate's answers for every caller, typed errors for hostile ids, the size bound,
and revalidation by ETag; and the same caching on the live images route."""

from __future__ import annotations

import base64
import hashlib
import io
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pytest
from live_support import event, live_rows, png, post_live
from PIL import Image
from support import Api, git

from gitstudio.app import create_app
from gitstudio.live_images import sniff_image
from storage import db, limits
from storage.tokens import Scope, create_token
from storage.users import create_user
from sync.blobs import BlobTooLarge, read_blob

PASSWORD = "correct horse battery staple"
IMMUTABLE = "private, max-age=31536000, immutable"
CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
SVG = (
    b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n'
    b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">'
    b'<script>alert(document.cookie)</script><rect width="4" height="4" fill="red"/></svg>\n'
)
# An HTML page holding an <svg>: not an SVG document, never served as one.
PAGE = b"<!DOCTYPE html><html><body><svg></svg><script>alert(1)</script></body></html>\n"


def raster(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (3, 2), (10, 120, 200)).save(out, kind)
    return out.getvalue()


FILES = {
    "plots/loss.png": (png(), "image/png"),
    "plots/sample.jpg": (raster("JPEG"), "image/jpeg"),
    "plots/anim.gif": (raster("GIF"), "image/gif"),
    "plots/shape.svg": (SVG, "image/svg+xml"),
}
TEXT = "notes.txt"
DISGUISED = "plots/page.svg"


@dataclass
class Gallery:
    api: Api
    ids: dict[str, int]  # "private" / "public" -> project id
    blobs: dict[str, str]  # path -> blob id (the same in both repositories)
    tokens: dict[str, str | None]  # "owner", "other", "anonymous"
    experiment: int  # a live run of the private project holding an image
    owner: str  # the owner's user name

    def url(self, kind: str, path: str, blob: str | None = None) -> str:
        return f"/api/projects/{self.ids[kind]}/blobs/{blob or self.blobs[path]}/{path}"

    async def get(
        self, url: str, caller: str = "owner", headers: dict[str, str] | None = None
    ) -> httpx.Response:
        token = self.tokens[caller]
        auth = {"Authorization": f"token {token}"} if token else {}
        return await self.api.client.get(url, headers={**auth, **(headers or {})})


def gallery_repo(repo: Path) -> Path:
    """A repository whose dvc.yaml declares its images as plots, plus a text file."""
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for path, (content, _type) in FILES.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(content)
    (repo / DISGUISED).write_bytes(PAGE)
    (repo / TEXT).write_text("not an image\n")
    (repo / "dvc.yaml").write_text("plots:\n" + "".join(f"  - {p}\n" for p in FILES))
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "plots")
    return repo


CREATE = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { id } errors { code message } } }"""


@pytest.fixture(scope="module")
async def gallery(api: Api, tmp_path_factory: pytest.TempPathFactory) -> Gallery:
    tag = f"pi{api.backend[:2]}{time.monotonic_ns() % 10**9}"
    owner = await create_user(f"{tag}-owner", password=PASSWORD)
    other = await create_user(f"{tag}-other")
    scopes = frozenset({Scope.READ, Scope.PROJECTS, Scope.EXPERIMENTS})
    tokens: dict[str, str | None] = {
        "owner": (await create_token("owner", scopes, user_id=owner.id))[1],
        "other": (await create_token("other", frozenset({Scope.READ}), user_id=other.id))[1],
        "anonymous": None,
    }
    root = tmp_path_factory.mktemp("plot-images")
    ids = {}
    for kind in ("private", "public"):
        repo = gallery_repo(root / kind)
        body = await api.gql(
            CREATE,
            {"input": {"repoUrl": str(repo), "name": f"{tag}-{kind}", "visibility": kind.upper()}},
            token=tokens["owner"],
        )
        assert body["data"]["createProject"]["errors"] == [], body
        found = await db.fetch("SELECT id FROM projects WHERE name = ?", [f"{tag}-{kind}"])
        ids[kind] = int(found[0]["id"])
    blobs = {p: git(repo, "rev-parse", f"HEAD:{p}") for p in [*FILES, TEXT, DISGUISED]}
    blobs["tree"] = git(repo, "rev-parse", "HEAD^{tree}")
    blobs["commit"] = git(repo, "rev-parse", "HEAD")
    image = {"dvclive/plots/images/a.png": {"image": base64.b64encode(png()).decode()}}
    sent = event("data", str(root / "private"), blobs["commit"], "pic", step=1, plots=image)
    answer = await post_live(api, sent, tokens["owner"])
    assert answer.status_code == 200, answer.text
    experiment = int((await live_rows(ids["private"]))[0]["id"])
    return Gallery(api, ids, blobs, tokens, experiment, owner.name)


async def test_the_owner_reads_each_image_as_committed(gallery: Gallery) -> None:
    for path, (content, media_type) in FILES.items():
        response = await gallery.get(gallery.url("private", path))
        assert response.status_code == 200, (path, response.text)
        assert response.content == content
        headers = response.headers
        assert headers["content-type"] == media_type
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["etag"] == f'"{gallery.blobs[path]}"'
        assert headers["cache-control"] == IMMUTABLE
        assert headers["content-disposition"] == f"inline; filename*=UTF-8''{path.split('/')[-1]}"
    svg = await gallery.get(gallery.url("private", "plots/shape.svg"))
    assert svg.headers["content-security-policy"] == CSP


async def test_the_name_never_decides_the_type(gallery: Gallery) -> None:
    """The path in the URL is only a download name: a PNG named .svg is a PNG."""
    url = gallery.url("private", "plots/loss.png").replace("loss.png", "evil.svg")
    response = await gallery.get(url)
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"


@pytest.mark.parametrize(
    ("caller", "kind"),
    [(c, k) for c in ("owner", "other", "anonymous") for k in ("private", "public")],
)
async def test_plot_images_need_read(gallery: Gallery, caller: str, kind: str) -> None:
    """READ on the project, as the gate decides everywhere: a project the caller may not
    read answers exactly as one that does not exist (anonymous: 401, as every REST route
    answers it, since a token may see more; a user: 404)."""
    path = "plots/loss.png"
    response = await gallery.get(gallery.url(kind, path), caller)
    if caller == "owner" or kind == "public":
        assert response.status_code == 200, response.text
        assert response.content == FILES[path][0]
        return
    unknown = 2**31 - 9
    missing = await gallery.get(
        f"/api/projects/{unknown}/blobs/{gallery.blobs[path]}/{path}", caller
    )
    assert response.status_code == missing.status_code == (401 if caller == "anonymous" else 404)
    hidden = response.json()
    assert hidden["code"] == missing.json()["code"]
    assert hidden["detail"].removesuffix(str(gallery.ids[kind])) == missing.json()[
        "detail"
    ].removesuffix(str(unknown))
    # Nor does an unknown blob of the hidden project tell it apart.
    other_blob = await gallery.get(gallery.url(kind, path, "0" * 40), caller)
    assert other_blob.status_code == response.status_code


async def test_a_signed_in_browser_reads_through_its_session(api: Api, gallery: Gallery) -> None:
    """An <img> on the dashboard sends the session cookie, no Authorization header."""
    app = create_app(api.settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
        before = await browser.get(gallery.url("private", "plots/loss.png"))
        assert before.status_code == 401, before.text
        login = await browser.post("/login", json={"name": gallery.owner, "password": PASSWORD})
        assert login.status_code == 200, login.text
        after = await browser.get(gallery.url("private", "plots/loss.png"))
        assert after.status_code == 200 and after.content == FILES["plots/loss.png"][0]


@pytest.mark.parametrize(
    "blob",
    [
        "0" * 40,  # well formed, not in the repository
        "z" * 40,  # not hex
        "abc123",  # too short
        "a" * 41,  # too long
        "tree",  # a tree, not a blob
        "commit",  # a commit, not a blob
        "upper",  # an image's id in upper case: not as Git writes ids
        "..",
        "%2e%2e",
        "..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e%2f%2e%2e%2fHEAD",
    ],
)
async def test_unknown_and_malformed_blob_ids_are_not_found(gallery: Gallery, blob: str) -> None:
    blob_id = gallery.blobs.get(blob, blob)
    if blob == "upper":
        blob_id = gallery.blobs["plots/loss.png"].upper()
    response = await gallery.get(gallery.url("private", "x.png", blob_id))
    assert response.status_code == 404, response.text
    assert response.json()["code"] == "NOT_FOUND"


async def test_project_ids_out_of_range_are_not_found(gallery: Gallery) -> None:
    blob = gallery.blobs["plots/loss.png"]
    response = await gallery.get(f"/api/projects/{2**63}/blobs/{blob}/loss.png")
    assert response.status_code == 404 and response.json()["code"] == "NOT_FOUND"


@pytest.mark.parametrize("path", [TEXT, DISGUISED])
async def test_a_blob_that_is_not_an_image_is_unsupported(gallery: Gallery, path: str) -> None:
    response = await gallery.get(gallery.url("private", path).replace(path, "x.png"))
    assert response.status_code == 415, response.text
    assert response.json()["code"] == "UNSUPPORTED"
    assert "image" not in response.headers["content-type"]


@pytest.fixture
async def bounded(api: Api) -> AsyncIterator[httpx.AsyncClient]:
    """A second app over the same database and mirrors, with a 100-byte image bound."""
    app = create_app(replace(api.settings, plot_image_max_bytes=100))
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c
    finally:
        limits.configure(api.settings)


async def test_an_image_over_the_bound_is_too_large(
    gallery: Gallery, bounded: httpx.AsyncClient
) -> None:
    auth = {"Authorization": f"token {gallery.tokens['owner']}"}
    small, large = "plots/loss.png", "plots/shape.svg"
    assert len(FILES[small][0]) <= 100 < len(FILES[large][0])
    refused = await bounded.get(gallery.url("private", large), headers=auth)
    assert refused.status_code == 413, refused.text
    assert refused.json()["code"] == "TOO_LARGE"
    assert "GITSTUDIO_PLOT_IMAGE_MAX_BYTES" in refused.json()["detail"]
    served = await bounded.get(gallery.url("private", small), headers=auth)
    assert served.status_code == 200 and served.content == FILES[small][0]


async def test_an_image_the_client_holds_is_not_sent_again(gallery: Gallery) -> None:
    url = gallery.url("private", "plots/sample.jpg")
    first = await gallery.get(url)
    etag = first.headers["etag"]
    for held in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        again = await gallery.get(url, headers={"If-None-Match": held})
        assert again.status_code == 304, held
        assert again.content == b""
        assert again.headers["etag"] == etag
        assert again.headers["cache-control"] == IMMUTABLE
    changed = await gallery.get(url, headers={"If-None-Match": '"other"'})
    assert changed.status_code == 200 and changed.content == FILES["plots/sample.jpg"][0]
    # Revalidation is no way around the gate.
    hidden = await gallery.get(url, "other", headers={"If-None-Match": etag})
    assert hidden.status_code == 404


async def test_live_images_are_cached_by_their_digest(gallery: Gallery) -> None:
    url = f"/api/live/images/{gallery.experiment}/dvclive/plots/images/a.png"
    first = await gallery.get(url)
    assert first.status_code == 200 and first.content == png()
    digest = hashlib.sha256(png()).hexdigest()
    assert first.headers["etag"] == f'"{digest}"'
    assert first.headers["x-content-type-options"] == "nosniff"
    assert first.headers["content-security-policy"] == CSP
    assert first.headers["x-image-step"] == "1"
    again = await gallery.get(url, headers={"If-None-Match": f'"{digest}"'})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == f'"{digest}"'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
        (b"\n  <svg>", "image/svg+xml"),
        (SVG, "image/svg+xml"),
        (b"<?xml version='1.0'?><?xml-stylesheet href='a.css'?><svg/>", "image/svg+xml"),
        (PAGE, "application/octet-stream"),
        (b"<svgx>", "application/octet-stream"),
        (b"<?xml version='1.0'?><html><svg/></html>", "application/octet-stream"),
        (b"<!-- " + b"-" * 2000 + b" --><svg/>", "application/octet-stream"),  # past the look
        (b"<!--" * 5000, "application/octet-stream"),  # hostile, answered at once
        (b" " * 5000 + b"x", "application/octet-stream"),
    ],
)
def test_svg_is_recognised_by_its_root_element(head: bytes, expected: str) -> None:
    assert sniff_image(head) == expected


def test_read_blob_bounds_packed_and_loose_objects_by_their_header(tmp_path: Path) -> None:
    """sync.blobs.read_blob on a repository packed by `git gc` and on loose objects."""
    repo = gallery_repo(tmp_path / "repo")
    blob = git(repo, "rev-parse", "HEAD:plots/shape.svg")
    for state in ("loose", "packed"):
        if state == "packed":
            git(repo, "gc", "-q")
            assert not list((repo / ".git" / "objects").glob("??/*")), "still loose"
        mirror = repo / ".git"
        assert read_blob(mirror, blob, len(SVG)) == SVG, state
        with pytest.raises(BlobTooLarge) as refused:
            read_blob(mirror, blob, len(SVG) - 1)
        assert (refused.value.size, refused.value.limit) == (len(SVG), len(SVG) - 1)
        for other in (git(repo, "rev-parse", "HEAD"), "0" * 40, blob.upper(), blob[:39], "../x"):
            assert read_blob(mirror, other, 10**6) is None, (state, other)
    assert read_blob(tmp_path / "no-such-mirror", blob, 10**6) is None
