"""A bounded, thread-safe memory of values computed at query time.

Each part of a question, and each follow-up, meets the same texts and paragraphs again; what was
computed for them (a text's vector, the sentence vectors a paragraph has in the store) is kept,
the least recently used let go first. What is missing is computed outside the lock, so the chat
app's users do not queue behind one another's model call or store read.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Remembered(Generic[K, V]):
    def __init__(self, size: int):
        self.size = size
        self._kept: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, keys: Sequence[K], compute: Callable[[list[K]], Mapping[K, V]]) -> dict[K, V]:
        """The value of each key: kept ones as they are, the rest from `compute(missing keys)`,
        which must return a value for each."""
        with self._lock:
            found = {key: self._kept[key] for key in keys if key in self._kept}
        missing = list(dict.fromkeys(key for key in keys if key not in found))
        if missing:
            computed = compute(missing)
            found.update((key, computed[key]) for key in missing)
        with self._lock:
            for key in keys:
                self._kept[key] = found[key]
                self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
