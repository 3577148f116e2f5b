"""A normal install (a wheel, ``pip install .``) carries the data set and the shipped model.

``pyproject.toml`` installs the top-level ``resources/`` folder as ``explorer._resources`` and
``explorer/paths.py`` finds it there. These tests build a real wheel of the project (from a clean
copy of the sources, so a stale ``build/`` folder in the checkout cannot hide a missing file),
look inside it, then import the package from the unpacked wheel in a fresh interpreter and load
the model and the data set from there.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from explorer import paths

REPO = Path(__file__).resolve().parent.parent
IDX_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)


def _cannot_build() -> str:
    """Why this interpreter cannot build the wheel offline ('' if it can)."""
    for module in ("pip", "setuptools"):
        if importlib.util.find_spec(module) is None:
            return (
                f"{module} is not installed in this interpreter (needed for --no-build-isolation)"
            )
    if _setuptools_major() < 77:  # pyproject.toml needs 77 (license = "MIT", PEP 639)
        return ("building the wheel offline needs setuptools>=77 in this interpreter "
                "(the test extra installs it)")
    return ""


def _setuptools_major() -> int:
    try:
        return int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return 0


_WHY_NOT = _cannot_build()
needs_build = pytest.mark.skipif(bool(_WHY_NOT), reason=_WHY_NOT or "can build")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a clean copy of pyproject.toml, README.md, explorer/ and resources/."""
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    for name in ("explorer", "resources"):
        shutil.copytree(REPO / name, src / name, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(out), str(src)],
        cwd=src, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert done.returncode == 0, f"pip wheel failed:\n{done.stdout}\n{done.stderr}"
    wheels = list(out.glob("cnn_explorer-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {out}, found {wheels}"
    return wheels[0]


@needs_build
def test_wheel_carries_the_data_set_and_the_shipped_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "explorer/_resources/data/mnist-subset/"
    models = "explorer/_resources/models/"
    expected = {data + f for f in IDX_FILES} | {
        data + "README.md", models + "README.md", models + "default.npz"}
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    # the folder is shipped whole, and only inside the package (no top-level `resources/`)
    shipped = {p.relative_to(REPO / "resources").as_posix()
               for p in (REPO / "resources").rglob("*") if p.is_file()}
    assert {"explorer/_resources/" + s for s in shipped} <= names
    assert not [n for n in names if n.startswith("resources/")]


@needs_build
def test_wheel_carries_every_module_of_the_package(wheel):
    """pyproject.toml lists the subpackages by hand: a new one that is not listed fails here."""
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "explorer").rglob("*.py")
               if "__pycache__" not in p.parts}
    missing = sorted(modules - names)
    assert not missing, (
        f"not in the wheel: {missing}; add their packages to [tool.setuptools] packages "
        "in pyproject.toml")


@needs_build
def test_installed_package_finds_its_resources(wheel, tmp_path):
    """Import explorer from the unpacked wheel, outside the repository, and load both."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import explorer, sys\n"
        "from explorer import paths\n"
        "from explorer.engine import load_default_model\n"
        "from explorer.data import load_builtin\n"
        "model, data = load_default_model(), load_builtin()\n"
        "print(explorer.__file__)\n"
        "print(paths.RESOURCES)\n"
        "print(model.n_params, data.n_train, data.n_test)\n"
    )
    run = tmp_path / "elsewhere"
    run.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=run, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert done.returncode == 0, done.stderr
    package_file, resources, counts = done.stdout.splitlines()
    assert Path(package_file).is_relative_to(site), "imported the checkout, not the wheel"
    assert Path(resources) == (site / "explorer" / "_resources").resolve()
    params, n_train, n_test = (int(v) for v in counts.split())
    assert params == paths_n_params() and n_train == 3000 and n_test == 1000


def paths_n_params() -> int:
    from explorer.engine import load_model

    return load_model(paths.DEFAULT_MODEL).n_params


def test_checkout_paths_point_at_real_files():
    """Editable install or plain checkout: the names resolve to the repository's files."""
    assert paths.RESOURCES == (REPO / "resources").resolve()
    assert paths.DEFAULT_MODEL == paths.MODELS / "default.npz"
    assert paths.DEFAULT_MODEL.is_file()
    assert (paths.MODELS / "README.md").is_file()
    for name in IDX_FILES + ("README.md",):
        assert (paths.BUILTIN_DATA / name).is_file(), name


def test_missing_installed_package_falls_back_to_the_checkout(monkeypatch, tmp_path):
    installed = tmp_path / "explorer" / "_resources"
    installed.mkdir(parents=True)
    spec = importlib.util.spec_from_loader(paths.RESOURCES_PACKAGE, loader=None, is_package=True)
    spec.submodule_search_locations = [str(installed)]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    assert paths.find_resources() == installed.resolve()
    spec.submodule_search_locations = [str(tmp_path / "gone")]
    assert paths.find_resources() == (REPO / "resources").resolve()
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert paths.find_resources() == (REPO / "resources").resolve()
