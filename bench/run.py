# ruff: noqa: S603, S607, S608 -- a benchmark runner: starts local tools with its own arguments
"""The benchmark behind ``make bench``: the portal's public pages against a ceiling view,
served by gunicorn with production settings on PostgreSQL, measured with locust.

Each page is measured between two runs of the ceiling view (a Django view returning a
fixed 20 KB page under the same server, middleware and workers), so every figure is a
ratio taken in one run, on a machine whose other load comes and goes. Per page it
reports requests per second, p50/p95/p99 latency, CPU milliseconds per request (the
workers' own CPU time), SQL queries, HTML bytes and the ratio to the ceiling; uncached,
and cached for anonymous visitors (``portal.cache``, Redis). It then measures the search
and the filtered library for one visitor, writes their query plans, and writes every
figure as JSON.

    python -m bench.run                     # 10,000 practices
    python -m bench.run --scale 100000      # the search-scaling run
"""

import argparse
import gzip
import importlib.util
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent

LOCUSTFILE = """
import os
from locust import FastHttpUser, task

class Visitor(FastHttpUser):
    @task
    def get(self):
        self.client.get(os.environ["BENCH_PATH"], name="page")
"""


def environment(scale, cached):
    """The servers' and this process's settings: the benchmark's own database per scale,
    its own Redis database and key prefix, and the page cache on or off."""
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    env.setdefault("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/bench_{scale}")
    env["DATABASE_URL"] = env["BENCH_DATABASE_URL"]
    # Redis when its client library is installed (and BENCH_REDIS_URL not empty);
    # otherwise each worker keeps its own memory cache, which serves the same pages as
    # fast but could not share invalidations between servers.
    redis_url = env.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
    if redis_url and importlib.util.find_spec("redis"):
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    env["CACHE_KEY_PREFIX"] = "bench"
    env["PAGE_CACHE_SECONDS"] = "600" if cached else "0"
    env["PYTHONPATH"] = str(ROOT)
    return env


def ensure_database(url):
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)


class Server:
    """gunicorn with two sync workers, the way the issue's reference figures were taken."""

    def __init__(self, env, port, workers):
        self.env, self.port, self.workers = env, port, workers

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "portal.wsgi:application",
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{self.port}",
                "--worker-class=sync",
                "--log-level=warning",
            ],
            env=self.env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__ceiling__/", timeout=5)
                break
            except OSError:
                time.sleep(0.3)
        else:
            self.process.kill()
            raise RuntimeError("gunicorn did not start")
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def worker_cpu_seconds(self):
        """User and system CPU time of the workers so far."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in children.read_text().split():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total / ticks


def locust(port, path, seconds, users, locustfile, attempts=3):
    """locust's summary of the page; on a busy machine locust sometimes starts its users
    too late to finish a request in the time, so it is tried again."""
    for attempt in range(attempts):
        try:
            return locust_once(port, path, seconds + 2 * attempt, users, locustfile)
        except RuntimeError as error:
            failure = str(error)
    # Not one request finished in the time: a page slower than the measurement.
    print(failure.splitlines()[0], file=sys.stderr)
    return {
        "num_requests": 0,
        "num_failures": 0,
        "response_times": {},
        "start_time": 0,
        "last_request_timestamp": 1,
    }


def locust_once(port, path, seconds, users, locustfile):
    env = dict(os.environ, BENCH_PATH=path)
    finished = subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            locustfile,
            "--headless",
            f"--users={users}",
            f"--spawn-rate={users}",
            f"--run-time={round(seconds)}s",
            f"--host=http://127.0.0.1:{port}",
            "--json",
            "--only-summary",
            "--loglevel=ERROR",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return next(entry for entry in json.loads(finished.stdout) if entry["name"] == "page")
    except (ValueError, StopIteration):
        raise RuntimeError(f"locust measured nothing at {path}:\n{finished.stderr}") from None


def percentile(histogram, fraction):
    """A percentile from locust's histogram of rounded response times (ms -> count)."""
    total = sum(histogram.values())
    seen = 0
    for value, count in sorted((float(ms), count) for ms, count in histogram.items()):
        seen += count
        if seen >= fraction * total:
            return value
    return 0.0


