"""The wheel: built from the source tree, installed offline into an empty venv, it extracts a seed article.

Slow (about a minute): it builds the wheel as `make dist` does (from the files git does not ignore), makes a wheelhouse
by repacking the runtime dependencies already installed in this venv (so pip
never reaches an index), installs with `pip install --no-index`, and runs the
installed `sidelined` outside the source tree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name
from packaging.version import Version

from sidelined import __version__, extract_files

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = "003_81d34b0ba266b551"
# Written by pip itself when it installs; a repacked wheel must not carry them.
_INSTALLER_FILES = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}

pytestmark = pytest.mark.slow


def _run(args: list[str | Path], cwd: Path, timeout: float = 300) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_", "VIRTUAL_ENV", "SIDELINED_"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _tracked_copy(dest: Path) -> Path:
    """The repository's files that git does not ignore, so build leftovers cannot hide a gap in the wheel."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: cannot tell the tracked files apart")
    for name in listed.stdout.decode().split("\0"):
        source = REPO / name
        if name and source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def can_build_here() -> bool:
    """Whether this venv's setuptools builds wheels by itself (70.1 has bdist_wheel; before, the wheel package)."""
    try:
        return Version(metadata.version("setuptools")) >= Version("70.1") or bool(metadata.version("wheel"))
    except metadata.PackageNotFoundError:
        return False


def build_wheel(out: Path, work: Path) -> Path:
    """As `make dist` does; in this venv, without fetching a build backend, when it can."""
    source = _tracked_copy(work / "src-tree")
    isolation = ["--no-isolation", "--skip-dependency-check"] if can_build_here() else []
    _run([sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", out, source], cwd=source)
    (wheel,) = out.glob("sidelined-*.whl")
    return wheel


def runtime_distributions(root: str = "sidelined") -> list[metadata.Distribution]:
    """Every installed distribution `root` needs at run time (its extras left out), itself excluded."""
    found: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    done: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        key = canonicalize_name(name)
        if (key, extras) in done:
            continue
        done.add((key, extras))
        dist = metadata.distribution(name)
        found.setdefault(key, dist)
        for spec in dist.requires or []:
            requirement = Requirement(spec)
            wanted = {""} | set(extras)
            if requirement.marker and not any(requirement.marker.evaluate({"extra": e}) for e in wanted):
                continue
            todo.append((requirement.name, frozenset(requirement.extras)))
    found.pop(canonicalize_name(root), None)
    return list(found.values())


def repack(dist: metadata.Distribution, out: Path) -> Path:
    """A wheel of an installed distribution, from the files its RECORD lists inside site-packages."""
    declared = re.findall(r"^Tag: (\S+)$", dist.read_text("WHEEL") or "", re.MULTILINE)
    usable = {str(tag) for tag in sys_tags()}
    tag = next((t for t in declared if t in usable), "py3-none-any")
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    wheel = out / f"{name}-{dist.version}-{tag}.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_STORED) as archive:
        for file in dist.files or []:
            parts = file.parts
            if parts[0] == ".." or "__pycache__" in parts or file.suffix == ".pyc":
                continue  # scripts and caches: pip makes its own
            if parts[0].endswith(".dist-info") and file.name in _INSTALLER_FILES:
                continue
            located = Path(str(dist.locate_file(file)))
            if located.is_file():
                archive.write(located, file.as_posix())
        record_dir = next(p for p in (dist.files or []) if p.parts[0].endswith(".dist-info")).parts[0]
        archive.writestr(f"{record_dir}/RECORD", "")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty venv with only the wheel and its runtime dependencies, installed without an index."""
    work = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(work / "dist", work)
    house = work / "wheelhouse"
    house.mkdir()
    for dist in runtime_distributions():
        repack(dist, house)
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    _run([python, "-m", "pip", "install", "-q", "--no-index", "--find-links", house, wheel], cwd=work)
    return env_dir


def test_wheel_carries_the_data_files(installed: Path) -> None:
    code = ("import sidelined, pathlib; root = pathlib.Path(sidelined.__file__).parent; print(root); "
            "print(*sorted(p.relative_to(root).as_posix() for p in root.rglob('*') "
            "if p.is_file() and '__pycache__' not in p.parts), sep='\\n')")
    root, *files = _run([installed / "bin" / "python", "-c", code], cwd=installed).split()
    assert Path(root).is_relative_to(installed), "sidelined was imported from outside the new venv"
    for expected in ("py.typed", "kb/data/kb.json.gz", "store/migrations/env.py",
                     "store/migrations/versions/0001_initial.py", "store/migrations/script.py.mako",
                     "web/templates/base.html", "web/static/style.css"):
        assert expected in files
    assert any(f.startswith("examples/stories/") for f in files)


def test_installed_version_is_the_packages(installed: Path) -> None:
    assert _run([installed / "bin" / "sidelined", "--version"], cwd=installed).strip() == f"sidelined {__version__}"


def test_installed_cli_extracts_a_seed_like_the_source_tree(installed: Path, tmp_path: Path) -> None:
    seed = SHARED / "seeds" / f"{SEED}.txt"
    if not seed.exists():
        pytest.skip(f"../shared not found: {seed} is the real article the wheel is tried on")
    local = tmp_path / seed.name
    shutil.copy(seed, local)
    output = _run([installed / "bin" / "sidelined", "extract", "--json", local], cwd=tmp_path)
    (record,) = [json.loads(line) for line in output.splitlines()]
    gold = json.loads((SHARED / "seeds" / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    assert record["article"]["published"] == gold["article"]["published"]
    assert {r["player"] for r in record["injuries"]} & {r["player"] for r in gold["injuries"]}
    (here,) = extract_files([local])
    assert record == here.to_dict(), "the wheel extracts differently from the source tree"


def test_installed_demo_uses_the_bundled_examples(installed: Path, tmp_path: Path) -> None:
    output = _run([installed / "bin" / "sidelined", "demo"], cwd=tmp_path)
    assert "Bukayo Saka" in output
    assert "hamstring" in output.lower()
