"""A worker process of ``--jobs`` ends soon after its parent is killed (SIGKILL: no clean-up runs),
whether it is waiting for work or in the middle of coding an article; stray workers had been found
still running many minutes after a killed ``comity ingest``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The parent: a coder whose stages write a mark named by the worker's pid once an article is coded,
# then either return (the worker goes back to waiting for work) or go on computing for ever (the
# worker is caught coding). The articles run out after two and the stream then blocks, so the parent
# sits waiting while each of its two workers holds one article or waits for the next.
PARENT = """
import sys, time
from pathlib import Path
from comity.config import Config
from comity.pipeline import Coder, Workers
from comity.records import Article

marks, mode = Path(sys.argv[1]), sys.argv[2]
TEXTS = [
    "The mayor of Brindleford opened a new bridge over the river on Monday, the city council said.",
    "Fishermen in the port of Kelvane protested on Thursday against new limits on the herring catch.",
]

class Marking(Coder):
    def run_stages(self, parsed):
        coded = super().run_stages(parsed)
        (marks / str(__import__("os").getpid())).write_text(parsed.article.id)
        while mode == "coding":
            sum(range(10_000))  # busy in Python: holds the interpreter as real coding does
        return coded

def stream():
    for i, text in enumerate(TEXTS):
        yield Article(id=f"a{i}", text=text)
    time.sleep(3600)
    yield from ()

coder = Marking(Config(batch_size=1, time_budget=0))
with Workers(coder, 2) as workers:
    for article, result in workers.code_many(stream()):
        print(article.id, flush=True)
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("mode", ["waiting", "coding"])
def test_workers_end_soon_after_their_parent_is_killed(tmp_path: Path, mode: str) -> None:
    marks = tmp_path / "marks"
    marks.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(marks), mode], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120  # the model loads, then each worker codes its article
        while len(workers) < 2:
            assert parent.poll() is None, f"the parent ended early: {parent.stderr.read()}"
            assert time.monotonic() < deadline, "the workers did not code their articles in time"
            time.sleep(0.2)
            workers = sorted(int(mark.name) for mark in marks.iterdir())
        time.sleep(1.0)  # a waiting worker is back in its read of the next batch
        assert all(_alive(pid) and _parent_of(pid) == parent.pid for pid in workers)

        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [pid for pid in workers if _alive(pid)] == [], f"workers outlived their parent ({mode})"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in workers:  # our own workers only, should they have outlived the test
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        parent.stderr.close()
