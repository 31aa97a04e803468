"""The progress bar of long runs: articles/s and ETA on stderr, only when stderr is a terminal.

The total is not known up front (inputs are streamed), so a background thread
counts the articles with a second, discarding pass over the inputs and hands
the total to the bar when it has it; until then the bar shows the rate alone.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from tqdm import tqdm


def progress_bar(*, enabled: bool, initial: int, count_total: Callable[[], int] | None) -> tqdm:
    bar = tqdm(desc="extract", unit=" articles", initial=initial, file=sys.stderr, dynamic_ncols=True,
               disable=not enabled, smoothing=0.05)
    if enabled and count_total is not None:
        threading.Thread(target=_set_total, args=(bar, count_total), daemon=True, name="count-articles").start()
    return bar


def _set_total(bar: tqdm, count_total: Callable[[], int]) -> None:
    bar.total = count_total()
    bar.refresh()

