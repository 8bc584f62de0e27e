"""Addresses of the web pages, built in one place so every name is percent-encoded the same way.

Names may hold any character (a slash, a quote, markup), so each is quoted
whole and the page routes accept it with a `path` converter.
"""

from __future__ import annotations

from urllib.parse import quote


def player_url(name: str) -> str:
    return "/players/" + quote(name, safe="")


def team_url(name: str) -> str:
    return "/teams/" + quote(name, safe="")


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")
