"""Every example in the documentation runs: the docs cannot drift from the code.

Each page's fenced ```python blocks run in order in one namespace, and its
```console blocks run their `$ ` commands in a shell; a page runs in a fresh
temporary folder in which `src` points at the repository's `src`, so paths
read as they do from the repository root.  Lines under a command are output
that must appear (whitespace aside; a `...` line stands for anything), and so
are the lines of a ```text block, in what the python block before it printed.
```shell blocks are shown, not run: `make test` itself, and servers that run
until stopped.  A page whose first line is `<!-- docs-test: postgres -->` runs
with $SIDELINED_DB set to a fresh PostgreSQL database (skipped without the
server binaries); `<!-- docs-test: commands=a,b -->` skips a page, saying
why, while the CLI lacks one of those commands.  The ```python
examples in the public API's docstrings (which the API reference shows) run too.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import sidelined

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>python|console|text)\b[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
                   re.MULTILINE | re.DOTALL)
PAGE_NEEDS = re.compile(r"^<!-- docs-test: (?P<needs>[^>]*) -->")
COMMAND_SECONDS = 300


@dataclass
class Block:
    lang: str
    body: str
    line: int


@dataclass
class Command:
    line: str
    expected: list[str]


def blocks_in(markdown: str) -> list[Block]:
    found = []
    for match in FENCE.finditer(markdown):
        indent = len(match.group("indent"))
        body = "\n".join(line[indent:] for line in match.group("body").splitlines())
        found.append(Block(match.group("lang"), body, markdown.count("\n", 0, match.start()) + 1))
    return found


def commands_in(body: str) -> list[Command]:
    """`$ ` lines (a trailing backslash continues one) and the output lines that follow each."""
    commands: list[Command] = []
    lines = iter(body.splitlines())
    for line in lines:
        if line.startswith("$ "):
            text = line[2:]
            while text.endswith("\\"):
                text = text[:-1] + " " + next(lines, "").strip()
            commands.append(Command(text, []))
        elif commands and line.strip():
            commands[-1].expected.append(line)
    return commands


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def check_output(command: Command, output: str) -> None:
    seen = _squeeze(output)
    for line in command.expected:
        if line.strip() == "...":
            continue
        assert _squeeze(line) in seen, f"`{command.line}` did not print {line.strip()!r}; it printed:\n{output}"


def run_console(block: Block, folder: Path, env: dict[str, str]) -> None:
    for command in commands_in(block.body):
        done = subprocess.run(["bash", "-c", command.line], cwd=folder, env=env, capture_output=True, text=True,
                              timeout=COMMAND_SECONDS, check=False)
        output = done.stdout + done.stderr
        assert done.returncode == 0, f"`{command.line}` (line {block.line}) exited {done.returncode}:\n{output}"
        check_output(command, output)


def run_python(block: Block, namespace: dict[str, object], name: str) -> str:
    """Run the block; returns what it printed."""
    code = compile(block.body, f"{name}:{block.line}", "exec")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, namespace)
    return printed.getvalue()


def shell_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIDELINED_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "160"  # rich wraps table cells less
    env.update(extra)
    return env


def page_needs(markdown: str) -> list[str]:
    """What a page's first-line `<!-- docs-test: ... -->` asks for: `postgres`, `commands=a,b`."""
    found = PAGE_NEEDS.match(markdown)
    return found.group("needs").split() if found else []


def skip_without_commands(needs: list[str]) -> None:
    wanted = [name for need in needs if need.startswith("commands=") for name in need[9:].split(",")]
    if not wanted:
        return
    from sidelined.cli import app

    registered = {command.name or (command.callback.__name__ if command.callback else "")
                  for command in app.registered_commands}
    missing = [name for name in wanted if name not in registered]
    if missing:
        pytest.skip(f"this build of sidelined has no {', '.join(missing)} command(s) yet")


