"""``python -m comity``: the command line."""

from comity.cli import app
from comity.cli_corpus import register

register(app)
app(prog_name="comity")
