# ruff: noqa: S310, S603, S607, S608 -- a benchmark runner: opens its own http://127.0.0.1 servers and starts local tools with its own arguments
"""The benchmark behind ``make bench``: the portal's public pages against a bare Django
view, both served by gunicorn with the same settings, loaded by wrk.

The ceiling is ``bench/ceiling.py``: a one-file Django project whose only view returns a
fixed 20 KiB page with no middleware. The portal runs with production settings on
PostgreSQL, once with the anonymous page cache off and once with it on (Redis). The
measurements go in rounds, each round the ceiling and then every page, so that the
ceiling and the pages share the machine's other load. Per page it reports requests per
second, the ratio to the ceiling of the same run, p50/p99 latency, the server's CPU
milliseconds per request (gunicorn's master and workers, user and system time from
/proc), SQL queries, HTML bytes, and the load average at the start and end. When wrk
itself used nearly a full core while measuring the ceiling, the ceiling is wrk's and no
ratio is reported. It then measures the search and the filtered library for one visitor,
writes their query plans, and writes every figure as JSON.

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
import resource
import shutil
import signal
import socket
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

# The same server for the portal and the ceiling: the reference figures were
# taken with two sync workers.
GUNICORN = ["--worker-class=sync", "--log-level=warning", "--timeout=120"]
# wrk's own summary, as one line of JSON after its usual report.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests": %d, "duration_us": %d, "bytes": %d, '
    .. '"socket_errors": %d, "status_errors": %d, '
    .. '"p50_us": %d, "p95_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""
# wrk using this share of one core or more is measuring itself, not the server.
SATURATED_CORES = 0.85


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


def ensure_wrk():
    """``make bench`` installs wrk from Debian's packages when it is missing."""
    if not shutil.which("wrk"):
        sys.exit("the benchmark needs wrk: apt-get install wrk (make bench does)")


