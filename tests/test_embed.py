"""The real embedding model, shipped in a package: loaded locally, unit vectors, sensible."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from assistant.settings import Settings
from index.embed import Embedder, ModelUnavailable, model_path

pytestmark = pytest.mark.slow


def test_shipped_model_is_found_on_disk():
    assert (model_path("all-MiniLM-L6-v2") / "config.json").is_file()


def test_importing_the_module_does_not_import_torch():
    # run in a fresh interpreter: this one has torch loaded by the session fixture
    import subprocess

    code = "import sys, index.embed, index.retriever, index.sync; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_vectors_are_unit_length_and_meaningful(embedder):
    texts = [
        "Care leavers were unsafe in their housing.",
        "Young people leaving care felt their accommodation was dangerous.",
        "The council approved the school budget.",
    ]
    seen = []
    vectors = embedder.embed(texts, progress=lambda done, total: seen.append((done, total)))
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert seen[-1] == (3, 3)
    assert np.allclose(embedder.embed(texts[:1])[0], vectors[0], atol=1e-5)


def test_a_local_model_folder_can_be_named(embedder):
    folder = str(model_path("all-MiniLM-L6-v2"))
    local = Embedder(Settings(embedding_model=folder))
    assert np.allclose(local.embed(["care leavers"]), embedder.embed(["care leavers"]))


def test_a_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelUnavailable, match="EVIDENCE_EMBEDDING_MODEL"):
        Embedder(Settings(embedding_model=str(tmp_path / "nowhere"))).embed(["x"])


def test_query_texts_are_embedded_once_and_remembered(embedder, embedded):
    real = embedder.embed
    embedded = embedded(embedder)
    first = embedder.remembered(["Who chairs the SERAC panel?", "How often does it meet?"])
    again = embedder.remembered(["How often does it meet?", "Who chairs the SERAC panel?"])
    assert embedded == ["Who chairs the SERAC panel?", "How often does it meet?"]
    assert np.allclose(again, first[::-1])
    assert np.allclose(first[0], real(["Who chairs the SERAC panel?"])[0], atol=1e-5)
    assert embedder.remembered([]).shape == (0, 384)
    embedder.forget()  # as `evidence bench` does before timing a search
    embedder.remembered(["How often does it meet?"])
    assert embedded[-1] == "How often does it meet?" and len(embedded) == 3
