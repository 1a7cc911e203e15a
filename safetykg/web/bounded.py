"""A map kept in memory within a bound in bytes: the least recently used entries go first, and an entry over an
eighth of the bound is never kept (one large answer must not empty the cache). The answer cache and the fast
path both keep their answers in one."""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class BytesBounded(Generic[V]):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.kept: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> V | None:
        found = self.kept.get(key)
        if found is None:
            self.misses += 1
            return None
        self.kept.move_to_end(key)
        self.hits += 1
        return found[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        """Keep ``value``, about ``size`` bytes, dropping the least recently used past the bound."""
        if size > self.limit // 8:
            return
        if key in self.kept:
            self.size -= self.kept.pop(key)[1]
        self.kept[key] = (value, size)
        self.size += size
        while self.size > self.limit and self.kept:
            _, (_, dropped) = self.kept.popitem(last=False)
            self.size -= dropped
