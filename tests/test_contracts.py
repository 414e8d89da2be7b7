"""Contracts that keep the codebase honest: layers import only downwards, adapters stay behind
one module each, and every setting is documented in the README."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

# What each package may import of ours. assistant's base modules import nothing of ours.
BASE = {"assistant.types", "assistant.settings", "assistant.errors"}
ALLOWED = {
    "ingest": ("assistant.types", "assistant.settings", "assistant.errors", "ingest"),
    "index": ("assistant.types", "assistant.settings", "assistant.errors", "ingest", "index"),
}
# Third-party libraries that live behind exactly one adapter module (or package).
ADAPTERS = {"gradio": ("app.py",), "chromadb": ("index/store.py",)}


def _modules():
    for package in ("assistant", "ingest", "index", "prompts"):
        yield from sorted((ROOT / package).rglob("*.py"))
    yield ROOT / "app.py"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", [p for p in _modules() if p.exists()], ids=lambda p: p.name)
def test_layers_import_only_downwards(path):
    relative = path.relative_to(ROOT).as_posix()
    ours = [n for n in _imports(path) if n.split(".")[0] in ("assistant", "ingest", "index")]
    module = relative.removesuffix(".py").replace("/", ".")
    if module in BASE:
        assert not [n for n in ours if n != module], f"{module} must import nothing of ours"
    package = relative.split("/")[0]
    if package in ALLOWED:
        bad = [n for n in ours if not n.startswith(ALLOWED[package])]
        assert not bad, f"{relative} imports upwards: {bad}"


@pytest.mark.parametrize("library, homes", ADAPTERS.items())
def test_third_party_adapters_stay_in_one_module(library, homes):
    users = [
        p.relative_to(ROOT).as_posix()
        for p in _modules()
        if p.exists() and any(n.split(".")[0] == library for n in _imports(p))
    ]
    assert set(users) <= set(homes), f"{library} imported outside {homes}: {users}"


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [
        f"EVIDENCE_{name.upper()}"
        for name in Settings.model_fields
        if f"EVIDENCE_{name.upper()}" not in readme
    ]
    assert not missing, f"settings missing from README.md: {missing}"


def test_every_cli_command_is_documented_in_the_readme():
    from assistant.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    missing = [name for name in sub.choices if f"evidence {name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"
