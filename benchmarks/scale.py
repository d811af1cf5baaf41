"""Scale benchmark of essgraph (issue 7): build, analyze, render, report, and drawing in Chromium.

Not a test. For each size N it writes a synthetic data folder (``essgraph synth``)
and runs every stage in a **fresh subprocess**, so each figure has its own wall
time and peak resident memory (``ru_maxrss`` of that process: it includes the
interpreter, the libraries and the loaded graph; ``rss_before`` says how much of
it was there before the timed step). Every figure comes with a baseline measured
in the same run:

* build: reading the same CSV files with :mod:`csv` into a bare MultiDiGraph
  (no validation, no model);
* analyze: ``benchmarks/igraph_reference.py``, the same measures written
  directly on python-igraph, on the same tie graph, with the same sampling;
  the ``measures`` stage times essgraph's own public functions for exactly those
  measures (centrality, communities, articulation points, bridges, components)
  on that tie graph, for a like-for-like ratio;
* render: igraph's layout of the same tie graph + a bare vis-network page;
* Chromium: that bare page, drawn in the same browser (time until drawn, a
  ``moveTo`` pan and a mouse drag until redrawn; see :func:`_draw`).

``render`` is the default ``essgraph.render.render`` call (after loading the
snapshot): the whole network up to :data:`essgraph.render.MAX_ELEMENTS` nodes +
ties, the overview by region past it (at 100k); the result says which
(``view``, ``nodes``, ``edges``).

Usage::

    python3 benchmarks/scale.py --sizes 1000 10000 100000 --repeat 3 --json benchmarks/results/scale.json

Medians over ``--repeat`` runs (``--repeat-large`` at 100k, where each run takes
minutes). The machine (cores, memory, load average) is recorded with the numbers.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAGES = ("build", "build_baseline", "analyze", "measures", "reference", "render", "render_baseline", "report",
          "export_json", "chromium", "chromium_baseline")


# ---------------------------------------------------------------- stages (run in a child process)

def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stage(name: str, work: Path, n: int, seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    data, snap = work / f"data-{n}", work / f"graph-{n}.json"
    out: dict[str, Any] = {}
    if name == "build":
        from essgraph.loaders import build
        before = _rss_mib()
        t = time.perf_counter()
        result = build(data, snapshot=work / f"graph-{n}-bench.json")
        out["seconds"] = time.perf_counter() - t
        out["nodes"], out["edges"] = result.graph.number_of_nodes(), result.graph.number_of_edges()
    elif name == "build_baseline":
        import csv
        import networkx as nx
        before = _rss_mib()
        t = time.perf_counter()
        G = nx.MultiDiGraph()
        for path in sorted(data.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    if "start" in row and "end" in row:
                        G.add_edge(row["start"], row["end"], **row)
                    elif "id" in row:
                        G.add_node(row["id"], **row)
        out["seconds"] = time.perf_counter() - t
        out["nodes"], out["edges"] = G.number_of_nodes(), G.number_of_edges()
    elif name in ("analyze", "measures", "reference"):
        from essgraph.analysis import analyze, tie_graph
        from essgraph.analysis.pipeline import betweenness_sample
        from essgraph.graphmodel import public_graph
        from essgraph.loaders import load_graph
        t = time.perf_counter()
        G = load_graph(snapshot=snap)
        out["load_seconds"] = time.perf_counter() - t
        if name == "analyze":
            before = _rss_mib()
            t = time.perf_counter()
            result = analyze(G, seed=seed)
            out["seconds"] = time.perf_counter() - t
            out["betweenness_k"] = result.hubs["betweenness_k"]
            out["summary"] = result.summary
        elif name == "measures":  # essgraph's own functions for exactly the reference's measures
            from essgraph.analysis import articulation_points, bridges, centrality, communities, components
            T, _ = tie_graph(public_graph(G))
            k = betweenness_sample(T)
            before = _rss_mib()
            t = time.perf_counter()
            centrality(T, k=k, seed=seed)
            communities(T, seed=seed)
            articulation_points(T), bridges(T), components(T)
            out["seconds"], out["betweenness_k"] = time.perf_counter() - t, k
        else:
            from igraph_reference import reference
            T, _ = tie_graph(public_graph(G))
            k = betweenness_sample(T)
            before = _rss_mib()
            r = reference(T, k=k, seed=seed)
            out["seconds"], out["steps"], out["checks"], out["betweenness_k"] = r["seconds"], r["steps"], r["checks"], k
    elif name in ("render", "report"):
        from essgraph.loaders import load_graph
        from essgraph.render import render, report
        G = load_graph(snapshot=snap)
        before = _rss_mib()
        t = time.perf_counter()
        if name == "render":
            path = render(G, work / f"whole-{n}.html", ViewRequest(seed=seed)).path
            out["html_mib"] = path.stat().st_size / 2 ** 20
            out.update(_view_of(path))
        else:
            path = report(G, work / f"report-{n}", seed=seed)
            out["html_mib"] = sum(p.stat().st_size for p in path.parent.rglob("*.html")) / 2 ** 20
        out["seconds"] = time.perf_counter() - t
    elif name == "export_json":  # essgraph export --format json: the public form, through json_bytes
        from essgraph.loaders import export, load_graph
        G = load_graph(snapshot=snap)
        before = _rss_mib()
        t = time.perf_counter()
        path = export(G, "json", work / f"export-{n}.json")
        out["seconds"], out["json_mib"] = time.perf_counter() - t, path.stat().st_size / 2 ** 20
    elif name == "render_baseline":
        from essgraph.analysis import tie_graph
        from essgraph.graphmodel import public_graph
        from essgraph.loaders import load_graph
        from essgraph.render.positions import force_layout
        G = load_graph(snapshot=snap)
        before = _rss_mib()
        t = time.perf_counter()
        T, _ = tie_graph(public_graph(G))
        nodes = sorted(T, key=str)
        index = {v: i for i, v in enumerate(nodes)}
        edges = [(index[u], index[v]) for u, v in T.edges()]
        xy = force_layout(len(nodes), edges, seed=seed)
        path = work / f"bare-{n}.html"
        path.write_text(_bare_page(nodes, edges, xy), encoding="utf-8")
        out["seconds"] = time.perf_counter() - t
        out["html_mib"] = path.stat().st_size / 2 ** 20
    elif name in ("chromium", "chromium_baseline"):
        before = _rss_mib()
        out.update(_draw(work / (f"whole-{n}.html" if name == "chromium" else f"bare-{n}.html")))
    else:
        raise SystemExit(f"unknown stage {name}")
    out["rss_mib"], out["rss_before_mib"] = _rss_mib(), before
    # analyze forks one child for the slowest measures (TieStructure.start): its peak, shared pages included
    out["children_rss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def _view_of(path: Path) -> dict[str, Any]:
    """Which view the default render wrote (``whole``, or ``overview`` past the size limit) and its elements."""
    import re
    html = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="essgraph-data">(.*?)</script>', html, re.S)[1])
    return {"view": data["meta"]["view"], "aggregated": data["meta"].get("aggregated", False),
            "nodes": len(data["nodes"]), "edges": len(data["edges"])}


def _bare_page(nodes: list[Any], edges: list[tuple[int, int]], xy: list[tuple[float, float]]) -> str:
    from essgraph.render.page import asset
    vis = str(asset("vis-network.min.js"))
    data = json.dumps({"nodes": [{"id": i, "x": x, "y": y} for i, (x, y) in enumerate(xy)],
                       "edges": [{"from": a, "to": b} for a, b in edges]})
    return ("<!doctype html><html><head><meta charset='utf-8'><script>" + vis + "</script></head>"
            "<body><div id='net' style='width:1200px;height:800px'></div><script>"
            f"var data={data};var network=new vis.Network(document.getElementById('net'),"
            "{nodes:new vis.DataSet(data.nodes),edges:new vis.DataSet(data.edges)},"
            "{physics:false,nodes:{shape:'dot',size:6},edges:{smooth:false}});"
            "network.once('afterDrawing',function(){document.body.setAttribute('data-ready-ms',"
            "String(Math.round(performance.now())));document.body.setAttribute('data-ready','1');});"
            "window.essgraph={network:network};</script></body></html>")


def _draw(path: Path) -> dict[str, Any]:
    """What a person waits for in headless Chromium: the page drawn and stable, then two pans.

    * ``seconds``: wall time from ``driver.get`` until the page says it is drawn
      (``data-ready``: vis-network's first ``afterDrawing`` with physics off, or
      ``stabilizationIterationsDone`` with physics on); ``ready_ms``: the same,
      in the page's own clock from navigation start; ``marks_ms``: the page's
      ``performance.mark`` steps (data parsed, network built, drawn);
    * ``pan_redraw_s``: ``network.moveTo`` 200 px aside until the next ``afterDrawing``;
    * ``drag_s``: a real mouse drag of 200 px on the canvas (press, two moves,
      release: Selenium spends about half a second on the gesture itself) until the
      ``afterDrawing`` after the release; ``drag_release_redraw_s``: from the
      release to that redraw (edges hidden while dragging come back then);
      ``drag_frames``: frames drawn during the drag.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="essgraph-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--window-size=1280,900", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        driver.set_page_load_timeout(600)
        driver.set_script_timeout(120)
        t = time.perf_counter()
        driver.get(path.as_uri())
        loaded = time.perf_counter() - t
        while driver.execute_script("return document.body.getAttribute('data-ready')") != "1":
            if time.perf_counter() - t > 600:
                return {"seconds": None, "error": "not drawn after 600 s"}
            time.sleep(0.02)
        drawn = time.perf_counter() - t
        timing = driver.execute_script(
            "var o = {ready: Number(document.body.getAttribute('data-ready-ms')) || null, marks: {}};"
            "performance.getEntriesByType('mark').forEach(function (m) { o.marks[m.name] = Math.round(m.startTime); });"
            "if (!o.ready) { o.ready = Math.round(performance.now()); } return o;")
        pan = driver.execute_async_script(
            "var done=arguments[arguments.length-1];var net=window.essgraph.network;var t0=performance.now();"
            "net.once('afterDrawing',function(){done((performance.now()-t0)/1000);});"
            "var p=net.getViewPosition();net.moveTo({position:{x:p.x+200,y:p.y+100}});")
        driver.execute_script(
            "window.__draws = []; window.__up = null; window.essgraph.network.on('afterDrawing', function () {"
            " window.__draws.push(performance.now()); });"
            "document.addEventListener('pointerup', function () { window.__up = performance.now(); }, true);")
        canvas = driver.find_element(By.CSS_SELECTOR, "canvas")
        start = driver.execute_script("return performance.now()")
        ActionChains(driver).move_to_element(canvas).click_and_hold().move_by_offset(100, 50) \
            .move_by_offset(100, 50).release().perform()
        deadline = time.perf_counter() + 120
        after = "var up = window.__up; return up === null ? null : window.__draws.filter(function (t) { return t >= up; })"
        while not driver.execute_script(after + ".length") and time.perf_counter() < deadline:
            time.sleep(0.01)
        up, redrawn = driver.execute_script(after.replace("return up === null ? null : ", "return [up, ") + "[0]];")
        return {"seconds": drawn, "load_event_s": loaded, "ready_ms": timing["ready"], "marks_ms": timing["marks"],
                "pan_redraw_s": pan, "drag_s": (redrawn - start) / 1000 if redrawn else None,
                "drag_release_redraw_s": (redrawn - up) / 1000 if redrawn and up else None,
                "drag_frames": driver.execute_script("return window.__draws.length")}
    finally:
        driver.quit()


