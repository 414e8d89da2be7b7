"""The bounded memory of query-time values."""

from __future__ import annotations

from index.remembered import Remembered


def test_missing_values_are_computed_once_and_the_least_recently_used_let_go():
    asked: list[list[str]] = []

    def compute(keys):
        asked.append(keys)
        return {key: key.upper() for key in keys}

    memory: Remembered[str, str] = Remembered(size=2)
    assert memory.get(["a", "b", "a"], compute) == {"a": "A", "b": "B"}
    assert memory.get(["b"], compute) == {"b": "B"}  # kept; "a" is now the least recent
    memory.get(["c"], compute)  # lets "a" go
    memory.get(["a", "b"], compute)
    assert asked == [["a", "b"], ["c"], ["a"]]
    memory.clear()
    memory.get(["b"], compute)
    assert asked[-1] == ["b"]
