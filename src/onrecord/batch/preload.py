"""A Dask worker preload: the model is loaded while the worker starts, before its first task.

    dask worker tcp://HEAD:8786 --nthreads 1 --preload onrecord.batch.preload

The LocalCluster of `onrecord batch` uses it too. Without it the first partition of each
worker also pays the model loading, and partitions sized to finish together do not.
"""
from __future__ import annotations


def dask_setup(worker) -> None:  # noqa: ARG001 - the preload protocol passes the worker
    from ..extract.pipeline import pipeline
    pipeline()
