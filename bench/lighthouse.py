# ruff: noqa: S603 -- starts local tools with its own arguments
"""Lighthouse scores (performance, accessibility) of the home page, the library and a
practice page, served by gunicorn with the benchmark's production settings and data.

Needs Node.js (npx fetches Lighthouse from npm) and Chromium at /usr/bin/chromium:

    python -m bench.lighthouse [--scale 10000]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.run import BENCH_DIR, ROOT, Server, environment, page_paths

PAGES = ("home", "library", "practice")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=8079)
    parser.add_argument("--cached", action="store_true", help="with the page cache")
    args = parser.parse_args(argv)
    env = environment(args.scale, cached=args.cached)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    paths = page_paths()
    scores = {}
    with Server("portal.wsgi:application", env, args.port, 2), tempfile.TemporaryDirectory() as out:
        for name in PAGES:
            report = Path(out) / f"{name}.json"
            lighthouse(f"http://127.0.0.1:{args.port}{paths[name]}", report)
            categories = json.loads(report.read_text())["categories"]
            scores[name] = {key: round(value["score"] * 100) for key, value in categories.items()}
            print(name, scores[name], flush=True)
    (BENCH_DIR / "results").mkdir(exist_ok=True)
    (BENCH_DIR / "results" / f"lighthouse-{args.scale}.json").write_text(
        json.dumps({"paths": {name: paths[name] for name in PAGES}, "scores": scores}, indent=2)
    )


def lighthouse(url, report, attempts=3):
    """Lighthouse's report on the page. On a busy machine Lighthouse sometimes fails to
    record the page load's trace (NO_NAVSTART) and asks to be run again; it is."""
    command = [
        "npx",
        "--yes",
        "lighthouse@13",
        url,
        "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    for attempt in range(attempts):
        finished = subprocess.run(command, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        if finished.returncode == 0:
            return
        print(f"Lighthouse failed on {url} (attempt {attempt + 1} of {attempts})", flush=True)
    finished.check_returncode()


if __name__ == "__main__":
    main()
