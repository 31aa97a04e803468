"""Runners: move pages to processors and record lines back, in input order.

The local runner uses one `ArticleProcessor` in this process (`workers=1`) or
a pool of worker processes, each loading the model once. At most a few batches
are in flight at any time, so memory stays flat however large the input.

A worker can die (the out-of-memory killer, kill -9), and with it every batch
the pool holds. `ResilientPool` notices, starts a new pool and runs those
batches again one at a time; a batch that kills its worker a second time
becomes `worker_died` error records, and the run goes on.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pipeline.errors import PipelineError
from pipeline.lifeline import exit_with_parent
from pipeline.readers import ReadItem
from pipeline.record_format import error_lines
from pipeline.resources import NlpSettings

if TYPE_CHECKING:
    from pipeline.process import ArticleProcessor

DEFAULT_BATCH_SIZE = 32
WORKER_DIED = "the worker processes running this batch kept dying (killed, perhaps by the out-of-memory killer)"

log = logging.getLogger(__name__)
Item = TypeVar("Item")
Result = TypeVar("Result")


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run_local(items: Iterable[ReadItem], *, settings: NlpSettings, workers: int = 1,
              batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[list[bytes]]:
    """Yield the record lines of each batch of `items`, batches in input order."""
    batches = batched(items, batch_size)
    if workers <= 1:
        processor = _lasting_processor(settings)
        for batch in batches:
            yield processor.process_batch(batch)
        return
    pool = ResilientPool(workers, work=_work, initializer=_start_worker, initargs=(settings,),
                         lost=lambda batch: error_lines(batch, "worker_died", WORKER_DIED))
    with pool:
        yield from pool.map(batches)


class ResilientPool(Generic[Item, Result]):
    """Runs `work(batch)` in worker processes, results in batch order, surviving workers' deaths.

    Each worker runs `initializer(*initargs)` first; the error it raises, if any,
    is raised here. `lost(batch)` is the result of a batch that killed its worker twice.
    """

    def __init__(self, workers: int, *, work: Callable[[list[Item]], Result], initializer: Callable[..., None],
                 initargs: tuple[Any, ...], lost: Callable[[list[Item]], Result]) -> None:
        self.workers = workers
        self.work = work
        self.initializer = initializer
        self.initargs = initargs
        self.lost = lost
        self._executor = self._start()

    def __enter__(self) -> ResilientPool[Item, Result]:
        return self

    def __exit__(self, *_: object) -> None:
        self._executor.shutdown(cancel_futures=True)

    def map(self, batches: Iterable[list[Item]]) -> Iterator[Result]:
        in_flight: deque[tuple[list[Item], Future[Result]]] = deque()
        for batch in batches:
            in_flight.append((batch, self._submit(batch)))
            if len(in_flight) >= 2 * self.workers:
                yield self._result(in_flight)
        while in_flight:
            yield self._result(in_flight)

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start_in_worker, initargs=(self.initializer, self.initargs))
        try:
            # One task per worker: the pool starts a process for each task it gets while none is idle, so all the
            # workers load their models side by side (a few seconds each) instead of the second only once the
            # first is ready and batches are waiting (about 1.3 s of a 2-worker run on 500 articles).
            for started in [executor.submit(_started) for _ in range(self.workers)]:
                started.result()
        except BrokenProcessPool as exc:
            executor.shutdown(cancel_futures=True)
            raise PipelineError("the worker processes died as they started") from exc
        except BaseException:
            executor.shutdown(cancel_futures=True)
            raise
        return executor

    def _submit(self, batch: list[Item]) -> Future[Result]:
        try:
            return self._executor.submit(self.work, batch)
        except BrokenProcessPool as exc:  # broken since the last result: `_result` will run the batch again
            failed: Future[Result] = Future()
            failed.set_exception(exc)
            return failed

    def _result(self, in_flight: deque[tuple[list[Item], Future[Result]]]) -> Result:
        batch, future = in_flight.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            log.warning("a worker process died; running the %d batches it may have held again", len(in_flight) + 1)
        # The whole pool is lost with one worker. Every batch it had not finished is run again alone, so
        # that a batch killing its worker again is known for certain.
        self._restart()
        result = self._alone(batch)
        for position, (other, pending) in enumerate(in_flight):
            if isinstance(pending.exception(), BrokenProcessPool):
                done: Future[Result] = Future()
                done.set_result(self._alone(other))
                in_flight[position] = (other, done)
        return result

    def _alone(self, batch: list[Item]) -> Result:
        try:
            return self._executor.submit(self.work, batch).result()
        except BrokenProcessPool:
            log.error("a batch killed its worker process twice: its %d items are lost", len(batch))
            self._restart()
            return self.lost(batch)

    def _restart(self) -> None:
        self._executor.shutdown()  # a broken pool's shutdown first marks every future it held broken
        self._executor = self._start()


_start_error: Exception | None = None  # what the worker's initializer raised


def _start_in_worker(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    global _start_error
    exit_with_parent()
    try:
        initializer(*initargs)
    except Exception as exc:  # raised here it would only kill the worker; `_started` shows it to the parent
        _start_error = exc


def _started() -> None:
    if _start_error is not None:
        raise _start_error


_worker_processor: ArticleProcessor | None = None  # one per worker process, set by its initializer


def _start_worker(settings: NlpSettings) -> None:
    global _worker_processor
    _worker_processor = _lasting_processor(settings)


def _lasting_processor(settings: NlpSettings) -> ArticleProcessor:
    """The processor a process runs its articles with, to the end. The model, the lists and the modules live as
    long as the process: `gc.freeze` takes them out of the collector's generations, so that its full collections
    no longer walk them (about two thirds of the time the collector took, 1% of a run)."""
    from pipeline.process import ArticleProcessor  # here: the parent of a pool never loads spaCy (about 1.4 s)

    processor = ArticleProcessor(settings)
    gc.freeze()
    return processor


def _work(batch: list[ReadItem]) -> list[bytes]:
    assert _worker_processor is not None, "worker used before its initializer ran"
    return _worker_processor.process_batch(batch)
