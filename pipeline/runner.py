"""Runners: move pages to processors and record lines back, in input order.

The local runner uses one `ArticleProcessor` in this process (`workers=1`) or
a pool of worker processes, each loading the model once. At most a few batches
are in flight at any time, so memory stays flat however large the input.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from pipeline.nlp import NlpSettings
from pipeline.process import ArticleProcessor
from pipeline.readers import ReadItem

DEFAULT_BATCH_SIZE = 32


def batched(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run_local(items: Iterable[ReadItem], *, settings: NlpSettings, workers: int = 1,
              batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[list[bytes]]:
    """Yield the record lines of each batch of `items`, batches in input order."""
    batches = batched(items, batch_size)
    if workers <= 1:
        processor = ArticleProcessor(settings)
        for batch in batches:
            yield processor.process_batch(batch)
        return
    context = multiprocessing.get_context("spawn")  # no inherited threads or model state
    with context.Pool(workers, initializer=_start_worker, initargs=(settings,)) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(pool.apply_async(_work, (batch,)))
            if len(in_flight) >= 2 * workers:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()


_worker_processor: ArticleProcessor | None = None  # one per worker process, set by its initializer


def _start_worker(settings: NlpSettings) -> None:
    global _worker_processor
    _worker_processor = ArticleProcessor(settings)


def _work(batch: list[ReadItem]) -> list[bytes]:
    assert _worker_processor is not None, "worker used before its initializer ran"
    return _worker_processor.process_batch(batch)
