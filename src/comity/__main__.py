"""``python -m comity``: the command line."""

from comity.cli import app

app(prog_name="comity")
