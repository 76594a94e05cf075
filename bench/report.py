"""Printing results (one block per benchmark, then a summary table) and writing JSON."""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import Figure, Result


def fmt_value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:,.0f} {unit}"


def fmt_ratio(result: Result) -> str:
    if result.ratio_format == "%":
        return f"{result.ratio * 100:.1f}%"
    return f"{result.ratio:.1f}x" if result.ratio >= 10 else f"{result.ratio:.2f}x"


def fmt_target(result: Result) -> str:
    value = result.target.value
    shown = f"{value * 100:g}%" if result.ratio_format == "%" else f"{value:g}x"
    return f"{result.target.op} {shown}"


def _samples(fig: Figure) -> str:
    if len(fig.samples) < 2:
        return ""
    return " (median of " + ", ".join(fmt_value(s, fig.unit) for s in fig.samples) + ")"


def print_result(result: Result) -> None:
    verdict = "MET" if result.met else "NOT MET"
    print(
        f"  candidate  {fmt_value(result.candidate.value, result.candidate.unit):>12}  "
        f"{result.candidate.label}{_samples(result.candidate)}"
    )
    print(
        f"  baseline   {fmt_value(result.baseline.value, result.baseline.unit):>12}  "
        f"{result.baseline.label}{_samples(result.baseline)}"
    )
    print(
        f"  ratio      {fmt_ratio(result):>12}  {result.ratio_label}; "
        f"target {fmt_target(result)}: {verdict}"
    )
    for key in ("index_phases_median_s", "resync_phases_median_s"):
        phases = result.details.get(key)
        if isinstance(phases, dict):
            split = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in phases.items())
            print(f"  split      {split}")
    for key, label in (("cold_split_s", "split cold"), ("warm_split_s", "split warm")):
        steps = result.details.get(key)
        if isinstance(steps, dict):  # bench/plots.py: per request, medians
            print(f"  {label} " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in steps.items()))
    load = result.details.get("load_average")
    if isinstance(load, list):  # at the start and at the end of the benchmark
        shown = " -> ".join("/".join(f"{x:.2f}" for x in one) for one in load)
        print(f"  load       {shown} (1/5/15 min)")
    ceiling = result.details.get("dvc_over_walk_ceiling")
    if isinstance(ceiling, float):
        print(f"  ceiling    {ceiling:.1f}x  dvc / bare walk (parsing alone, no fetch or storage)")
    for path in result.details.get("profiles", []):
        print(f"  profile    {path}")
    print(flush=True)


def print_summary(results: list[Result], errors: dict[str, str]) -> None:
    width = max([15, *(len(r.name) for r in results), *(len(n) for n in errors)])
    head = (
        f"{'benchmark':<{width}} {'candidate':>11} {'baseline':>11} {'ratio':>8} {'target':>9}  met"
    )
    print("Summary")
    print(head)
    print("-" * len(head))
    for r in results:
        print(
            f"{r.name:<{width}} {fmt_value(r.candidate.value, r.candidate.unit):>11} "
            f"{fmt_value(r.baseline.value, r.baseline.unit):>11} {fmt_ratio(r):>8} "
            f"{fmt_target(r):>9}  {'yes' if r.met else 'NO'}"
        )
    for name, message in errors.items():
        print(f"{name:<{width}} ERROR: {message.splitlines()[-1] if message else ''}")


def _result_json(result: Result) -> dict[str, Any]:
    data = asdict(result)
    for side in ("candidate", "baseline"):
        data[side]["value"] = getattr(result, side).value
    data["met"] = result.met
    data["target"]["text"] = fmt_target(result)
    return data


def machine() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "affinity": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
    }


def write_json(
    path: Path, results: list[Result], errors: dict[str, str], quick: bool, seconds: float
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "wall_seconds": round(seconds, 1),
        "machine": machine(),
        "results": [_result_json(r) for r in results],
        "errors": errors,
    }
    path.write_text(json.dumps(doc, indent=2, default=str) + "\n")
