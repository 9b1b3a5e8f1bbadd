"""Lighthouse scores per page, mobile and desktop, for `make bench` (issue 9).

Serves a built site from a tiny local server that gzip-compresses what it sends
(as any real host would; Python's http.server does not), and runs the pinned npm
``lighthouse`` (package.json) against every page with Debian's Chromium and the same
flags as the browser tests. Prints one row per page: performance, accessibility,
best practices and SEO, for the mobile preset and the desktop preset.

Goal (issue 9): accessibility, best practices and SEO 100, mobile performance >= 95
on every page. Performance is measured on a shared machine, so it varies from run to
run by a few points; the other three categories are deterministic.

Usage::

    .venv/bin/python scripts/lighthouse_bench.py --site _build/html [--pages a.html,b.html]
    make bench     # (scripts/benchmark.py) builds, then runs this; --skip-lighthouse leaves it out
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import mimetypes
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "font/ttf", "application/wasm")
GOAL = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (level 6, like most hosts)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".mjs": "application/javascript",
                      ".svg": "image/svg+xml", ".woff": "font/woff", ".woff2": "font/woff2",
                      ".wasm": "application/wasm", ".pf_meta": "application/octet-stream"}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to "dir/"
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # 404 as usual
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = wants_gzip and ctype.startswith(COMPRESSIBLE)
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "_static" not in p.parts and "pagefind" not in p.parts)


def run_lighthouse(url: str, preset: str) -> dict[str, int]:
    """One Lighthouse run; returns {category: score 0-100} (missing scores as -1)."""
    cmd = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
        # Screenshots are not scored and cost seconds per run.
        "--skip-audits=screenshot-thumbnails,final-screenshot,full-page-screenshot",
        "--max-wait-for-load=30000",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(f"lighthouse failed on {url} ({preset}):\n{proc.stderr[-1500:]}\n")
        return {c: -1 for c in CATEGORIES}
    scores = {}
    for cat in CATEGORIES:
        score = report["categories"].get(cat, {}).get("score")
        scores[cat] = -1 if score is None else round(score * 100)
    audits = report["audits"]
    scores["_cls"] = audits.get("cumulative-layout-shift", {}).get("numericValue", -1)
    scores["_fcp"] = audits.get("first-contentful-paint", {}).get("numericValue", -1) / 1000
    scores["_failing"] = [
        f"{cat}:{ref['id']}"
        for cat in ("accessibility", "best-practices", "seo")
        for ref in report["categories"].get(cat, {}).get("auditRefs", [])
        if ref.get("weight", 0) > 0 and (report["audits"][ref["id"]].get("score") not in (None, 1))
    ]
    return scores


def lighthouse_table(site: Path, pages: list[str] | None = None) -> dict[str, dict]:
    """Run Lighthouse (mobile, desktop) on every page; print and return the table."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is not installed: run `make setup` (npm ci)")
    pages = pages or site_pages(site)
    server, base = serve(site)
    results: dict[str, dict] = {}
    started = time.perf_counter()
    header = "  ".join(f"{SHORT[c]:>4}" for c in CATEGORIES)
    print(f"\nLighthouse {lighthouse_version()} (gzip-served, Debian chromium); scores 0-100")
    print(f"  {'page':<46} mobile: {header}   desktop: {header}   mobile FCP s, CLS   load (1 min avg, {os.cpu_count()} cores)", flush=True)
    try:
        for rel in pages:
            url = f"{base}/{rel}"
            row = {}
            loads = []
            for preset in ("mobile", "desktop"):
                row[preset] = run_lighthouse(url, preset)
                loads.append(os.getloadavg()[0])  # the machine's load as this score was taken
            row["_load"] = loads
            results[rel] = row
            cells = "   ".join(
                f"{preset}: " + "  ".join(f"{row[preset][c]:>4}" for c in CATEGORIES)
                for preset in ("mobile", "desktop")
            )
            extra = (f"{row['mobile']['_fcp']:>5.1f} {row['mobile']['_cls']:>6.3f}   "
                     f"load {loads[0]:.2f} (mobile) {loads[1]:.2f} (desktop)")
            print(f"  {rel:<46} {cells}   {extra}", flush=True)
    finally:
        server.shutdown()
    print()
    misses = []
    for rel, row in results.items():
        for preset in ("mobile", "desktop"):
            for cat, goal in GOAL.items():
                if cat == "performance" and preset == "desktop":
                    continue
                if row[preset][cat] < goal:
                    misses.append(f"{rel} {preset} {SHORT[cat]} {row[preset][cat]} < {goal}")
        failing = sorted(set(row["mobile"]["_failing"]) | set(row["desktop"]["_failing"]))
        if failing:
            misses.append(f"{rel}: failing audits {', '.join(failing)}")
    print("  below goal: " + ("none" if not misses else "\n    " + "\n    ".join(misses)))
    print(f"  (lighthouse took {time.perf_counter() - started:.0f} s)")
    return results


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else "?"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--pages", help="comma-separated pages (default: every page)")
    args = parser.parse_args(argv)
    lighthouse_table(args.site, args.pages.split(",") if args.pages else None)
    return 0


if __name__ == "__main__":
    mimetypes.init()
    sys.exit(main(sys.argv[1:]))
