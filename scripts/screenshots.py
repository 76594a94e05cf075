"""Screenshots of the dashboard's pages for the README: ``python scripts/screenshots.py``.

Starts ``gitstudio serve --demo`` on a fresh data directory (with a site admin who signs in
through /login), drives the system's Chromium with Playwright (``apt-get install chromium``;
``pip install -e '.[test]'`` brings Playwright) at 1280x800 and saves one PNG per page into
docs/screenshots/ (or the directory given). Each shot waits for the content it shows, never
for a fixed time. Chromium resolves no host but 127.0.0.1, as in the browser tests.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote

import httpx
from playwright.async_api import Page, async_playwright

ROOT = Path(__file__).resolve().parent.parent
USER = "demo-user"
PASSWORD = "a long password for the screenshots"  # noqa: S105 (a throwaway server's)
SIZE = {"width": 1280, "height": 800}
LIMIT = 300_000  # bytes: the README's images stay small


def cli(data_dir: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``gitstudio serve --demo`` with a site admin, once /healthz answers."""
    cli(data_dir, "user", "create", USER, "--admin", "--password-stdin", stdin=PASSWORD + "\n")
    port = free_port()
    log = (data_dir / "server.log").open("wb")
    args = ["serve", "--demo", "--data-dir", str(data_dir), "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, "-m", "gitstudio.cli", *args],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server exited:\n{(data_dir / 'server.log').read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return server, url
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.kill()
    sys.exit("the server did not start")


async def projects(page: Page) -> None:
    await page.goto("/")
    await page.get_by_role("link", name="demo", exact=True).wait_for()


async def experiments(page: Page) -> None:
    await page.goto("/projects/demo")
    await page.locator("[data-testid=row][data-kind=EXPERIMENT]").first.wait_for()


async def compare(page: Page) -> None:
    """Main's three newest commits selected and compared: their values and plots."""
    await experiments(page)
    rows = page.locator("[data-testid=row][data-kind=COMMIT] input[type=checkbox]")
    for index in range(3):
        await rows.nth(index).check()
    await page.get_by_test_id("compare").click()
    panel = page.get_by_test_id("compare-panel")
    await panel.get_by_test_id("plot").first.wait_for()
    # Every vega chart drawn (an svg or canvas in each chart box), then the plots in view.
    await page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=chart]')]"
        ".every(c => c.querySelector('svg, canvas'))"
    )
    await panel.evaluate("panel => panel.scrollIntoView()")  # the panel at the top


async def plots(page: Page) -> None:
    """The compared rows' plots (the panel scrolled to them)."""
    await page.get_by_test_id("compare-panel").get_by_test_id("plots").scroll_into_view_if_needed()


async def model(page: Page) -> None:
    await page.goto("/projects/demo/models/model")
    await page.get_by_test_id("versions").wait_for()
    await page.get_by_test_id("stage-version").select_option(index=0)


async def models(page: Page) -> None:
    await page.goto("/models")
    await page.get_by_role("link", name="model", exact=True).first.wait_for()


async def tokens(page: Page) -> None:
    """With a token created from the page."""
    await page.goto("/settings/tokens")
    await page.get_by_test_id("token-name").fill("laptop")
    await page.locator("form button[type=submit]").click()
    await page.get_by_test_id("new-token").wait_for()
    await page.reload()  # the secret, shown once, stays out of the picture
    await page.get_by_test_id("token").first.wait_for()


async def graphiql(page: Page) -> None:
    query = (
        "{\n"
        '  project(name: "demo") {\n'
        "    name\n"
        "    commits(first: 3) { nodes { sha title } }\n"
        "  }\n"
        "}\n"
    )
    await page.goto(f"/graphql?q={quote(query)}")
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    await page.wait_for_function(
        "() => (document.querySelector('.result-window')?.innerText ?? '').includes('title')"
    )


SHOTS: dict[str, Callable[[Page], Awaitable[None]]] = {
    "projects": projects,
    "experiments": experiments,
    "compare": compare,
    "plots": plots,
    "model": model,
    "models": models,
    "tokens": tokens,
    "graphiql": graphiql,
}


async def shoot(url: str, out: Path) -> list[Path]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is not installed (apt-get install chromium)")
    saved: list[Path] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium,
            args=["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--disable-gpu"],
        )
        context = await browser.new_context(base_url=url, viewport=SIZE)  # type: ignore[arg-type]
        page = await context.new_page()
        page.set_default_timeout(60_000)
        await page.goto("/login?next=/")
        await page.fill("#name", USER)
        await page.fill("#password", PASSWORD)
        async with page.expect_navigation():
            await page.click("button[type=submit]")
        for name, show in SHOTS.items():
            await show(page)
            # Fonts loaded and the page's layout settled: two animation frames.
            await page.evaluate(
                "() => document.fonts.ready.then(() => new Promise(r =>"
                " requestAnimationFrame(() => requestAnimationFrame(r))))"
            )
            path = out / f"{name}.png"
            await page.screenshot(path=str(path), animations="disabled", caret="hide")
            saved.append(path)
        await browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gitstudio-shots-") as tmp:
        server, url = start(Path(tmp))
        try:
            saved = asyncio.run(shoot(url, out))
        finally:
            server.terminate()
            server.wait(timeout=30)
    too_big = [p for p in saved if p.stat().st_size > LIMIT]
    for path in saved:
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
            f"  {path.stat().st_size // 1024} KB"
        )
    if too_big:
        sys.exit(f"over {LIMIT // 1000} KB: {', '.join(map(str, too_big))}")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
