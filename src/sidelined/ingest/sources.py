"""Where inputs come from: files, folders (recursive), stdin and http(s) URLs.

Each input becomes a `RawInput` (its bytes and how to name it) or the
InputError saying why it could not be read; nothing is parsed here.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import BinaryIO

from sidelined.errors import EmptyInput, InputError, MissingInput, TooLargeInput
from sidelined.ingest.detect import ARTICLE_SUFFIXES

STDIN = "-"
_ID_HASH_CHARS = 12


@dataclass(frozen=True)
class RawInput:
    name: str  # how messages name the input: the path as given, the URL or "-"
    data: bytes
    stem: str  # the article id for single-article inputs, the id prefix otherwise
    url: str | None = None
    in_folder: bool = False


def raw_inputs(
    inputs: Iterable[str | PathLike[str]], *, max_bytes: int, timeout: float
) -> Iterator[RawInput | InputError]:
    """The bytes of every input, in order, folders expanded; an error in place of each bad one."""
    for given in inputs:
        item = str(given)  # a pathlib.Path is welcome too
        if item == STDIN:
            yield _read_stdin(sys.stdin.buffer, max_bytes=max_bytes)
        elif is_url(item):
            yield _read_url(item, max_bytes=max_bytes, timeout=timeout)
        else:
            yield from _read_path(item, max_bytes=max_bytes)


def _read_stdin(stream: BinaryIO, *, max_bytes: int) -> RawInput | InputError:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return TooLargeInput("<stdin>", f"larger than the {max_bytes:,}-byte limit")
    return RawInput(name="<stdin>", data=data, stem="stdin-" + _digest(data))


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def _read_url(url: str, *, max_bytes: int, timeout: float) -> RawInput | InputError:
    from sidelined.ingest.fetch import fetch  # httpx is imported only when a URL comes in

    try:
        page = fetch(url, max_bytes=max_bytes, timeout=timeout)
    except InputError as error:
        return error
    return RawInput(name=url, data=page.data, stem="url-" + _digest(page.url.encode("utf-8")), url=page.url)


def _read_path(item: str, *, max_bytes: int) -> Iterator[RawInput | InputError]:
    path = Path(item)
    if path.is_dir():
        files = article_files(path)
        if not files:
            yield EmptyInput(item, "folder has no article files (" + " ".join(sorted(ARTICLE_SUFFIXES)) + ")")
        for file in files:
            yield _read_file(file, str(file), max_bytes=max_bytes, in_folder=True)
    elif path.exists():
        yield _read_file(path, item, max_bytes=max_bytes, in_folder=False)
    else:
        yield MissingInput(item, "no such file or folder")


def article_files(folder: Path) -> list[Path]:
    """Files under `folder` (recursively) that may hold articles, hidden ones left out."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    )


def _read_file(path: Path, name: str, *, max_bytes: int, in_folder: bool) -> RawInput | InputError:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return TooLargeInput(name, f"{size:,} bytes, larger than the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except PermissionError:
        return MissingInput(name, "cannot be read (permission denied)")
    except IsADirectoryError:
        return MissingInput(name, "is not a file")
    except OSError as error:
        return MissingInput(name, f"cannot be read ({error.strerror or error})")
    return RawInput(name=name, data=data, stem=path.stem, in_folder=in_folder)


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:_ID_HASH_CHARS]