def measure(server, path, seconds, users, locustfile):
    cpu_before = server.worker_cpu_seconds()
    stats = locust(server.port, path, seconds, users, locustfile)
    cpu = server.worker_cpu_seconds() - cpu_before
    requests = stats["num_requests"]
    elapsed = max(stats["last_request_timestamp"] - stats["start_time"], 1e-6)
    histogram = stats["response_times"]
    return {
        "requests": requests,
        "failures": stats["num_failures"],
        "rps": requests / elapsed,
        "p50_ms": percentile(histogram, 0.50),
        "p95_ms": percentile(histogram, 0.95),
        "p99_ms": percentile(histogram, 0.99),
        "cpu_ms_per_request": 1000 * cpu / max(requests, 1),
    }


def page_paths():
    """The pages measured, found in the generated data."""
    from cities.models import CityPage
    from events.models import EventIndexPage, TourPage
    from practices.models import PracticePage

    city = CityPage.objects.live().filter(locale__language_code="en").order_by("path").last()
    practice = PracticePage.objects.live().filter(city=city).order_by("-path").first()
    return {
        "home": "/",
        "city": city.url,
        "practice": practice.url,
        "library": "/practices/?q=walk&goal=safe-urban-spaces&country=SE",
        "goal": "/practices/goals/safe-urban-spaces/",
        "tour": TourPage.objects.live().filter(locale__language_code="en").first().url,
        "events": EventIndexPage.objects.live().filter(locale__language_code="en").first().url,
        "search": "/search/?q=trygghetsvandring",
    }


def count_queries_and_bytes(paths, cached):
    """SQL queries and HTML bytes of each page, in this process, once warm."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    figures = {}
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=600 if cached else 0):
        for name, path in paths.items():
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            figures[name] = {
                "status": response.status_code,
                "queries": len(queries),
                "html_bytes": len(response.content),
                "html_css_js_gzip_bytes": page_weight(response.content.decode()),
            }
    return figures


def page_weight(html):
    """HTML, CSS and JavaScript of a page, gzip-compressed, in bytes: what a first visit
    downloads before images."""
    from django.conf import settings

    total = len(gzip.compress(html.encode(), 6))
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', html)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', html)
    for url in set(assets):
        if url.startswith(settings.STATIC_URL):
            path = Path(settings.STATIC_ROOT) / url[len(settings.STATIC_URL) :].split("?")[0]
            if path.exists():
                total += len(gzip.compress(path.read_bytes(), 6))
    return total


def explain(scale):
    """The query plans of a text search and of a filtered library view."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from practices.library import LibraryQuery
    from practices.library_db import search

    queries = {
        # Every generated practice has a key fact labelled "Follow-up walk".
        "search 'walk' (every practice)": LibraryQuery(text="walk"),
        "search 'mentors' (a twelfth)": LibraryQuery(text="mentors"),
        "library 'walk' + goal + country": LibraryQuery(
            text="walk", filters=(("country", ("SE",)), ("goal", ("safe-urban-spaces",)))
        ),
        "library goal + country, no text": LibraryQuery(
            filters=(("country", ("SE",)), ("goal", ("safe-urban-spaces",)))
        ),
    }
    plans = []
    with translation.override("en"):
        for label, query in queries.items():
            with CaptureQueriesContext(connection) as captured:
                search(query)
            # The page of results is the one query with a LIMIT on the practices.
            page = next(
                query["sql"]
                for query in captured
                if "LIMIT" in query["sql"] and '"practices_practicepage"' in query["sql"]
            )
            # On PostgreSQL every facet is counted in one query (unnest over the stored
            # facets); elsewhere each in its own (the first is shown).
            facet = next(
                query["sql"]
                for query in captured
                if "unnest(facets)" in query["sql"] or "COUNT(DISTINCT" in query["sql"]
            )
            chosen = (("results", page), ("facet counts", facet))
            for which, sql in chosen:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql)
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                plans.append(f"== {label}: {which} ({scale} practices)\n{plan}\n")
    text = "\n".join(plans)
    return text, {
        "uses_gin_index": "practices_search_document_gin" in text,
        "seq_scan_on_documents": bool(
            re.search(r"Seq Scan on practices_practicesearchdocument", text)
        ),
    }


