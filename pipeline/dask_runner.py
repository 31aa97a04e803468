"""The Dask runner: batches of pages go to `distributed` workers, record lines come back in input order.

Each worker builds its `ArticleProcessor` once, when the worker plugin is
registered, and keeps it for the whole run. At most a few batches per worker
are in flight, so memory stays flat on both sides. Without a scheduler address
a `LocalCluster` of single-threaded worker processes is started on this
machine, with its scratch space in a temporary directory removed at the end;
with one, the run uses that cluster (its workers must have this package and
its model installed). Import this module only for a Dask run: it imports
`distributed`.

A batch whose task killed its workers (Dask gives up on a task after a few
worker deaths: `KilledWorker`) becomes `worker_died` error records. A scheduler
that cannot be reached, or a cluster left without workers for
`NO_WORKER_TIMEOUT` seconds, ends the run with a `PipelineError`.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from pipeline.errors import PipelineError
from pipeline.nlp import NlpSettings
from pipeline.process import ArticleProcessor
from pipeline.readers import ReadItem
from pipeline.record_format import error_lines
from pipeline.runner import DEFAULT_BATCH_SIZE, WORKER_DIED, batched

PLUGIN_NAME = "belta-article-processor"
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler
NO_WORKER_TIMEOUT = 60  # seconds a run waits for a cluster without workers to get some


class ProcessorPlugin(WorkerPlugin):
    """A worker plugin holding the worker's one `ArticleProcessor`; pickled with its settings only."""

    name = PLUGIN_NAME

    def __init__(self, settings: NlpSettings) -> None:
        self.settings = settings
        self.processor: ArticleProcessor | None = None
        self.lock = threading.Lock()  # a Language is not shared between a worker's threads

    def setup(self, worker) -> None:
        self.processor = ArticleProcessor(self.settings)

    def teardown(self, worker) -> None:
        self.processor = None

    def __getstate__(self) -> dict:
        return {"settings": self.settings}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["settings"])


def process_on_worker(batch: list[ReadItem]) -> list[bytes]:
    """Runs on a Dask worker: the batch's record lines, from the worker's own processor."""
    plugin: ProcessorPlugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.processor is None:
        raise RuntimeError(f"worker plugin {PLUGIN_NAME!r} was not set up")
    with plugin.lock:
        return plugin.processor.process_batch(batch)


def run_dask(items: Iterable[ReadItem], *, settings: NlpSettings, workers: int = 1,
             batch_size: int = DEFAULT_BATCH_SIZE, scheduler: str | None = None,
             no_worker_timeout: float = NO_WORKER_TIMEOUT) -> Iterator[list[bytes]]:
    """Yield the record lines of each batch of `items`, batches in input order."""
    with ExitStack() as stack:
        if scheduler is None:
            # Scheduler and workers make their scratch space in the temporary directory; the run's own is removed
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="belta-dask-"))
            stack.enter_context(dask.config.set({"temporary-directory": scratch}))
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(_connect(scheduler))
        client.register_plugin(ProcessorPlugin(settings))
        window = 2 * max(1, sum(client.nthreads().values()))
        in_flight: deque = deque()
        for batch in batched(items, batch_size):
            in_flight.append((batch, client.submit(process_on_worker, batch, pure=False)))
            if len(in_flight) >= window:
                yield _result(client, *in_flight.popleft(), no_worker_timeout)
        while in_flight:
            yield _result(client, *in_flight.popleft(), no_worker_timeout)


def _connect(scheduler: str) -> Client:
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError) as exc:  # OSError: nothing answers; ValueError: not an address
        raise PipelineError(f"cannot connect to the Dask scheduler {scheduler}: {exc}") from exc


def _result(client: Client, batch: list[ReadItem], future: Future, no_worker_timeout: float) -> list[bytes]:
    """The batch's lines, waiting for them while the cluster has workers to compute them."""
    no_worker_since = None
    while True:
        try:
            return future.result(timeout=1)
        except KilledWorker:
            return error_lines(batch, "worker_died", WORKER_DIED)
        except TimeoutError:  # not done yet: is anyone still working on it?
            pass
        if client.nthreads():
            no_worker_since = None
        elif no_worker_since is None:
            no_worker_since = time.monotonic()
        elif time.monotonic() - no_worker_since >= no_worker_timeout:
            raise PipelineError(f"the Dask cluster has had no worker for {no_worker_timeout:.0f} s; giving up")
