# ruff: noqa: S603 -- starts the portal's own manage.py, gunicorn and locust
"""Load test: 50 visitors for 60 seconds against gunicorn with production settings.

    .venv/bin/python bench/load.py                  # 50 users, 60 s
    .venv/bin/python bench/load.py --users 20 --seconds 30

It builds a throwaway SQLite database with the demo content (migrate, load_demo),
collects the static files, starts gunicorn with ``portal.settings.production`` on a free
port of 127.0.0.1, runs ``bench/locustfile.py`` headless, prints requests, failures,
requests per second and the 50th and 95th percentiles (overall and per kind of page),
and exits non-zero if any request failed or errored. Plain HTTP on 127.0.0.1, so the
HTTPS redirect is switched off through the environment; everything else is production.
"""

import argparse
import csv
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(workdir):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{workdir / 'load.sqlite3'}",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
            "LOG_LEVEL": "WARNING",
        }
    )
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    return env


def manage(env, *args):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True)


def wait_until_serving(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before it served anything")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {url} within {seconds} s")


def read_stats(prefix):
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def report(rows, errors):
    def line(row):
        return (
            f"{row['Name'][:24]:<24} {int(row['Request Count']):>8} "
            f"{int(row['Failure Count']):>8} {float(row['Requests/s']):>8.1f} "
            f"{row['50%']:>7} {row['95%']:>7}"
        )

    print(f"\n{'page':<24} {'requests':>8} {'failures':>8} {'rps':>8} {'p50 ms':>7} {'p95 ms':>7}")
    for row in rows:
        if row["Name"] != "Aggregated":
            print(line(row))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    print(line(total))
    for error in errors:
        print(
            f"error: {error['Occurrences']} x {error['Method']} {error['Name']}: {error['Error']}"
        )
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="portal-load-") as tmp:
        workdir = Path(tmp)
        env = environment(workdir)
        print("Preparing a database with the demo content ...", flush=True)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "load_demo", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")

        port = free_port()
        host = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                "4",
                "--worker-class",
                "gthread",
                # Longer than a visitor's pause (at most 2 s), so gunicorn never closes
                # a kept-alive connection just as locust reuses it.
                "--keep-alive",
                "30",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            wait_until_serving(f"{host}/", server)
            print(
                f"gunicorn ({args.workers} workers x 4 threads, production settings) at {host};"
                f" locust: {args.users} users for {args.seconds} s",
                flush=True,
            )
            prefix = workdir / "locust"
            locust = subprocess.run(
                [
                    str(BIN / "locust"),
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    str(max(1, args.users // 5)),
                    "--run-time",
                    f"{args.seconds}s",
                    "--host",
                    host,
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)

        if not Path(f"{prefix}_stats.csv").exists():
            print(locust.stdout, locust.stderr, sep="\n")
            return 2
        with open(f"{prefix}_failures.csv", newline="") as handle:
            errors = list(csv.DictReader(handle))
        total = report(read_stats(prefix), errors)
        failures = int(total["Failure Count"])
        if int(total["Request Count"]) == 0 or failures or errors or locust.returncode:
            print(f"\nFAILED: {failures} failed requests (locust exit {locust.returncode})")
            if locust.returncode and not errors:
                print(locust.stderr[-3000:])
            return 1
        print("\nOK: no failed request.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
