"""The apps' layers (``[tool.importlinter]`` in pyproject.toml), checked by import-linter
as `make lint` checks them, on the project and on a copy with one forbidden import."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def root_packages():
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def lint_imports(directory):
    # In a process of its own: import-linter finds the packages on the import path, where
    # this process has the project's own already imported.
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", str(directory / "pyproject.toml")],
        cwd=directory,
        env={"PYTHONPATH": str(directory)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def project_copy(tmp_path):
    """The root packages' Python modules and the configuration, in a directory of their
    own, to be changed without touching the project."""
    shutil.copy(PROJECT / "pyproject.toml", tmp_path)
    for package in root_packages():
        shutil.copytree(
            PROJECT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("templates", "static", "locale", "__pycache__"),
        )
    return tmp_path


def test_every_app_imports_only_the_apps_below_it():
    result = lint_imports(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_import_of_a_higher_app_inside_a_function_breaks_the_contract(project_copy):
    assert lint_imports(project_copy).returncode == 0
    module = project_copy / "cities" / "views.py"
    module.write_text(
        module.read_text() + "\n\ndef hosted_events():\n    from events.models import EventPage\n"
    )
    result = lint_imports(project_copy)
    assert result.returncode == 1
    assert "cities is not allowed to import events" in result.stdout
    assert "cities.views -> events.models" in result.stdout


def test_an_import_of_a_higher_app_from_portal_breaks_the_contract(project_copy):
    module = project_copy / "portal" / "navigation.py"
    module.write_text("from practices.models import PracticePage\n" + module.read_text())
    result = lint_imports(project_copy)
    assert result.returncode == 1
    assert "portal.navigation -> practices.models" in result.stdout


def test_an_import_of_the_events_models_from_what_they_call_breaks_the_contract(project_copy):
    module = project_copy / "events" / "feeds.py"
    module.write_text(module.read_text() + "\n\ndef posts():\n    from .models import TourStop\n")
    result = lint_imports(project_copy)
    assert result.returncode == 1
    assert "events.feeds -> events.models" in result.stdout