def table(rows):
    header = (
        f"{'page':<10}{'mode':<10}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}"
        f"{'CPU ms':>8}{'SQL':>5}{'HTML KB':>9}{'gz KB':>7}{'ceiling':>9}{'ratio':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row['page']:<10}{row['mode']:<10}{row['rps']:>8.1f}{row['p50_ms']:>7.0f}"
            f"{row['p95_ms']:>7.0f}{row['p99_ms']:>7.0f}{row['cpu_ms_per_request']:>8.1f}"
            f"{row['queries']:>5}{row['html_bytes'] / 1024:>9.1f}"
            f"{row.get('html_css_js_gzip_bytes', 0) / 1024:>7.1f}{row['ceiling_rps']:>9.1f}"
            f"{row['ratio']:>7.1%}"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10_000, help="practices in the data set")
    parser.add_argument("--seconds", type=int, default=4, help="per measurement")
    parser.add_argument("--users", type=int, default=4, help="concurrent locust users")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--port", type=int, default=8077)
    parser.add_argument("--pages", default="", help="comma-separated subset of the pages")
    parser.add_argument("--modes", default="uncached,cached")
    args = parser.parse_args(argv)

    env = environment(args.scale, cached=False)
    ensure_database(env["DATABASE_URL"])
    subprocess.run(
        [PYTHON, "-m", "bench.generate", f"--practices={args.scale}"], env=env, cwd=ROOT, check=True
    )
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import cache

    paths = page_paths()
    if args.pages:
        paths = {name: path for name, path in paths.items() if name in args.pages.split(",")}

    results = {
        "scale": args.scale,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": os.getloadavg(),
        },
        "settings": vars(args),
        "page_cache": "redis" if env.get("REDIS_URL") else "memory, per worker",
        "paths": paths,
        "pages": [],
    }
    rows = []
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(LOCUSTFILE)
        locustfile = handle.name
    for mode in args.modes.split(","):
        cached = mode == "cached"
        counts = count_queries_and_bytes(paths, cached)
        cache.clear()
        with Server(environment(args.scale, cached), args.port, args.workers) as server:
            for path in paths.values():
                for _warm in range(3):
                    urllib.request.urlopen(f"http://127.0.0.1:{args.port}{path}", timeout=60)
            for name, path in paths.items():
                before = measure(server, "/__ceiling__/", args.seconds, args.users, locustfile)
                page = measure(server, path, args.seconds, args.users, locustfile)
                after = measure(server, "/__ceiling__/", args.seconds, args.users, locustfile)
                ceiling = statistics.mean([before["rps"], after["rps"]])
                row = {
                    "page": name,
                    "mode": mode,
                    "path": path,
                    **page,
                    **counts[name],
                    "ceiling_rps": ceiling,
                    "ceiling_cpu_ms_per_request": statistics.mean(
                        [before["cpu_ms_per_request"], after["cpu_ms_per_request"]]
                    ),
                    "ratio": page["rps"] / ceiling if ceiling else 0,
                }
                rows.append(row)
                print(table([row]).splitlines()[-1], flush=True)
    results["pages"] = rows

    # One visitor: the search and the filtered library, uncached, at this scale.
    single = {}
    with Server(environment(args.scale, False), args.port, args.workers) as server:
        for name in ("search", "library"):
            if name in paths:
                try:
                    single[name] = measure(server, paths[name], 20, 1, locustfile)
                except RuntimeError as error:
                    single[name] = {"error": str(error).splitlines()[0]}
    results["one_visitor"] = single
    results["machine"]["load_average_at_end"] = os.getloadavg()
    plans, plan_checks = explain(args.scale)
    results["plans"] = plan_checks
    out = BENCH_DIR / "results"
    out.mkdir(exist_ok=True)
    (out / f"plans-{args.scale}.txt").write_text(plans)
    (out / f"results-{args.scale}.json").write_text(json.dumps(results, indent=2, default=str))
    os.unlink(locustfile)

    print()
    load = results["machine"]
    print(f"{args.scale} practices; {os.cpu_count()} CPUs shared with other work: noisy figures")
    print(
        "load average (1, 5, 15 min) at start "
        + ", ".join(f"{value:.2f}" for value in load["load_average_at_start"])
        + "; at end "
        + ", ".join(f"{value:.2f}" for value in load["load_average_at_end"])
    )
    print(table(rows))
    print()
    for name, figures in single.items():
        if "error" in figures:
            print(f"one visitor, {name}: {figures['error']}")
            continue
        print(
            f"one visitor, {name}: p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms,"
            f" p99 {figures['p99_ms']:.0f} ms ({figures['requests']} requests)"
        )
    print(f"query plans: {out / f'plans-{args.scale}.txt'} {plan_checks}")
    print(f"results: {out / f'results-{args.scale}.json'}")


if __name__ == "__main__":
    main()
