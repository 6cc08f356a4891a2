# ruff: noqa: S603, S607 -- starts valgrind, callgrind_control and this module with its own arguments
"""Instructions per uncached request of each public page, counted by valgrind's
callgrind: the same for the same code and data whatever else the machine runs, so two
commits can be compared on a busy machine, where ``make bench``'s wall-clock figures
move with the load. Only the portal's process is counted, not PostgreSQL's.

Each page is requested through the WSGI application in a process of its own under
valgrind: three requests to warm it (the site's structure, the cards), then the counted
ones. Needs valgrind (Debian's package) and the benchmark's data (``make bench`` makes
it):

    python -m bench.instructions                 # every page, 10,000 practices
    python -m bench.instructions --pages home,city --requests 10
"""

import argparse
import io
import os
import re
import shutil
import subprocess
import sys

from bench.run import PYTHON, ROOT, environment, page_paths

WARM_UP = 3
COLLECTED = re.compile(r"Collected : (\d+)")


def count(path, requests, env):
    """Instructions per request of the page, from one valgrind run."""
    finished = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            "--callgrind-out-file=/dev/null",
            PYTHON,
            "-m",
            "bench.instructions",
            "--serve",
            path,
            "--requests",
            str(requests),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(COLLECTED.search(finished.stderr).group(1)) / requests


def serve(path, requests):
    """Inside valgrind: warm the page, then count only the requests asked for."""
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    address, _, query = path.partition("?")

    def request():
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": address,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "HTTP_HOST": "127.0.0.1:8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        body = application(environ, lambda status, headers, *exc_info: None)
        b"".join(body)
        body.close()

    for _ in range(WARM_UP):
        request()
    callgrind_control = ["callgrind_control", "--instr", "on", str(os.getpid())]
    subprocess.run(callgrind_control, check=True, capture_output=True)
    for _ in range(requests):
        request()
    callgrind_control[2] = "off"
    subprocess.run(callgrind_control, check=True, capture_output=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--pages", help="comma-separated subset of the pages")
    parser.add_argument("--requests", type=int, default=5, help="counted per page")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    env = environment(args.scale, cached=False)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if args.serve:
        serve(args.serve, args.requests)
        return
    if not shutil.which("valgrind"):
        sys.exit("counting instructions needs valgrind: apt-get install valgrind")
    paths = page_paths()
    wanted = args.pages.split(",") if args.pages else list(paths)
    for name in wanted:
        millions = count(paths[name], args.requests, env) / 1e6
        print(f"{name:10} {millions:8.1f} M instructions per request  {paths[name]}", flush=True)


if __name__ == "__main__":
    main()