@contextlib.contextmanager
def page_database(markdown: str) -> Iterator[dict[str, str]]:
    if "postgres" not in page_needs(markdown):
        yield {}
        return
    from sidelined.scale.pg_temp import fresh_database, server_binaries, temporary_postgres

    if server_binaries() is None:
        pytest.skip("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
    with temporary_postgres() as server, fresh_database(server) as url:
        yield {"SIDELINED_DB": url}


def run_page(markdown: str, name: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    skip_without_commands(page_needs(markdown))
    (folder / "src").symlink_to(REPO / "src", target_is_directory=True)
    monkeypatch.chdir(folder)
    ran = 0
    with page_database(markdown) as extra:
        for key, value in extra.items():
            monkeypatch.setenv(key, value)
        env = shell_env(extra)
        namespace: dict[str, object] = {"__name__": f"docs:{name}"}
        printed: str | None = None
        for block in blocks_in(markdown):
            if block.lang == "python":
                printed = run_python(block, namespace, name)
            elif block.lang == "console":
                run_console(block, folder, env)
            else:
                assert printed is not None, f"{name}:{block.line}: a text block shows output of a python block"
                check_output(Command(f"python block before line {block.line}", block.body.splitlines()), printed)
                printed = None
            ran += 1
    return ran


PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [k for k in os.environ if k.startswith("SIDELINED_")]:
        monkeypatch.delenv(key)
    run_page(page.read_text(encoding="utf-8"), page.relative_to(DOCS).as_posix(), tmp_path, monkeypatch)


def public_docstrings() -> list[tuple[str, str]]:
    """(qualified name, docstring) of every public function, class and method of the API."""
    found: list[tuple[str, str]] = []
    for name in sidelined.__all__:
        value = getattr(sidelined, name)
        if not (inspect.isfunction(value) or inspect.isclass(value)):
            continue
        if not getattr(value, "__module__", "").startswith("sidelined.library"):
            continue
        found.append((name, inspect.getdoc(value) or ""))
        if inspect.isclass(value):
            for member, attribute in vars(value).items():
                if not member.startswith("_") and callable(attribute):
                    found.append((f"{name}.{member}", inspect.getdoc(attribute) or ""))
    return found


DOCSTRINGS = [(name, doc) for name, doc in public_docstrings() if "```python" in doc]


@pytest.mark.parametrize(("name", "doc"), DOCSTRINGS, ids=[name for name, _ in DOCSTRINGS])
def test_docstring_examples_run(name: str, doc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [k for k in os.environ if k.startswith("SIDELINED_")]:
        monkeypatch.delenv(key)
    assert run_page(textwrap.dedent(doc), name, tmp_path, monkeypatch) > 0


def test_every_public_function_is_documented() -> None:
    for name, doc in public_docstrings():
        assert doc.strip(), f"sidelined.{name} has no docstring"


def test_the_runner_sees_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for folder in "abc":
        (tmp_path / folder).mkdir()
    with pytest.raises(AssertionError):
        run_page("```python\nassert 1 + 1 == 3\n```\n", "bad-python", tmp_path / "a", monkeypatch)
    console = "```console\n$ echo hello\nworld\n```\n"
    with pytest.raises(AssertionError, match="world"):
        run_page(console, "bad-console", tmp_path / "b", monkeypatch)
    assert run_page("```console\n$ echo one \\\n  two\none two\n...\n```\n", "ok", tmp_path / "c", monkeypatch) == 1


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    if mkdocs is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[dev]')")
    done = subprocess.run([mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=REPO,
                          capture_output=True, text=True, timeout=COMMAND_SECONDS, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_changelog_has_an_entry_for_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(r"^## Unreleased$", changelog, re.MULTILINE)
    assert re.search(rf"^## \[?{re.escape(sidelined.__version__)}\]? - ", changelog, re.MULTILINE), \
        f"CHANGELOG.md has no section for version {sidelined.__version__}"
