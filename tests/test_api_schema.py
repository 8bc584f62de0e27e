"""Schemathesis against the OpenAPI schema: generated requests never crash the API and answers match the schema.

A bounded number of examples per operation keeps it fast.  The store is a
temporary SQLite file holding the written story, made when the module is
collected (schemathesis needs the app then).  POST /api/articles runs the
real extraction pipeline on every generated text, so it gets fewer examples.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from sidelined.api import create_app
from test_api_story import fill

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[dev]')")

EXAMPLES_PER_OPERATION = 15
POSTED_ARTICLES = 20
SLOW_OK = [HealthCheck.too_slow, HealthCheck.filter_too_much]

_folder = Path(tempfile.mkdtemp(prefix="sidelined-schema-"))
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
_url = f"sqlite:///{_folder / 'store.db'}"
fill(_url)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_url, today=lambda: date(2025, 5, 12)))


@schema.exclude(method="POST").parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=SLOW_OK)
def test_api_honours_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate()


@schema.include(method="POST").parametrize()
@settings(max_examples=POSTED_ARTICLES, deadline=None, suppress_health_check=SLOW_OK)
def test_posting_articles_honours_the_schema(case: schemathesis.Case) -> None:
    case.call_and_validate()