# ---------------------------------------------------------------- driver (parent process)

def machine() -> dict[str, Any]:
    mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return {"cores": os.cpu_count(), "memory_gib": round(int(mem) / 2 ** 20, 1), "python": platform.python_version(),
            "platform": platform.platform(), "cpu": _cpu_name(), "date": time.strftime("%Y-%m-%d %H:%M")}


def _cpu_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def run_stage(stage: str, work: Path, n: int, seed: int, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", stage, "--work", str(work), "--n", str(n),
           "--seed", str(seed)]
    load = os.getloadavg()[0]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f} s", "wall_s": timeout, "load": load}
    wall = time.perf_counter() - t
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}",
                "wall_s": wall, "load": load}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(wall_s=wall, load=load)
    return result


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in runs if "error" not in r and r.get("seconds") is not None]
    if not ok:
        return {"error": runs[-1].get("error"), "runs": len(runs)}
    out = dict(ok[-1])
    for key in ("seconds", "load_seconds", "rss_mib", "rss_before_mib", "wall_s", "pan_redraw_s", "load_event_s", "load", "ready_ms",
                "drag_s", "drag_release_redraw_s", "html_mib"):
        values = [r[key] for r in ok if r.get(key) is not None]
        if values:
            out[key] = statistics.median(values)
    out["runs"], out["all_seconds"] = len(ok), [round(r["seconds"], 3) for r in ok]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--repeat-large", type=int, default=1, help="runs at N >= 100,000")
    ap.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "essgraph-scale")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--json", type=Path, default=None, help="write all results here")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(_stage(args.stage, args.work, args.n, args.seed), default=str))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": machine(), "sizes": {}}
    for n in args.sizes:
        data = args.work / f"data-{n}"
        if not data.exists():
            subprocess.run(["essgraph", "synth", "--orgs", str(n), "--seed", "1", "-o", str(data)], check=True)
        if not (args.work / f"graph-{n}.json").exists():
            subprocess.run(["essgraph", "build", "--data", str(data), "--snapshot", str(args.work / f"graph-{n}.json")],
                           check=True, capture_output=True)
        repeat = args.repeat_large if n >= 100_000 else args.repeat
        results["sizes"][n] = {}
        for stage in args.stages:
            runs = [run_stage(stage, args.work, n, args.seed, args.timeout) for _ in range(repeat)]
            results["sizes"][n][stage] = median_of(runs)
            r = results["sizes"][n][stage]
            print(f"N={n:>7} {stage:<18} " + (f"{r['seconds']:8.2f} s  peak {r['rss_mib']:7.0f} MiB  "
                  f"load {r['load']:.1f}  runs {r['all_seconds']}" if "error" not in r else f"ERROR {r['error']}")
                  + (f"  html {r['html_mib']:.1f} MiB" if "html_mib" in r else "")
                  + (f"  pan {r['pan_redraw_s']:.2f} s" if r.get("pan_redraw_s") is not None else "")
                  + (f"  drag {r['drag_s']:.2f} s" if r.get("drag_s") is not None else "")
                  + (f"  view {r['view']}" if r.get("view") else ""), flush=True)
            if args.json:
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
