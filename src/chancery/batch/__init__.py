"""Distributed runs: ``chancery batch`` codes JSONL and Parquet partitions on Dask into Parquet shards.

``run_batch`` plans the inputs' partitions (``inputs``), codes those the folder's manifest does
not list yet on a Dask cluster (``dask_runner``), each with the same ``Pipeline.code_stream`` as
``chancery code``, and writes them as month-partitioned Parquet datasets (``shards``);
``load_shards`` then stores them in the ledger. Dask, distributed and pyarrow live only here.
"""

from chancery.batch.dask_runner import BatchReport, run_batch
from chancery.batch.loading import LoadReport, load_shards
from chancery.batch.manifest import Manifest
from chancery.batch.shards import event_dict, quote_dict

__all__ = ["BatchReport", "LoadReport", "Manifest", "event_dict", "load_shards", "quote_dict", "run_batch"]
