"""Worker processes end with the process that started them.

A worker started with `multiprocessing` (spawn) holds both ends of its queues'
pipes, so nothing tells it when its parent is killed (kill -9, the out-of-memory
killer): it would wait for work for ever. `exit_with_parent`, called first thing
in the worker, watches the parent and ends the worker when the parent is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.connection import wait


def exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_ready, args=(parent.sentinel,), daemon=True,
                         name="exit-with-parent").start()


def _exit_when_ready(sentinel: int) -> None:
    wait([sentinel])
    os._exit(1)  # no clean-up to do: the parent that wanted the results is gone
