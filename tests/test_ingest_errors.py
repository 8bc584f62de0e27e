"""Bad inputs: each gives one clear one-line InputError naming it, and the batch goes on."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.errors import (
    BinaryInput,
    EmptyInput,
    EncodingInput,
    InputError,
    MissingInput,
    TooLargeInput,
)
from sidelined.ingest import read_inputs
from sidelined.ingest.decode import decode_bytes
from sidelined.models import Article

GOOD_TEXT = "Arsenal winger Bukayo Saka is out for three weeks with a hamstring strain."


def only(path: Path, **options: int) -> Article | InputError:
    [result] = list(read_inputs([str(path)], **options))  # type: ignore[arg-type]
    return result


def assert_one_line_naming(error: Article | InputError, name: str, kind: type[InputError]) -> None:
    assert isinstance(error, kind), error
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    assert len(message) < 200


def test_missing_path(tmp_path: Path) -> None:
    assert_one_line_naming(only(tmp_path / "nope.txt"), str(tmp_path / "nope.txt"), MissingInput)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    assert_one_line_naming(only(path), str(path), EmptyInput)


def test_file_with_only_a_date_line_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "dateonly.txt"
    path.write_text(" date 2025-01-01\n", encoding="utf-8")
    assert_one_line_naming(only(path), str(path), EmptyInput)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"some text\x00\x00\x01binary"],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(content)
    error = only(path)
    assert_one_line_naming(error, str(path), BinaryInput)
    assert str(error).endswith("binary file, not an article")


def test_file_with_bad_bytes_is_reported_with_offset(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"Saka is out for three weeks \xff\xfe\xfd\x80\x81 with a hamstring strain")
    error = only(path)
    assert_one_line_naming(error, str(path), EncodingInput)
    assert "offset 28" in str(error)


def test_garbled_bytes_that_happen_to_be_western_letters_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xE9, 0x28]) * 50)
    assert_one_line_naming(only(path), str(path), EncodingInput)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Kylian Mbappé a été touché à la cheville lors du match contre Nantes, a indiqué le club.", "cp1252"),
        ("Mbappé était blessé à la cheville, a indiqué le club parisien mardi soir.", "latin-1"),
        ("Müller und Gnabry fehlen dem FC Bayern am Samstag gegen Dortmund verletzt.", "cp1252"),
        ("Milinković-Savić doznał kontuzji kolana podczas meczu wczoraj wieczorem", "cp1250"),
    ],
)
def test_text_in_a_legacy_encoding_is_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    article = only(path)
    assert isinstance(article, Article)
    assert article.text == text


def test_utf8_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"))
    article = only(path)
    assert isinstance(article, Article) and article.text == GOOD_TEXT


def test_file_above_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(GOOD_TEXT * 10, encoding="utf-8")
    error = only(path, max_bytes=100)
    assert_one_line_naming(error, str(path), TooLargeInput)
    assert "100-byte limit" in str(error)


def test_batch_continues_after_each_kind_of_bad_input(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    inputs = [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "binary.txt"),
        str(empty_folder),
        str(tmp_path / "good.txt"),
    ]
    results = list(read_inputs(inputs))
    assert [type(result) for result in results] == [MissingInput, EmptyInput, BinaryInput, EmptyInput, Article]


def test_stdin_is_read_with_a_content_id(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO(GOOD_TEXT.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    [article] = list(read_inputs(["-"]))
    assert isinstance(article, Article)
    assert article.text == GOOD_TEXT
    assert article.id.startswith("stdin-") and article.origin == "<stdin>"


def test_stdin_above_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 500)))
    [error] = list(read_inputs(["-"], max_bytes=100))
    assert_one_line_naming(error, "<stdin>", TooLargeInput)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_or_a_typed_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "blob")
    except InputError as error:
        assert str(error).startswith("blob: ") and "\n" not in str(error)
    else:
        assert text.strip()
        assert "\x00" not in text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), max_size=300))
def test_any_utf8_text_decodes_unchanged(text: str) -> None:
    if text.strip():
        assert decode_bytes(text.encode("utf-8"), "t") == text
