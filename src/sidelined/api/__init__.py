"""The HTTP interface: a FastAPI app serving the JSON API and the web pages over one store."""

from sidelined.api.app import create_app

__all__ = ["create_app"]
