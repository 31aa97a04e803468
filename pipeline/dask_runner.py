"""The Dask runner: batches of pages go to `distributed` workers, record lines come back in input order.

Each worker builds its `ArticleProcessor` once, when the worker plugin is
registered, and keeps it for the whole run. At most a few batches per worker
are in flight, so memory stays flat on both sides. Without a scheduler address
a `LocalCluster` of single-threaded worker processes is started on this
machine; with one, the run uses that cluster (its workers must have this
package and its model installed). Import this module only for a Dask run:
it imports `distributed`.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from distributed import Client, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from pipeline.nlp import NlpSettings
from pipeline.process import ArticleProcessor
from pipeline.readers import ReadItem
from pipeline.runner import DEFAULT_BATCH_SIZE, batched

PLUGIN_NAME = "belta-article-processor"


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
             batch_size: int = DEFAULT_BATCH_SIZE, scheduler: str | None = None) -> Iterator[list[bytes]]:
    """Yield the record lines of each batch of `items`, batches in input order."""
    with ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler))
        client.register_plugin(ProcessorPlugin(settings))
        window = 2 * max(1, sum(client.nthreads().values()))
        in_flight: deque = deque()
        for batch in batched(items, batch_size):
            in_flight.append(client.submit(process_on_worker, batch, pure=False))
            if len(in_flight) >= window:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()

