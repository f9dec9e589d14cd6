"""``comity serve``: the web explorer over a store, on this machine's loopback by default."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from comity.cli._common import ReadDbOpt, app, err, fail
from comity.corpus.store import DEFAULT_DB
from comity.errors import ComityError


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (``127.0.0.1``, ``::1``, ``localhost``)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback only unless "
                                      "--allow-remote).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Allow a --host other machines can "
                                               "reach (the store is then readable by them).")] = False,
) -> None:
    """Browse a store in a web browser: network, dyads, articles, speakers, event search (read-only)."""
    loopback = is_loopback(host)
    if not loopback and not allow_remote:
        raise fail(ValueError(f"--host {host} is reachable from other machines; add --allow-remote to "
                              "serve the store to them, or keep the default 127.0.0.1"))
    import uvicorn

    from comity.web.app import create_app

    try:
        web = create_app(db, hosts=None if loopback else ["*"])
    except ComityError as error:
        raise fail(error) from error
    if not loopback:
        err.print(f"[yellow]warning:[/yellow] serving {db} to every machine that can reach {host}:{port}; "
                  "anyone there can read the whole store (no login, no encryption)")
    shown = f"[{host}]" if ":" in host else host
    err.print(f"comity: serving {db} (read-only) at http://{shown}:{port}/  (Ctrl-C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")
