"""`python -m strikewatch`: the commands of the ``strikewatch`` script, for a checkout run with
``PYTHONPATH=src`` or an environment whose scripts folder is not on the PATH."""

from strikewatch.cli import app

app(prog_name="strikewatch")
