"""On SQLite (the default in development) a second writer waits for the lock instead of
failing with "database is locked", as an editor's Submit did while an autosave ran."""

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in the development settings, on a file as in development (the test database lives
# in memory). The autosave holds the write lock and lets go a moment after the Submit,
# which reads before it writes, has started.
SUBMIT_WHILE_AUTOSAVING = textwrap.dedent(
    """
    import sqlite3, sys, threading
    import django
    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        print("journal_mode", cursor.fetchone()[0])
        cursor.execute("PRAGMA busy_timeout")
        print("busy_timeout", cursor.fetchone()[0])

    autosave = sqlite3.connect(sys.argv[1], check_same_thread=False)
    autosave.execute("BEGIN IMMEDIATE")
    autosave.execute("INSERT INTO page_revision VALUES ('autosave')")
    finish = threading.Timer(0.3, autosave.commit)
    finish.start()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM page_revision")
        cursor.execute("INSERT INTO page_revision VALUES ('submit')")
    finish.join()
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM page_revision ORDER BY rowid")
        print("saved", [row[0] for row in cursor.fetchall()])
    """
)


def test_a_submit_waits_for_an_autosave_instead_of_failing(tmp_path):
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE page_revision (body TEXT)")
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev", DATABASE_URL=f"sqlite:///{database}"
    )
    result = subprocess.run(
        [sys.executable, "-c", SUBMIT_WHILE_AUTOSAVING, str(database)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "journal_mode wal" in lines
    assert int(lines[1].split()[1]) >= 5000
    assert lines[-1] == "saved ['autosave', 'submit']"
