"""The cluster recipe of docs/spark.md, run on this machine with ``spark-submit``.

A wheel of comity is built from the source tree and installed into a fresh virtual environment,
which is packed into a tar.gz and shipped to the executors with ``--archives``; the executors run its
Python (``spark.pyspark.python=./env/bin/python``). The application records where the executors
imported comity from, then runs ``comity.spark.submit.main``, the recipe's job. The master is
``local-cluster[1,1,1024]``: an executor process in its own working folder, where Spark unpacks the
archive, as on a cluster (with ``local[2]`` the executors live in the driver, which unpacks archives
elsewhere, so ``./env/bin/python`` is not there; docs/spark.md). To keep the test short, the
environment takes comity's third-party packages (spaCy, the model package, DuckDB …) from the
development environment through a ``.pth`` line instead of installing them from PyPI; comity itself
comes only from the wheel, and the test checks that the executors imported it from the archive.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'comity[spark]'; "
                    "make test installs it)")

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    {"url": "https://example.org/1", "published": "2025-03-04",
     "text": "China and Russia held talks in Beijing on Tuesday and agreed to expand energy cooperation, "
             "the two foreign ministries said.\n\n\"Our ties have never been stronger,\" Chinese Foreign "
             "Minister Wang Yi told reporters."},
    {"url": "https://example.org/2", "published": "2025-04-09",
     "text": "Japan imposed sanctions on North Korea on Friday after a missile test, the government in "
             "Tokyo said, and froze assets worth 20 million dollars."},
]
PROBE = """import os, sys
from pyspark.sql import SparkSession
import comity.spark.submit as submit

spark = SparkSession.builder.appName("comity-probe").getOrCreate()
seen = spark.sparkContext.parallelize(range(2), 2).map(
    lambda _: (os.getcwd(), __import__("comity").__file__)).collect()
print("PROBE " + repr(seen), flush=True)
sys.exit(submit.main(sys.argv[1:]))
"""


def build_environment(tmp: Path) -> Path:
    """The packed environment: a venv with comity's wheel, third-party packages through a .pth line."""
    dist, env = tmp / "dist", tmp / "env"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(dist), str(ROOT)], check=True, capture_output=True)
    wheel = next(dist.glob("comity-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing else may look installed
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install", "-q",
                    "--no-deps", "--no-index", "--ignore-installed", str(wheel)],
                   check=True, capture_output=True, env=clean)
    site = next((env / "lib").glob("python3*/site-packages"))
    (site / "dev-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    archive = tmp / "comity-env.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(env, arcname=".")
    return archive


def test_the_packed_environment_runs_the_job_under_spark_submit(tmp_path: Path) -> None:
    import pyspark

    archive = build_environment(tmp_path)
    driver_env = tmp_path / "driver-env"  # the driver runs the same packed environment, unpacked here
    with tarfile.open(archive) as tar:
        tar.extractall(driver_env, filter="fully_trusted")
    python = driver_env / "bin" / "python"
    (tmp_path / "probe.py").write_text(PROBE)
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    out = tmp_path / "coded"
    spark_home = Path(pyspark.__file__).parent
    env = {**os.environ, "SPARK_HOME": str(spark_home), "SPARK_WORKER_DIR": str(tmp_path / "work"),
           "PYTHONPATH": ""}
    done = subprocess.run(
        [str(spark_home / "bin" / "spark-submit"), "--master", "local-cluster[1,1,1024]",
         "--archives", f"{archive}#env", "--conf", "spark.pyspark.python=./env/bin/python",
         "--conf", f"spark.pyspark.driver.python={python}", "--conf", "spark.sql.shuffle.partitions=2",
         "--conf", "spark.ui.enabled=false",
         str(tmp_path / "probe.py"), str(news), "--out", str(out), "--partitions", "2"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]  # the driver's errors are in stdout
    probe = next(line for line in done.stdout.splitlines() if line.startswith("PROBE "))
    for cwd, module in ast.literal_eval(probe[len("PROBE "):]):  # each executor: its folder, comity's file
        assert Path(module).is_relative_to(Path(cwd) / "env" / "lib"), (cwd, module)
    assert "2 articles coded, 0 errors" in done.stdout  # spark-submit merges the driver's stderr into stdout
    rows = duckdb.sql("SELECT count(*), count(DISTINCT coder_version) FROM read_parquet(?)",
                      params=[str(out / "events" / "**" / "*.parquet")]).fetchall()
    assert rows[0][0] >= 2 and rows[0][1] == 1
