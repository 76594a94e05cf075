"""The dashboard (issue 16) in headless Chromium: first render, scrolling 40,000 rows, a live
run's points, and the size of what ships.

    python -m bench.web [--quick] [--cache DIR] [--only render,scroll,live,assets]

Debian's Chromium (``/usr/bin/chromium``) is driven by Playwright (the PyPI package,
through ``executable_path``, launched as tests/web launches it: no host but 127.0.0.1
resolves, no GPU) against real ``gitstudio serve`` processes, signed in through the real
``/login`` form as a site admin (the session cookie; the projects are private). Times in
the page are the Performance API's (``performance.now()``, origin: the navigation's start).

* ``web-first-render`` (bound 1 s): navigation start -> the first frame painted after the
  first ``[data-testid=row]`` of ``/projects/demo`` (``serve --demo``: 20 commits, 80 rows)
  entered the DOM: a MutationObserver installed before any script of the page sees the row,
  then ``requestAnimationFrame`` and a MessageChannel task (which runs after that frame's
  paint) mark the time. Each round is a new browser context (empty HTTP cache, the
  session cookie only), as a first visit; the same page navigated again (assets cached) is
  reported beside it, and one visit before the rounds warms the server (its plans).
* ``web-scroll`` (bound 50 ms): the 10,000-commit project of bench/scale_repo.py (40,000
  rows; its index cached as bench/plots.py caches it, then copied, once, into
  ``<cache>/web-data10000`` so that sessions and users never touch the shared index), the
  table as it opens (rows nested branch -> commit -> experiments: 48,638 lines, commits of
  both branches under each). A script in the page moves the table's scroll container down
  by one screen of rows per frame (every row is rendered once: a scrollbar drag's pace),
  and when the rows in view are placeholders it waits, frame by frame, for the page the
  table fetches by cursor; until the end of the list, or the deadline (600 s, quick 300 s:
  what was reached is reported, marked INCOMPLETE). A ``requestAnimationFrame`` loop
  records every frame's duration (the delta between consecutive frames' timestamps; 16.7
  ms at 60 Hz) and a PerformanceObserver the ``long-animation-frame`` entries (frames over
  50 ms: their scripts, the layout scripts forced, their rendering). The figure is the p95
  frame; p50, max and the count over 50 ms are reported. Then the table is scrolled back up
  at a wheel's pace (120 px a frame, 1,200 frames, quick 600) over rows already read: the
  rendering alone, no page to wait for (details). Baseline, same page and run: the same
  rAF loop for 2 s before the scroll, nothing happening (an empty loop's frames).
* ``web-live`` (bound 250 ms at p95): ``/projects/demo`` open, a DVCLive run posted to
  ``POST /api/live`` as DVCLive does (``start``; ``data`` events of one step each with the
  ``dvclive/metrics.json`` summary and the ``train/loss``/``train/acc`` TSV rows; ``done``),
  each step posted once the previous one arrived. After step 0 the run's row is selected
  and compared: the compare panel's live chart of ``train/loss`` draws the stored history,
  then appends each step (web/src/table/live-charts.tsx). Candidate: POST sent -> the frame
  painted after the chart's canvas was redrawn with the step: a MutationObserver sees the
  chart's ``data-points`` count take in the step, and the redraw of that chart's canvas
  that drew it (the last ``restore()`` of its context since the previous count, or else
  the next one: vega's canvas renderer ends a redraw with it, and the page's
  ``CanvasRenderingContext2D.prototype.restore`` is wrapped), then
  ``requestAnimationFrame`` and a MessageChannel task. The live row's ``live · step
  N`` chip in the table is timed alike (details); a build without live charts is measured
  on that chip. Page times are on the page's clock (``timeOrigin + now()``), mapped onto
  Python's ``time.time()`` through the narrowest of a few bracketed readings. Baseline,
  same POSTs: the ``liveMetrics`` subscription event reaching a Python graphql-ws client
  (the API's own latency).
* ``web-assets`` (bound 1 MB): the sum of ``gzip -9`` of each file of
  gitstudio/static/dashboard/** (each file compressed alone, as a server or proxy sends
  them). GraphiQL's vendored assets (served at /graphql) are reported apart, not counted.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import websockets

from bench.common import Figure, Options, Result, Target, log
from bench.fixture import PROJECT as SCALE_PROJECT  # bench/plots.py's name for the project
from bench.plots import SCALE_COMMITS, _scale_data, served
from bench.report import print_result, print_summary
from bench.scale_repo import scale_repo
from bench.servers import ROOT, Server, free_port, start
from gitstudio.settings import Settings

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

DASHBOARD = ROOT / "gitstudio" / "static" / "dashboard"
GRAPHIQL = ROOT / "gitstudio" / "static" / "graphiql"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As tests/web: every host but this machine's is unresolvable inside the browser.
HOST_RULES = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
VIEWPORT = {"width": 1280, "height": 800}
USER = "bench-web"
PASSWORD = "a long password for the web benchmark"
DEMO = "demo"

RENDER_BOUND_S = 1.0
FRAME_BOUND_S = 0.050
LIVE_BOUND_S = 0.250
ASSETS_BOUND_B = 1_000_000
IDLE_FRAMES = 120  # the empty rAF loop: 2 s at 60 Hz
SCROLL_DEADLINE_S = 600.0  # one pass over the 40,000 rows (quick: half), page waits included
STEP_TIMEOUT_S = 15.0  # one live step to reach the page and the websocket client
LIVE_METRIC = "metric:dvclive/metrics.json:train.loss"  # the live row's cell
CHART_METRIC = "train/loss"  # the compare panel's live chart (DVCLive's TSV name)

# -- in the page ---------------------------------------------------------------------------

# Installed before the page's own scripts (add_init_script): marks the first row's arrival
# in the DOM and the end of the frame that paints it.
RENDER_SCRIPT = """(() => {
  const mark = (name) => {
    if (!performance.getEntriesByName(name, 'mark').length) performance.mark(name);
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid=row]')) return;
    observer.disconnect();
    mark('bench:rows-in-dom');
    requestAnimationFrame(() => {
      mark('bench:rows-frame');
      const channel = new MessageChannel();  // its task runs once this frame is painted
      channel.port1.onmessage = () => mark('bench:rows-painted');
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();"""

RENDER_READ = """() => {
  const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const resources = performance.getEntriesByType('resource').map((r) => ({
    name: r.name, type: r.initiatorType, start: r.startTime, end: r.responseEnd,
    transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize,
  }));
  return {
    inDom: at('bench:rows-in-dom'), frame: at('bench:rows-frame'),
    painted: at('bench:rows-painted'),
    htmlEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, fcp,
    rows: document.querySelectorAll('[data-testid=row]').length, resources,
  };
}"""

# One pass over the table: the idle loop first, then one screen of rows per frame.
SCROLL_SCRIPT = """async ({ idleFrames, deadlineMs, wheelFrames }) => {
  const el = document.querySelector('[data-testid=experiments-table]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const recorder = () => {
    const deltas = [];
    let last = null;
    let on = true;
    const tick = (now) => {
      if (last !== null) deltas.push(now - last);
      last = now;
      if (on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return () => { on = false; return deltas; };
  };
  const observe = (type) => {
    const entries = [];
    let stop = () => {};
    try {
      const o = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      o.observe({ type });
      stop = () => o.disconnect();
    } catch { return { entries: null, stop }; }
    return { entries, stop };
  };
  const ROW_H = 32;
  const headerRows = el.querySelectorAll('.thead [role=row]').length;
  const head = el.querySelector('.thead').getBoundingClientRect().height;
  // What the rows in view are, from the rendered rows' aria-rowindex (no layout read).
  const view = () => {
    const first = Math.floor(el.scrollTop / ROW_H);
    const last = Math.floor((el.scrollTop + el.clientHeight - head - 1) / ROW_H);
    const shown = new Map();
    for (const row of el.querySelectorAll('.tbody > [role=row]')) {
      const index = Number(row.getAttribute('aria-rowindex')) - headerRows - 1;
      if (index >= first && index <= last) shown.set(index, row);
    }
    const total = Number(el.getAttribute('aria-rowcount')) - headerRows;
    let missing = 0, placeholders = 0;
    const ids = [];
    for (let i = first; i <= Math.min(last, total - 1); i++) {
      const row = shown.get(i);
      if (!row) missing++;
      else if (row.dataset.testid === 'placeholder-row') placeholders++;
      else if (row.dataset.rowId) ids.push(row.dataset.rowId);
    }
    return { missing, placeholders, ids, total };
  };

  let stopRecorder = recorder();
  for (let i = 0; i < idleFrames; i++) await frame();
  const idle = stopRecorder();

  const loaf = observe('long-animation-frame');
  const longtask = observe('longtask');
  const started = performance.now();
  stopRecorder = recorder();
  const step = Math.max(ROW_H, Math.floor((el.clientHeight - head) / ROW_H) * ROW_H);
  const seen = new Set();
  let complete = true;
  let steps = 0, waitFrames = 0, blankFrames = 0, waits = 0, waiting = false, shownRows = 0;
  for (;;) {
    await frame();
    if (performance.now() - started > deadlineMs) {
      complete = false;  // what was seen until then is reported, marked incomplete
      break;
    }
    const now = view();
    if (now.missing || now.placeholders) {
      waitFrames++;
      if (now.missing) blankFrames++;
      if (!waiting && now.placeholders) waits++;
      waiting = now.placeholders > 0;
      continue;
    }
    waiting = false;
    shownRows += now.ids.length;
    for (const id of now.ids) seen.add(id);
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
    el.scrollTop += step;
    steps++;
  }
  for (let i = 0; i < 3; i++) await frame();
  const ended = performance.now();
  const frames = stopRecorder();
  const fullLoaf = loaf.entries === null ? null : loaf.entries.splice(0);

  // Back up over rows already read at a wheel's pace (one 120 px notch a frame): no page
  // to wait for, the rendering alone.
  stopRecorder = recorder();
  for (let i = 0; i < wheelFrames && el.scrollTop > 0; i++) {
    await frame();
    el.scrollTop -= 120;
  }
  await frame();
  const wheel = stopRecorder();
  const wheelLoaf = loaf.entries;
  loaf.stop();
  longtask.stop();
  const pages = performance.getEntriesByType('resource')
    .filter((r) => r.name.endsWith('/graphql') && r.startTime >= started && r.startTime <= ended)
    .map((r) => r.responseEnd - r.startTime);
  // Long animation frames: where their time went (scripts, the layout scripts forced, the
  // frame's own style, layout and paint), and which scripts ran.
  const frameParts = (entries) => entries === null ? null : entries.map((e) => {
    const end = e.startTime + e.duration;
    const scripts = (e.scripts ?? []).reduce((a, x) => a + x.duration, 0);
    const forced = (e.scripts ?? []).reduce((a, x) => a + (x.forcedStyleAndLayoutDuration ?? 0), 0);
    return {
      duration: e.duration, blocking: e.blockingDuration, scripts, forced,
      render: e.renderStart ? end - e.renderStart : 0,
      styleLayout: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
    };
  });
  const scripts = {};
  for (const e of fullLoaf ?? []) {
    for (const x of e.scripts ?? []) {
      const file = (x.sourceURL || '').split('/').pop();
      const key = `${file} ${x.sourceFunctionName || x.invoker || ''}`;
      scripts[key] = (scripts[key] ?? 0) + x.duration;
    }
  }
  return {
    complete, scrollTop: el.scrollTop, scrollHeight: el.scrollHeight,
    idle, frames, seconds: (ended - started) / 1000, steps, waitFrames, blankFrames, waits,
    items: view().total, distinctRows: seen.size, shownRows, pages,
    loaf: frameParts(fullLoaf), wheel, wheelLoaf: frameParts(wheelLoaf),
    longtasks: longtask.entries === null ? null : longtask.entries.map((e) => e.duration),
    loafScripts: scripts,
  };
}"""

# The live run's row (its step chip, metric cell and status) and the compare panel's live
# chart of CHART_METRIC (its data-points count): when each changed in the DOM and the end of
# the frame that painted it, on the page's clock in epoch ms.
LIVE_SCRIPT = """({ run, column, metric }) => {
  const now = () => performance.timeOrigin + performance.now();
  const rec = {
    steps: {}, painted: {}, cells: {}, status: {}, points: {}, drawn: {}, pointsPainted: {},
  };
  window.__benchLive = rec;
  const afterPaint = (into, key) => requestAnimationFrame(() => {
    const channel = new MessageChannel();  // its task runs once this frame is painted
    channel.port1.onmessage = () => { into[key] = now(); };
    channel.port2.postMessage(0);
  });
  const check = () => {
    const t = now();
    for (const row of document.querySelectorAll('[data-testid=row][data-kind=LIVE]')) {
      const name = row.querySelector('[data-testid=row-name]')?.textContent ?? '';
      if (!name.includes(run)) continue;
      const step = /step (\\d+)/.exec(name)?.[1];
      if (step !== undefined && rec.steps[step] === undefined) {
        rec.steps[step] = t;
        afterPaint(rec.painted, step);
      }
      const cell = row.querySelector(`[data-column="${column}"]`)?.textContent ?? '';
      if (cell && rec.cells[cell] === undefined) rec.cells[cell] = t;
      const status = row.dataset.status;
      if (status && rec.status[status] === undefined) rec.status[status] = t;
    }
    const chart = document.querySelector(`[data-testid=metric-chart][data-metric="${metric}"]`);
    const points = chart?.dataset.points;
    if (points !== undefined && rec.points[points] === undefined) {
      rec.points[points] = t;
      // Vega may redraw before the count's re-render (its run starts in the same task):
      // then that redraw drew the point; else the next one will.
      if (lastDraw !== null && lastDraw > lastCount) drew(points, lastDraw);
      else pending = points;
      lastCount = t;
    }
  };
  // The chart's canvas redraws (vega's canvas renderer ends each with restore()); the frame
  // after the redraw that drew a point shows it.
  let pending = null, lastDraw = null, lastCount = -1;
  const drew = (points, at) => {
    rec.drawn[points] = at;
    afterPaint(rec.pointsPainted, points);
  };
  const restore = CanvasRenderingContext2D.prototype.restore;
  CanvasRenderingContext2D.prototype.restore = function () {
    restore.call(this);
    if (this.canvas.closest?.('[data-testid=metric-chart]')?.dataset.metric !== metric) return;
    lastDraw = now();
    if (pending !== null) drew(pending, lastDraw);
    pending = null;
  };
  const all = { subtree: true, childList: true, characterData: true, attributes: true };
  new MutationObserver(check).observe(document.querySelector('main') ?? document.body, all);
  check();
}"""


# -- servers -------------------------------------------------------------------------------


def _cli(data_dir: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gitstudio.cli", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"gitstudio {' '.join(args)}: {done.stdout}{done.stderr}")
    return done.stdout.strip()


def _add_user(data_dir: Path) -> None:
    _cli(data_dir, "user", "create", USER, "--admin", "--password-stdin", stdin=PASSWORD + "\n")


@dataclass(slots=True)
class Site:
    """A running ``gitstudio serve``, an ADMIN token, and a signed-in browser state."""

    server: Server
    data_dir: Path
    token: str
    storage: Any = None  # Playwright's storage_state after signing in (the session cookie)

    @property
    def url(self) -> str:
        return self.server.url


@asynccontextmanager
async def _site(name: str, data_dir: Path, workdir: Path, *args: str) -> AsyncIterator[Site]:
    """``gitstudio serve ARGS`` on ``data_dir`` (unpinned: the browser uses both CPUs too)."""
    port = free_port()
    command = [sys.executable, "-m", "gitstudio.cli", "serve", "--data-dir", str(data_dir)]
    # The package's build unless GITSTUDIO_DASHBOARD_DIR names another (two builds compared).
    env = {"GITSTUDIO_DASHBOARD_DIR": str(DASHBOARD), **os.environ}
    started = time.perf_counter()
    server = await asyncio.to_thread(
        start,
        name,
        [*command, "--port", str(port), *args],
        port,
        workdir / f"{name}.log",
        env,
        cpu=None,
    )
    try:
        log(f"{name}: {server.url} ready in {time.perf_counter() - started:.1f} s")
        token = _cli(data_dir, "token", "create", "--name", f"bench-web-{port}", "--scope", "ADMIN")
        yield Site(server, data_dir, token.splitlines()[-1])
    finally:
        server.stop()


async def _sign_in(browser: Browser, site: Site) -> None:
    """Sign in through /login once; later contexts start from its cookie."""
    context = await browser.new_context(base_url=site.url, viewport=VIEWPORT)
    try:
        page = await context.new_page()
        await page.goto(f"{site.url}/login?next=/")
        await page.fill("#name", USER)
        await page.fill("#password", PASSWORD)
        async with page.expect_navigation():
            await page.click("button[type=submit]")
        site.storage = await context.storage_state()
    finally:
        await context.close()


async def _gql(site: Site, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=site.url, timeout=60) as client:
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"token {site.token}"},
        )
    body: dict[str, Any] = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"GraphQL: {response.status_code} {str(body)[:500]}")
    data: dict[str, Any] = body["data"]
    return data


@asynccontextmanager
async def _chromium() -> AsyncIterator[Browser]:
    if CHROMIUM is None:
        raise RuntimeError("Chromium is not installed (apt-get install chromium)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[HOST_RULES, "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            await browser.close()


# -- statistics ------------------------------------------------------------------------------


def quantile(values: Sequence[float], q: float) -> float:
    """The nearest-rank quantile (p95 of 20 values is the 19th)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _spread_ms(values: Sequence[float]) -> dict[str, float]:
    """p50 / p95 / max in ms of values in ms."""
    return {
        "p50": round(quantile(values, 0.5), 1),
        "p95": round(quantile(values, 0.95), 1),
        "max": round(max(values), 1),
        "n": len(values),
    }


# -- first render ----------------------------------------------------------------------------


async def _render_once(page: Page, url: str) -> dict[str, Any]:
    await page.goto(url, wait_until="commit")
    await page.wait_for_function(
        "() => performance.getEntriesByName('bench:rows-painted', 'mark').length > 0",
        timeout=30_000,
    )
    found: dict[str, Any] = await page.evaluate(RENDER_READ)
    return found


def _render_split(found: dict[str, Any]) -> dict[str, float]:
    """Where the first render's time goes, in ms from the navigation's start."""
    resources = found["resources"]
    scripts = [r["end"] for r in resources if r["name"].endswith(".js")]
    api = [r for r in resources if r["name"].endswith("/graphql") and r["end"] <= found["inDom"]]
    split = {
        "html": found["htmlEnd"],
        "scripts": max(scripts, default=0.0),
        "dom_content_loaded": found["domContentLoaded"],
        "last_graphql_before_rows": max((r["end"] for r in api), default=0.0),
        "rows_in_dom": found["inDom"],
        "rows_painted": found["painted"],
    }
    return {k: round(v, 1) for k, v in split.items()}


async def first_render(browser: Browser, site: Site, rounds: int) -> dict[str, Any]:
    url = f"{site.url}/projects/{DEMO}"
    cold: list[dict[str, Any]] = []
    warm: list[dict[str, Any]] = []
    for i in range(rounds + 1):  # the first visit warms the server (plans, caches)
        context = await browser.new_context(
            base_url=site.url, viewport=VIEWPORT, storage_state=site.storage
        )
        try:
            await context.add_init_script(RENDER_SCRIPT)
            page = await context.new_page()
            first = await _render_once(page, url)
            again = await _render_once(page, url)  # the same page again: assets cached
        finally:
            await context.close()
        if i == 0:
            warmup = first
            continue
        cold.append(first)
        warm.append(again)
    transfer = sum(r["transfer"] for r in cold[-1]["resources"])
    downloaded = sorted({r["name"].rsplit("/", 1)[-1] for r in cold[-1]["resources"]})
    return {
        "cold_s": [c["painted"] / 1000 for c in cold],
        "warm_s": [w["painted"] / 1000 for w in warm],
        "in_dom_s": [c["inDom"] / 1000 for c in cold],
        "fcp_s": [c["fcp"] / 1000 for c in cold if c["fcp"] is not None],
        "server_warmup_s": warmup["painted"] / 1000,
        "split_ms": _render_split(cold[len(cold) // 2]),
        # The API requests before the rows (session, project, first page): start, end.
        "api_requests_ms": [
            [round(r["start"], 1), round(r["end"], 1)]
            for r in cold[len(cold) // 2]["resources"]
            if r["type"] == "fetch" and r["start"] <= cold[len(cold) // 2]["inDom"]
        ],
        "rows": cold[-1]["rows"],
        "transfer_bytes": transfer,
        "downloaded": downloaded,
    }


# -- scrolling -------------------------------------------------------------------------------


async def scroll(
    browser: Browser, site: Site, wheel_frames: int, deadline_s: float
) -> dict[str, Any]:
    """One pass to the end of the table as it opens (stopped after ``deadline_s``: what it
    reached is reported, marked incomplete), then ``wheel_frames`` back up."""
    context = await browser.new_context(
        base_url=site.url, viewport=VIEWPORT, storage_state=site.storage
    )
    try:
        page = await context.new_page()
        page.set_default_timeout(60_000)
        await page.goto(f"{site.url}/projects/{SCALE_PROJECT}")
        await page.wait_for_selector("[data-testid=row]")
        found: dict[str, Any] = await page.evaluate(
            SCROLL_SCRIPT,
            {
                "idleFrames": IDLE_FRAMES,
                "deadlineMs": deadline_s * 1000,
                "wheelFrames": wheel_frames,
            },
        )
    finally:
        await context.close()
    frames = found["frames"]
    log(
        f"scroll: {'' if found['complete'] else 'INCOMPLETE (deadline) '}{found['items']:,}"
        f" lines ({found['distinctRows']:,} distinct rows) in {found['seconds']:.1f} s,"
        f" {len(frames):,} frames: {_spread_ms(frames)},"
        f" {sum(f > FRAME_BOUND_S * 1000 for f in frames)} over 50 ms; idle"
        f" {_spread_ms(found['idle'])}; {found['waits']} waits for pages"
        f" ({found['waitFrames']} frames), {len(found['pages'])} requests"
        f" {_spread_ms(found['pages']) if found['pages'] else ''}; back up at 120 px a frame:"
        f" {_spread_ms(found['wheel'])}, {sum(f > FRAME_BOUND_S * 1000 for f in found['wheel'])}"
        " over 50 ms"
    )
    long = _long_frames(found["loaf"])
    if long and long["count"]:
        scripts = sorted(found["loafScripts"].items(), key=lambda kv: -kv[1])[:4]
        log(
            f"long animation frames while scrolling: {long['count']}, {long['duration_ms']};"
            f" their time (ms, totals) {long['totals_ms']}; scripts"
            f" {[(k, round(v)) for k, v in scripts]}"
        )
    return found


def _long_frames(entries: list[dict[str, float]] | None) -> dict[str, Any] | None:
    """Long animation frames (over 50 ms): how many, and their time's parts in ms (totals)."""
    if entries is None:
        return None  # the browser lacks the entry type
    parts = ("duration", "scripts", "forced", "render", "styleLayout")
    found: dict[str, Any] = {"count": len(entries)}
    if entries:
        found["duration_ms"] = _spread_ms([e["duration"] for e in entries])
        found["totals_ms"] = {k: round(sum(e[k] for e in entries)) for k in parts}
    return found


def _scroll_details(found: dict[str, Any]) -> dict[str, Any]:
    frames, wheel, pages = found["frames"], found["wheel"], found["pages"]
    scripts = sorted(found["loafScripts"].items(), key=lambda kv: -kv[1])[:5]
    return {
        "complete": found["complete"],
        "frames_ms": _spread_ms(frames),
        "frames_over_50ms": sum(f > FRAME_BOUND_S * 1000 for f in frames),
        "idle_frames_ms": _spread_ms(found["idle"]),
        "lines": found["items"],
        "distinct_rows": found["distinctRows"],
        "rows_rendered_in_view": found["shownRows"],
        "seconds": round(found["seconds"], 1),
        "steps": found["steps"],
        "waits_for_pages": found["waits"],
        "frames_waiting": found["waitFrames"],
        "frames_blank": found["blankFrames"],
        "graphql_requests": len(pages),
        "graphql_request_ms": _spread_ms(pages) if pages else None,
        "long_animation_frames": _long_frames(found["loaf"]),
        "long_animation_frame_scripts_ms": {k: round(v, 1) for k, v in scripts},
        "longtasks": len(found["longtasks"] or []),
        "wheel_frames_ms": _spread_ms(wheel),
        "wheel_frames_over_50ms": sum(f > FRAME_BOUND_S * 1000 for f in wheel),
        "wheel_long_animation_frames": _long_frames(found["wheelLoaf"]),
    }


# -- live ------------------------------------------------------------------------------------


def _event(kind: str, repo: str, sha: str, run: str, **extra: Any) -> dict[str, Any]:
    body = {"type": kind, "repo_url": repo, "baseline_sha": sha, "name": run, "client": "dvclive"}
    return {**body, **extra}


def _data(repo: str, sha: str, run: str, step: int) -> dict[str, Any]:
    """One DVCLive step: the summary (dvclive/metrics.json) and the TSV rows of the step."""
    loss, acc = round(1 / (step + 2), 6), round(1 - 1 / (step + 2), 6)
    return _event(
        "data",
        repo,
        sha,
        run,
        step=step,
        metrics={"dvclive/metrics.json": {"data": {"step": step, "train": {"loss": loss}}}},
        plots={
            "dvclive/plots/metrics/train/loss.tsv": {"data": [{"step": step, "loss": loss}]},
            "dvclive/plots/metrics/train/acc.tsv": {"data": [{"step": step, "acc": acc}]},
        },
    )


class _Subscriber:
    """A graphql-ws client of ``liveMetrics(projectId)``: when each step arrived (time.time)."""

    def __init__(self, site: Site, project_gid: str) -> None:
        self.site = site
        self.project_gid = project_gid
        self.arrived: dict[tuple[str, int | None], float] = {}
        self.changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._socket: Any = None

    async def open(self) -> None:
        url = self.site.url.replace("http://", "ws://") + "/graphql"
        self._socket = await websockets.connect(url, subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
        init = {"type": "connection_init", "payload": {"Authorization": f"token {self.site.token}"}}
        await self._socket.send(json.dumps(init))
        ack = json.loads(await self._socket.recv())
        if ack.get("type") != "connection_ack":
            raise RuntimeError(f"graphql-ws: {ack}")
        query = "subscription($p: ID!) { liveMetrics(projectId: $p) { type step experimentId } }"
        payload = {"query": query, "variables": {"p": self.project_gid}}
        await self._socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        self._task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for text in self._socket:
            now = time.time()
            message = json.loads(text)
            if message.get("type") == "ping":
                await self._socket.send(json.dumps({"type": "pong"}))
            if message.get("type") != "next":
                continue
            event = message["payload"]["data"]["liveMetrics"]
            self.arrived.setdefault((event["type"], event["step"]), now)
            self.changed.set()

    async def wait(self, key: tuple[str, int | None], deadline: float) -> float:
        while key not in self.arrived:
            self.changed.clear()
            await asyncio.wait_for(self.changed.wait(), max(0.0, deadline - time.monotonic()))
        return self.arrived[key]

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        if self._socket is not None:
            await self._socket.close()


def _count_subscriptions(page: Page) -> list[str]:
    """The operation of each graphql-ws ``subscribe`` message the page sends (filled in as
    they are sent)."""
    sent: list[str] = []

    def frame(payload: str | bytes) -> None:
        message = json.loads(payload)
        if isinstance(message, dict) and message.get("type") == "subscribe":
            sent.append(message["payload"]["query"].split("(", 1)[0].strip())

    page.on("websocket", lambda socket: socket.on("framesent", frame))
    return sent


async def _clock_offset(page: Page) -> tuple[float, float]:
    """The page's epoch clock (timeOrigin + now) minus Python's time.time(), in s, and the
    reading's uncertainty: the narrowest of a few bracketed readings."""
    best = (0.0, float("inf"))
    for _ in range(7):
        before = time.time()
        page_ms: float = await page.evaluate("performance.timeOrigin + performance.now()")
        after = time.time()
        if (after - before) / 2 < best[1]:
            best = (page_ms / 1000 - (before + after) / 2, (after - before) / 2)
    return best


def has_live_charts() -> bool:
    """Whether the shipped dashboard draws live metric charts (its compare panel's
    ``[data-testid=metric-chart]``, web/src/table/live-charts.tsx)."""
    return any("metric-chart" in p.read_text() for p in (DASHBOARD / "assets").glob("*.js"))


async def _wait_subscribed(page: Page, subscribed: list[str], wanted: str, count: int) -> None:
    """Until the page has sent ``count`` subscriptions whose operation names ``wanted``: an
    event published before the server has them would never reach the page."""
    deadline = time.monotonic() + 30
    while sum(wanted in s for s in subscribed) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the page subscribed to {subscribed}, not {count} x {wanted}")
        await page.wait_for_timeout(20)


async def _painted(page: Page, kind: str, key: str, deadline: float) -> dict[str, Any]:
    """``window.__benchLive`` once its ``kind`` record holds ``key`` (painted)."""
    await page.wait_for_function(
        f"(k) => window.__benchLive.{kind}[k] !== undefined",
        arg=key,
        timeout=max(1.0, deadline - time.monotonic()) * 1000,
    )
    found: dict[str, Any] = await page.evaluate("window.__benchLive")
    return found


async def live(browser: Browser, site: Site, steps: int) -> dict[str, Any]:
    repo = (site.data_dir / "demo-repo").resolve()
    sha = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "main"], capture_output=True, text=True, check=True
    ).stdout.strip()
    data = await _gql(site, "query($n: String!) { project(name: $n) { id } }", {"n": DEMO})
    run = f"bench-web-{int(time.time())}"
    charts = has_live_charts()
    subscriber = _Subscriber(site, data["project"]["id"])
    await subscriber.open()
    context = await browser.new_context(
        base_url=site.url, viewport=VIEWPORT, storage_state=site.storage
    )
    headers = {"Authorization": f"token {site.token}"}
    row = f'[data-testid=row][data-kind=LIVE]:has-text("{run}")'
    try:
        page = await context.new_page()
        subscribed = _count_subscriptions(page)
        await page.goto(f"{site.url}/projects/{DEMO}")
        await page.wait_for_selector("[data-testid=row]")
        await _wait_subscribed(page, subscribed, "subscription Table", 2)
        await page.evaluate(
            LIVE_SCRIPT, {"run": run, "column": LIVE_METRIC, "metric": CHART_METRIC}
        )
        async with httpx.AsyncClient(base_url=site.url, timeout=30) as client:

            async def post(body: dict[str, Any]) -> float:
                sent = time.time()
                response = await client.post("/api/live", json=body, headers=headers)
                if response.status_code != 200:
                    raise RuntimeError(f"/api/live: {response.status_code} {response.text[:300]}")
                return sent

            await post(_event("start", str(repo), sha, run))
            await page.wait_for_function(
                "() => window.__benchLive.status.RUNNING !== undefined", timeout=30_000
            )
            await post(_data(str(repo), sha, run, 0))  # the run's first step: its history
            await _painted(page, "painted", "0", time.monotonic() + 30)
            base = 0
            if charts:  # the run's chart in compare: its history drawn, then steps appended
                await page.locator(f"{row} input[type=checkbox]").check()
                await page.click("[data-testid=compare]")
                chart = f'[data-testid=metric-chart][data-metric="{CHART_METRIC}"]'
                await page.wait_for_selector(f"{chart}:not([data-points='0'])", timeout=30_000)
                await _wait_subscribed(page, subscribed, "subscription RunMetrics", 1)
                base = int(await page.get_attribute(chart, "data-points") or 0)
            offset, uncertainty = await _clock_offset(page)
            chart_ms: list[float] = []
            drawn_ms: list[float] = []
            row_ms: list[float] = []
            dom_ms: list[float] = []
            ws_ms: list[float] = []
            for step in range(1, steps + 1):
                sent = await post(_data(str(repo), sha, run, step))
                deadline = time.monotonic() + STEP_TIMEOUT_S
                got = await subscriber.wait(("DATA", step), deadline)
                rec = await _painted(page, "painted", str(step), deadline)
                if charts:
                    points = str(base + step)
                    rec = await _painted(page, "pointsPainted", points, deadline)
                    chart_ms.append((rec["pointsPainted"][points] / 1000 - offset - sent) * 1000)
                    dom_ms.append((rec["points"][points] / 1000 - offset - sent) * 1000)
                    drawn_ms.append((rec["drawn"][points] / 1000 - offset - sent) * 1000)
                else:
                    dom_ms.append((rec["steps"][str(step)] / 1000 - offset - sent) * 1000)
                row_ms.append((rec["painted"][str(step)] / 1000 - offset - sent) * 1000)
                ws_ms.append((got - sent) * 1000)
            sent = await post(_event("done", str(repo), sha, run))
            await page.wait_for_function(  # RUNNING -> the status a finished run has
                "() => Object.keys(window.__benchLive.status).some((s) => s !== 'RUNNING')",
                timeout=30_000,
            )
            rec = await page.evaluate("window.__benchLive")
            final = next(s for s in rec["status"] if s != "RUNNING")
            done_ms = (rec["status"][final] / 1000 - offset - sent) * 1000
            cell = await page.locator(f'{row} [data-column="{LIVE_METRIC}"]').first.text_content()
    finally:
        await context.close()
        await subscriber.close()
    return {
        "charts": charts,
        "page_ms": chart_ms if charts else row_ms,
        "dom_ms": dom_ms,
        "drawn_ms": drawn_ms,
        "row_ms": row_ms,
        "ws_ms": ws_ms,
        "done_ms": done_ms,
        "final_status": final,
        "clock_offset_ms": round(offset * 1000, 2),
        "clock_uncertainty_ms": round(uncertainty * 1000, 2),
        "last_cell": cell,
        "cells_seen": len(rec["cells"]),
    }


# -- assets ----------------------------------------------------------------------------------


def gzip_sizes(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root``: (bytes, bytes after gzip -9 of that file alone)."""
    sizes: dict[str, tuple[int, int]] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        packed = gzip.compress(raw, compresslevel=9, mtime=0)
        sizes[str(path.relative_to(root))] = (len(raw), len(packed))
    return sizes


def assets() -> Result:
    ours, graphiql = gzip_sizes(DASHBOARD), gzip_sizes(GRAPHIQL)
    if not ours:
        raise RuntimeError(f"no dashboard build in {DASHBOARD} (npm run --prefix web build)")
    total = sum(z for _raw, z in ours.values())
    raw = sum(r for r, _z in ours.values())
    apart = sum(z for _raw, z in graphiql.values())
    log(
        f"dashboard {len(ours)} files, {raw:,} B raw, {total:,} B gzip -9; GraphiQL (apart)"
        f" {len(graphiql)} files, {apart:,} B gzip -9"
    )
    return Result(
        name="web-assets",
        title="the dashboard's shipped assets, gzip -9 (gitstudio/static/dashboard/**)",
        candidate=Figure("sum of gzip -9 of each file", "B", [float(total)]),
        baseline=Figure("the bound of issue 16, 1 MB", "B", [float(ASSETS_BOUND_B)]),
        ratio=total / ASSETS_BOUND_B,
        ratio_label="gzip bytes / 1 MB",
        ratio_format="x",
        target=Target("<=", 1.0),
        details={
            "raw_bytes": raw,
            "files": {k: {"bytes": r, "gzip": z} for k, (r, z) in ours.items()},
            "graphiql_gzip_bytes": apart,
            "graphiql_raw_bytes": sum(r for r, _z in graphiql.values()),
        },
    )


# -- the 10,000-commit project ---------------------------------------------------------------


def scale_site_data(cache: Path) -> Path:
    """A copy of bench/plots.py's index of the 10,000-commit project (made once, kept in
    ``<cache>/web-data10000``) with the bench's user: the server writes sessions and users
    into it, never into the index other benches share."""
    repo = scale_repo(cache, SCALE_COMMITS)
    source = _scale_data(cache)
    if not (source / "indexed").exists():

        async def index() -> None:
            async with served(Settings(data_dir=source), repo.path):
                (source / "indexed").touch()

        asyncio.run(index())
    target = cache / f"web-data{SCALE_COMMITS}"
    ready = target / "ready"
    if ready.exists() and ready.stat().st_mtime >= (source / "indexed").stat().st_mtime:
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    started = time.perf_counter()
    with (
        sqlite3.connect(source / "gitstudio.db") as src,
        sqlite3.connect(target / "gitstudio.db") as dst,
    ):
        src.backup(dst)
    _add_user(target)
    ready.touch()
    log(f"copied the index into {target} in {time.perf_counter() - started:.1f} s")
    return target


# -- the results -----------------------------------------------------------------------------


def _render_result(found: dict[str, Any], load: list[Any]) -> Result:
    cold = found["cold_s"]
    log(
        f"first render: cold {[round(c * 1000) for c in cold]} ms, warm"
        f" {[round(w * 1000) for w in found['warm_s']]} ms; split {found['split_ms']};"
        f" API requests (start, end) {found['api_requests_ms']}; {found['rows']} rows in the DOM;"
        f" {found['transfer_bytes']:,} B transferred"
    )
    bound = Figure("the bound of issue 16", "s", [RENDER_BOUND_S])
    return Result(
        name="web-first-render",
        title=f"/projects/{DEMO}: navigation start -> first rows painted, new context each",
        candidate=Figure("first rows painted (Performance API marks)", "s", cold),
        baseline=bound,
        ratio=sorted(cold)[len(cold) // 2] / RENDER_BOUND_S,
        ratio_label="median / 1 s",
        ratio_format="x",
        target=Target("<", 1.0),
        details={
            "cold_p95_s": quantile(cold, 0.95),
            "warm_cache_s": found["warm_s"],
            "rows_in_dom_s": found["in_dom_s"],
            "first_contentful_paint_s": found["fcp_s"],
            "first_visit_after_start_s": found["server_warmup_s"],
            "split_ms": found["split_ms"],
            "api_requests_ms": found["api_requests_ms"],
            "transfer_bytes": found["transfer_bytes"],
            "downloaded": found["downloaded"],
            "load_average": load,
        },
    )


def _scroll_result(found: dict[str, Any], load: list[Any]) -> Result:
    details = _scroll_details(found)
    frames = details["frames_ms"]
    return Result(
        name="web-scroll",
        title=(
            f"scrolling the {SCALE_COMMITS:,}-commit project's table to its end, one screen a"
            f" frame ({details['lines']:,} lines), frame times"
            + (
                ""
                if found["complete"]
                else f" (INCOMPLETE: {found['scrollTop'] / found['scrollHeight']:.0%} reached"
                " by the deadline)"
            )
        ),
        candidate=Figure("p95 frame (rAF deltas) while scrolling", "s", [frames["p95"] / 1000]),
        baseline=Figure(
            "p95 frame of an empty rAF loop, same page", "s", [quantile(found["idle"], 0.95) / 1000]
        ),
        ratio=frames["p95"] / (FRAME_BOUND_S * 1000),
        ratio_label=(
            f"p95 frame / 50 ms (p50 {frames['p50']} ms, max {frames['max']} ms,"
            f" {details['frames_over_50ms']} of {frames['n']:,} over 50 ms)"
        ),
        ratio_format="x",
        target=Target("<", 1.0),
        details={**details, "load_average": load},
    )


def _live_result(found: dict[str, Any], load: list[Any]) -> Result:
    page, ws = found["page_ms"], found["ws_ms"]
    where = (
        f"the compare panel's live chart of {CHART_METRIC} gained the point"
        if found["charts"]
        else "the live row's step chip (this build has no live chart)"
    )
    log(
        f"live: page {_spread_ms(page)} (DOM {_spread_ms(found['dom_ms'])}; canvas drawn"
        f" {_spread_ms(found['drawn_ms']) if found['drawn_ms'] else '-'}; the row's step chip"
        f" {_spread_ms(found['row_ms'])}), websocket client {_spread_ms(ws)};"
        f" {found['final_status']} after {found['done_ms']:.0f} ms; clock offset"
        f" {found['clock_offset_ms']} ± {found['clock_uncertainty_ms']} ms; last cell"
        f" {found['last_cell']!r}"
    )
    shown = "chart point" if found["charts"] else "row's step"
    return Result(
        name="web-live",
        title=f"POST /api/live -> {where} in /projects/{DEMO}, {len(page)} steps",
        candidate=Figure(f"p95: POST sent -> {shown} painted", "s", [quantile(page, 0.95) / 1000]),
        baseline=Figure(
            "p95: POST sent -> liveMetrics event in a graphql-ws client",
            "s",
            [quantile(ws, 0.95) / 1000],
        ),
        ratio=quantile(page, 0.95) / (LIVE_BOUND_S * 1000),
        ratio_label=(
            f"page p95 / 250 ms (p50 page {quantile(page, 0.5):.1f} ms, websocket"
            f" {quantile(ws, 0.5):.1f} ms)"
        ),
        ratio_format="x",
        target=Target("<", 1.0),
        details={
            "measured_at": where,
            "page_ms": _spread_ms(page),
            "page_dom_ms": _spread_ms(found["dom_ms"]),
            "chart_canvas_drawn_ms": _spread_ms(found["drawn_ms"]) if found["drawn_ms"] else None,
            "row_step_ms": _spread_ms(found["row_ms"]),
            "websocket_ms": _spread_ms(ws),
            "done_ms": round(found["done_ms"], 1),
            "final_status": found["final_status"],
            "clock_offset_ms": found["clock_offset_ms"],
            "clock_uncertainty_ms": found["clock_uncertainty_ms"],
            "last_metric_cell": found["last_cell"],
            "load_average": load,
        },
    )


PARTS = ("render", "scroll", "live", "assets")


async def measure(opts: Options, cache: Path, parts: Sequence[str]) -> list[Result]:
    results: list[Result] = []
    if "assets" in parts:
        results.append(assets())
    browsing = [p for p in parts if p != "assets"]
    if not browsing:
        return results
    async with _chromium() as browser:
        if "render" in browsing or "live" in browsing:
            demo = opts.workdir / "web-demo"
            demo.mkdir(parents=True, exist_ok=True)
            _add_user(demo)
            async with _site("demo", demo, opts.workdir, "--demo") as site:
                await _sign_in(browser, site)
                if "render" in browsing:
                    load = [os.getloadavg()]
                    found = await first_render(browser, site, 3 if opts.quick else 7)
                    results.append(_render_result(found, [*load, os.getloadavg()]))
                if "live" in browsing:
                    load = [os.getloadavg()]
                    found = await live(browser, site, 20 if opts.quick else 50)
                    results.append(_live_result(found, [*load, os.getloadavg()]))
        if "scroll" in browsing:
            data_dir = await asyncio.to_thread(scale_site_data, cache)
            async with _site("scale", data_dir, opts.workdir) as site:
                await _sign_in(browser, site)
                load = [os.getloadavg()]
                found = await scroll(
                    browser,
                    site,
                    600 if opts.quick else 1200,
                    SCROLL_DEADLINE_S / 2 if opts.quick else SCROLL_DEADLINE_S,
                )
                results.append(_scroll_result(found, [*load, os.getloadavg()]))
    return results


def web(opts: Options, fixture: object) -> list[Result]:
    """bench/run.py's entry: the demo project, the cached 10,000-commit project."""
    cache = Path(tempfile.gettempdir()) / "scale"
    return asyncio.run(measure(opts, cache, PARTS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "scale")
    parser.add_argument(
        "--only", default=",".join(PARTS), help=f"comma-separated, of {', '.join(PARTS)}"
    )
    parser.add_argument("--keep", action="store_true", help="keep the server logs")
    args = parser.parse_args()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise SystemExit(f"unknown parts {sorted(unknown)}; choose from {PARTS}")
    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    try:
        opts = Options(args.quick, tmp, tmp, False)
        results = asyncio.run(measure(opts, args.cache, parts))
        for result in results:
            print(f"  {result.title}")
            print_result(result)
        print_summary(results, {})
    finally:
        if args.keep:
            print(f"server logs in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
