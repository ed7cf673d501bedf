"""Coding input partitions on a Dask cluster: a local one by default, or a running scheduler's.

Each worker process builds one ``Pipeline`` (the model loads once per process, when the
``PipelinePlugin`` is registered or a replacement worker starts) and codes whole partitions with
``Pipeline.code_stream``, the very function ``chancery code`` runs, then writes the partition's
shards itself (``shards.write_partition``: each file renamed into place whole). The client only
plans partitions, submits them and records each finished one in the manifest. A worker that dies
mid-partition is replaced by its nanny and Dask runs the partition again elsewhere; its files
have the same names, so the output never holds a row twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from chancery.batch.inputs import Partition, plan, read_partition
from chancery.batch.loading import LoadReport, load_shards
from chancery.batch.manifest import Finished, Manifest, header
from chancery.batch.shards import leftovers, write_partition
from chancery.errors import ChanceryError
from chancery.pipeline import Pipeline
from chancery.records import CodedArticle, InputNote, InputProblem, content_id
from chancery.settings import Settings, available_cores

PLUGIN = "chancery-pipeline"
# Dask's defaults for a worker, changed for coding (each measured on benchmarks/batch.py's corpus,
# one worker coding 100 articles: 4.5 s with the defaults, 3.8 s with these, as in a plain process).
LOCAL_WORKER_CONFIG = {
    # No dashboard reads the statistical profile that samples the coding thread's stack every 10 ms.
    "distributed.worker.profile.enabled": False,
    # The nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so that glibc hands freed memory
    # back at once; spaCy allocates and frees all the time, and paid ~10% for it. Threads stay at one.
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
    # The event loop's watchdog (every 20 ms) and memory monitor (every 100 ms) each take the GIL
    # from the coding thread; once a second is enough for a run of partitions that take seconds.
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
}
_PIPELINES: dict[Settings, Pipeline] = {}  # per worker process: the model loads once


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, loaded on first use and kept for every later partition."""
    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline.from_settings(settings).warm()
    return _PIPELINES[settings]


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin that loads the pipeline as each worker starts (replacements included)."""

    name = PLUGIN

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        pipeline_for(self.settings)


def code_partition(partition: Partition, out: str, settings: Settings) -> Finished:
    """Code one partition and write its shards; what the manifest records of it.

    Runs on a worker. Records that are not articles become problems (``file:line``, why) and the
    partition goes on; an article that fails to code is its own problem, as in ``chancery code``.
    """
    pipeline = pipeline_for(settings)
    coded: list[CodedArticle] = []
    problems: list[InputProblem] = []
    for _, result in pipeline.code_stream(read_partition(partition, settings)):
        if isinstance(result, InputProblem):  # notes too
            problems.append(result)
        else:
            coded.append(result)
    files = write_partition(Path(out), partition.id, coded)
    return Finished(
        partition=partition.id,
        input=partition.path,
        first_line=partition.first_line,
        records=partition.records,
        articles=len(coded),
        events=sum(len(item.events) for item in coded),
        quotes=sum(len(item.quotes) for item in coded),
        files=tuple(files),
        problems=tuple(problems),
    )


@dataclass(frozen=True)
class BatchReport:
    """What a batch run left in its folder, counted over the partitions of its inputs.

    ``skipped`` partitions were finished by an earlier run; ``failed`` ones could not be coded this
    time (a worker died on them again and again) and are left for a re-run.
    """

    out: Path
    partitions: int
    skipped: int
    articles: int
    events: int
    quotes: int
    problems: tuple[InputProblem, ...]
    failed: tuple[str, ...]
    problems_file: Path
    loaded: LoadReport | None = None

    @property
    def refused(self) -> tuple[InputProblem, ...]:
        return tuple(p for p in self.problems if not isinstance(p, InputNote))


Progress = Callable[[int, int], None]  # (records just done, records in all)


def run_batch(
    inputs: Sequence[str],
    out: Path,
    settings: Settings,
    *,
    scheduler: str | None = None,
    progress: Progress | None = None,
    ledger: Any = None,
) -> BatchReport:
    """Code every input partition not yet finished in ``out`` and write its shards; see the package doc.

    ``scheduler`` is a running Dask scheduler's address (``tcp://HOST:PORT``; ``out`` must then be
    a folder every worker sees); without it a local cluster starts with ``settings.workers`` worker
    processes (0: one per core) of one thread each. With a ``ledger``, every finished partition
    is then stored in it (``load_shards``), once however often this runs.
    """
    # Each Dask worker codes in its own process, with no pool of its own; the ledger's URL and the
    # API token stay with the client, never shipped to a cluster.
    coding = replace(settings, workers=1, db=Settings.db, api_token=None)
    size = settings.partition_size
    with Manifest.open(out, header(settings, size)) as manifest:
        planned = list(plan(inputs, size))
        partitions = [p for p in planned if isinstance(p, Partition)]
        problems = [p for p in planned if isinstance(p, InputProblem)]
        todo = [p for p in partitions if p.id not in manifest.finished]
        total = sum(p.records for p in partitions)
        if progress:
            progress(total - sum(p.records for p in todo), total)
        failed: list[str] = []
        if todo:
            with connect(scheduler, settings.workers or available_cores()) as client:
                client.register_plugin(PipelinePlugin(coding), name=PLUGIN)
                for partition, outcome in _submitted(client, todo, out, coding):
                    if isinstance(outcome, Finished):
                        manifest.record(outcome)
                    else:
                        failed.append(partition.id)
                        problems.append(outcome)
                    if progress:
                        progress(partition.records, total)
        for path in leftovers(out):
            path.unlink(missing_ok=True)
        order = [p.id for p in partitions]
        problems_file = manifest.write_problems(order, extra=problems)
        done = [manifest.finished[pid] for pid in order if pid in manifest.finished]
        loaded = load_shards(manifest, ledger, settings, order) if ledger is not None else None
        return BatchReport(
            out=out,
            partitions=len(partitions),
            skipped=len(partitions) - len(todo),
            articles=sum(d.articles for d in done),
            events=sum(d.events for d in done),
            quotes=sum(d.quotes for d in done),
            problems=tuple(p for d in done for p in d.problems) + tuple(problems),
            failed=tuple(failed),
            problems_file=problems_file,
            loaded=loaded,
        )


def _submitted(
    client: Any, todo: list[Partition], out: Path, settings: Settings
) -> Iterator[tuple[Partition, Finished | InputProblem]]:
    """Each partition as it finishes, with what it gave: its record, or why it could not be coded."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    folder = content_id(str(out.resolve()), length=8)
    futures = {
        client.submit(code_partition, p, str(out), settings, key=f"chancery-{folder}-{p.id}"): p for p in todo
    }
    for future in as_completed(futures):
        partition = futures[future]
        try:
            yield partition, future.result()
        except KilledWorker:
            yield (
                partition,
                InputProblem(
                    partition.label, "stopped a worker each time it was coded; skipped (run again to retry)"
                ),
            )
        except ChanceryError:
            raise  # the run's problem (the model does not load, say), not one partition's
        except OSError as exc:
            raise ChanceryError(f"cannot write the shards in {out}: {exc.strerror or exc}") from exc
        except Exception as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            yield (
                partition,
                InputProblem(partition.label, f"could not be coded: {reason} (run again to retry)"),
            )
        finally:
            future.release()


@contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A Dask client: of the scheduler at ``scheduler``, or of a local cluster of ``workers`` processes."""
    import dask
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # a worker replaced is expected here
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ChanceryError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with `dask scheduler`, "
                "or leave out --scheduler for a local cluster"
            ) from exc
        with client:
            try:
                client.wait_for_workers(1, timeout=60)
            except TimeoutError as exc:
                hint = f"start some with `dask worker {scheduler}`"
                raise ChanceryError(f"the Dask scheduler at {scheduler} has no workers; {hint}") from exc
            yield client
        return
    with dask.config.set(LOCAL_WORKER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        yield client
