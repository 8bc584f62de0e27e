"""`python -m sidelined` runs the command line."""

from sidelined.cli import app

app(prog_name="sidelined")
