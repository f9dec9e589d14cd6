"""The models' matrix products through numpy's BLAS, on one thread.

spaCy's CPU pipelines multiply through thinc's ``NumpyOps``, which by default hands every matrix
product to BLIS. The same ``NumpyOps`` built with ``use_blis=False`` hands them to numpy, whose wheels
carry OpenBLAS. On the machine comity is measured on (2 cores, x86-64 with AVX-512), OpenBLAS does the
products of the small pipeline (rows of 96 to 384 numbers) about three times as fast as BLIS, and the
products are some 40 % of the parse: the parse runs about 1.4 times as fast, and the Docs are the same
attribute for attribute (``python benchmarks/components.py`` compares them on real news).

OpenBLAS would use every core for one product; comity keeps it to one thread while it parses (a
worker of ``--jobs`` owns one core, and one process is measured against spaCy on one core), and leaves
the thread settings of the rest of the process as they were (``threadpoolctl``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController


def use_numpy_products(nlp: Language) -> int:
    """Give every layer of ``nlp``'s models that multiplies with BLIS numpy's products instead; returns
    how many layers changed (0 for a pipeline on a GPU or already without BLIS)."""
    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps and layer.ops.use_blis:
                layer.ops = ops
                changed += 1
    return changed


@cache
def _controller() -> ThreadpoolController:
    return ThreadpoolController()  # reads which BLAS libraries are loaded: once per process


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Numpy's BLAS on one thread inside the block, as it was set before once it ends."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