class Server:
    """gunicorn serving an application, with the CPU time its processes have used."""

    def __init__(self, application, env, port, workers, ready_path="/"):
        self.application, self.env, self.port, self.workers = application, env, port, workers
        self.ready_path = ready_path

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                self.application,
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{self.port}",
                *GUNICORN,
            ],
            env=self.env,
            cwd=ROOT,
        )
        # A first page on a busy machine can take a minute.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url(self.ready_path), timeout=120)
                break
            except OSError:
                time.sleep(0.3)
        else:
            self.process.kill()
            raise RuntimeError(f"gunicorn did not start {self.application}")
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        # gunicorn lets its workers finish for up to 30 s; a busy machine took longer.
        try:
            self.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def cpu_seconds(self):
        """User and system CPU time of gunicorn's master and workers so far."""
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in [str(master), *children]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            # utime and stime, the 14th and 15th fields of proc(5).
            total += int(fields[11]) + int(fields[12])
        return total / ticks


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk(url, seconds, threads, connections, script):
    """One wrk run: its summary, and the cores wrk itself used meanwhile."""
    cpu_before = children_cpu_seconds()
    started = time.monotonic()
    finished = subprocess.run(
        [
            "wrk",
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=30s",
            f"--script={script}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.monotonic() - started
    line = next(
        (line for line in finished.stdout.splitlines() if line.startswith("BENCH-JSON ")), None
    )
    if line is None:
        raise RuntimeError(f"wrk measured nothing at {url}:\n{finished.stdout}{finished.stderr}")
    summary = json.loads(line.removeprefix("BENCH-JSON "))
    summary["wrk_cores"] = (children_cpu_seconds() - cpu_before) / wall
    return summary


def measure(server, path, args, script, threads=None, connections=None):
    load = os.getloadavg()[0]
    cpu_before = server.cpu_seconds()
    summary = wrk(
        server.url(path),
        args.seconds,
        threads or args.threads,
        connections or args.connections,
        script,
    )
    cpu = server.cpu_seconds() - cpu_before
    settle(server)
    requests = summary["requests"]
    return {
        "requests": requests,
        "failures": summary["socket_errors"] + summary["status_errors"],
        "rps": requests / (summary["duration_us"] / 1e6),
        "p50_ms": summary["p50_us"] / 1000,
        "p95_ms": summary["p95_us"] / 1000,
        "p99_ms": summary["p99_us"] / 1000,
        "cpu_ms_per_request": 1000 * cpu / max(requests, 1),
        "wrk_cores": summary["wrk_cores"],
        "load_average": load,
    }


def settle(server, most=60):
    """Wait until the server has answered what wrk left in its queue, so that the next
    measurement does not share the machine with it: its workers idle, and no query of
    theirs still running in PostgreSQL (a worker waiting for a slow query uses no CPU of
    its own; one visitor's search measured after the library under load waited seconds
    for the library's queued queries)."""
    deadline = time.monotonic() + most
    before = server.cpu_seconds()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = server.cpu_seconds()
        # Under a tenth of a core: idle but for the workers' heartbeat.
        if now - before < 0.05 and not queries_running():
            return
        before = now


def queries_running():
    """The number of other sessions' queries running in the benchmark's database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND state = 'active' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def combine(runs):
    """One figure from the rounds: their mean rate, median latencies, and CPU time over
    all their requests."""
    requests = sum(run["requests"] for run in runs)
    cpu = sum(run["cpu_ms_per_request"] * run["requests"] for run in runs)
    return {
        "rps": statistics.mean(run["rps"] for run in runs),
        "rps_rounds": [round(run["rps"], 1) for run in runs],
        "p50_ms": statistics.median(run["p50_ms"] for run in runs),
        "p95_ms": statistics.median(run["p95_ms"] for run in runs),
        "p99_ms": statistics.median(run["p99_ms"] for run in runs),
        "cpu_ms_per_request": cpu / max(requests, 1),
        "requests": requests,
        "failures": sum(run["failures"] for run in runs),
        "wrk_cores": max(run["wrk_cores"] for run in runs),
        "load_average_at_start": runs[0]["load_average"],
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
        f"{'page':<10}{'mode':<10}{'req/s':>8}{'ratio':>8}{'p50':>7}{'p99':>7}"
        f"{'CPU ms':>8}{'SQL':>5}{'HTML KB':>9}{'load':>6}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        ratio = "n/a" if row["ratio"] is None else f"{row['ratio']:.1%}"
        lines.append(
            f"{row['page']:<10}{row['mode']:<10}{row['rps']:>8.1f}{ratio:>8}"
            f"{row['p50_ms']:>7.1f}{row['p99_ms']:>7.1f}{row['cpu_ms_per_request']:>8.2f}"
            f"{row['queries']:>5}{row['html_bytes'] / 1024:>9.1f}"
            f"{row['load_average_at_start']:>6.1f}"
        )
    return "\n".join(lines)


def markdown(rows, ceiling):
    lines = [
        "| page | mode | req/s | of ceiling | p50 ms | p99 ms | CPU ms/req | SQL | HTML KB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| ceiling (bare Django) | | {ceiling['rps']:.0f} | 100% | {ceiling['p50_ms']:.1f}"
        f" | {ceiling['p99_ms']:.1f} | {ceiling['cpu_ms_per_request']:.2f} | 0 | 20.0 |",
    ]
    for row in rows:
        ratio = "n/a" if row["ratio"] is None else f"{row['ratio']:.1%}"
        lines.append(
            f"| {row['page']} | {row['mode']} | {row['rps']:.1f} | {ratio} | {row['p50_ms']:.1f}"
            f" | {row['p99_ms']:.1f} | {row['cpu_ms_per_request']:.2f} | {row['queries']}"
            f" | {row['html_bytes'] / 1024:.1f} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10_000, help="practices in the data set")
    parser.add_argument("--seconds", type=int, default=10, help="per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="ceiling and pages, interleaved")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--pages", default="", help="comma-separated subset of the pages")
    parser.add_argument("--modes", default="uncached,cached")
    args = parser.parse_args(argv)

    ensure_wrk()
    env = environment(args.scale, cached=False)
    ensure_database(env["DATABASE_URL"])
    subprocess.run(
        [PYTHON, "-m", "bench.generate", f"--practices={args.scale}"], env=env, cwd=ROOT, check=True
    )
    print("collecting static files", flush=True)
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
    modes = args.modes.split(",")

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
    }
    print("counting queries", flush=True)
    counts = {mode: count_queries_and_bytes(paths, mode == "cached") for mode in modes}
    cache.clear()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(WRK_SCRIPT)
        script = handle.name
    ceiling_env = dict(os.environ, PYTHONPATH=str(ROOT))
    ceiling_env.pop("DJANGO_SETTINGS_MODULE")
    runs = {(name, mode): [] for mode in modes for name in paths}
    ceiling_runs = []
    with (
        Server("bench.ceiling:application", ceiling_env, free_port(), args.workers) as ceiling,
        Server(
            "portal.wsgi:application", environment(args.scale, False), free_port(), args.workers
        ) as uncached,
        Server(
            "portal.wsgi:application", environment(args.scale, True), free_port(), args.workers
        ) as cached,
    ):
        servers = {"uncached": uncached, "cached": cached}
        print("warming up", flush=True)
        for mode in modes:
            for path in paths.values():
                for _warm in range(3):
                    urllib.request.urlopen(servers[mode].url(path), timeout=120)
        for number in range(args.rounds):
            ceiling_runs.append(measure(ceiling, "/", args, script))
            print(f"round {number + 1}: ceiling {ceiling_runs[-1]['rps']:.0f} req/s", flush=True)
            for mode in modes:
                for name, path in paths.items():
                    runs[name, mode].append(measure(servers[mode], path, args, script))
                    print(f"  {name} {mode} {runs[name, mode][-1]['rps']:.1f} req/s", flush=True)

        ceiling_figures = combine(ceiling_runs)
        saturated = ceiling_figures["wrk_cores"] >= SATURATED_CORES
        rows = []
        for (name, mode), page_runs in runs.items():
            figures = combine(page_runs)
            rows.append(
                {
                    "page": name,
                    "mode": mode,
                    "path": paths[name],
                    **figures,
                    **counts[mode][name],
                    "ratio": None if saturated else figures["rps"] / ceiling_figures["rps"],
                }
            )

        # One visitor: the search and the filtered library, uncached, at this scale.
        single = {}
        one_visitor = argparse.Namespace(**{**vars(args), "seconds": 20})
        for name in ("search", "library"):
            if name in paths:
                single[name] = measure(uncached, paths[name], one_visitor, script, 1, 1)
    os.unlink(script)

    results["ceiling"] = {**ceiling_figures, "saturated_load_generator": saturated}
    results["pages"] = rows
    results["one_visitor"] = single
    results["machine"]["load_average_at_end"] = os.getloadavg()
    plans, plan_checks = explain(args.scale)
    results["plans"] = plan_checks
    out = BENCH_DIR / "results"
    out.mkdir(exist_ok=True)
    (out / f"plans-{args.scale}.txt").write_text(plans)
    (out / f"results-{args.scale}.json").write_text(json.dumps(results, indent=2, default=str))
    (out / f"table-{args.scale}.md").write_text(markdown(rows, ceiling_figures) + "\n")

    print()
    load = results["machine"]
    print(f"{args.scale} practices; {os.cpu_count()} CPUs shared with other work: noisy figures")
    print(
        "load average (1, 5, 15 min) at start "
        + ", ".join(f"{value:.2f}" for value in load["load_average_at_start"])
        + "; at end "
        + ", ".join(f"{value:.2f}" for value in load["load_average_at_end"])
    )
    print(
        f"ceiling (bare Django, {args.workers} sync workers): {ceiling_figures['rps']:.0f} req/s"
        f" (rounds: {', '.join(map(str, ceiling_figures['rps_rounds']))}),"
        f" {ceiling_figures['cpu_ms_per_request']:.2f} CPU ms per request;"
        f" wrk used {ceiling_figures['wrk_cores']:.2f} of a core"
    )
    if saturated:
        print(
            f"NO RATIOS: wrk used {ceiling_figures['wrk_cores']:.2f} of a core on the ceiling"
            f" (limit {SATURATED_CORES}), so the ceiling measured wrk, not the server"
        )
    print(table(rows))
    print()
    for name, figures in single.items():
        print(
            f"one visitor, {name}: p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms,"
            f" p99 {figures['p99_ms']:.0f} ms ({figures['requests']} requests)"
        )
    print(f"query plans: {out / f'plans-{args.scale}.txt'} {plan_checks}")
    print(f"results: {out / f'results-{args.scale}.json'}, {out / f'table-{args.scale}.md'}")


if __name__ == "__main__":
    main()
