"""Meaning vectors: wordllama's small static model (l2_supercat, 256 dimensions), shipped inside
its wheel and read offline from the package's own folder.

The model is a table of token vectors: a text's vector is the mean of its tokens' vectors, made
unit length (what `WordLlama.embed(texts, norm=True)` computes). The files are read directly,
without importing the wordllama package, whose import (pydantic models, compiled clustering
helpers) would cost a question asked from a cold process more than the model does. Sentences
get a vector at reseed (stored beside them, float16 bytes); a question gets one when asked.
Without the package or its files every function here answers "no meaning" and answers are
ranked by words alone.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import struct
import threading
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

MODEL_DIMENSIONS = 256
# The model is trained so its first dimensions carry most of the meaning (Matryoshka): the store
# keeps the first 128 (256 bytes a sentence) and questions are cut the same way.
DIMENSIONS = 128
_WEIGHTS = f"weights/l2_supercat_{MODEL_DIMENSIONS}.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
_lock = threading.Lock()
_model: tuple[Any, Any] | None = None  # (tokenizer, token vectors)
_failed = False


def _folder() -> Path | None:
    spec = importlib.util.find_spec("wordllama")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model() -> tuple[Any, Any] | None:
    """(tokenizer, token vectors) of the shipped model, loaded once per process."""
    global _model, _failed
    if _model is not None or _failed:
        return _model
    with _lock:
        if _model is None and not _failed:
            try:
                from tokenizers import Tokenizer

                folder = _folder()
                if folder is None:
                    raise FileNotFoundError("the wordllama package is not installed")
                tokenizer = Tokenizer.from_file(str(folder / _TOKENIZER))
                tokenizer.no_padding()
                tokenizer.no_truncation()
                _model = (tokenizer, _token_vectors(folder / _WEIGHTS))
            except Exception as error:  # a missing model only costs the re-ranking
                logger.warning("meaning model unavailable, ranking by words only: %s", error)
                _failed = True
    return _model


def _token_vectors(path: Path) -> Any:
    """The token-vector table, memory-mapped from the safetensors file (read as rows are used)."""
    import numpy as np

    with path.open("rb") as handle:
        size = struct.unpack("<Q", handle.read(8))[0]
        header = json.loads(handle.read(size))
    tensor = header["embedding.weight"]
    if tensor["dtype"] != "F16":
        raise ValueError(f"unexpected weights type {tensor['dtype']}")
    begin, _end = tensor["data_offsets"]
    return np.memmap(
        path, dtype=np.float16, mode="r", offset=8 + size + begin, shape=tuple(tensor["shape"])
    )


def embed(texts: list[str]) -> list[bytes]:
    """Unit vectors of the texts as float16 bytes ([] when the model is unavailable)."""
    loaded = model()
    if loaded is None or not texts:
        return []
    import numpy as np

    tokenizer, table = loaded
    out = []
    for encoding in tokenizer.encode_batch(texts, add_special_tokens=False):
        ids = np.clip(np.asarray(encoding.ids, dtype=np.int64), 0, table.shape[0] - 1)
        rows = table[ids, :DIMENSIONS].astype(np.float32)
        vector = rows.mean(axis=0) if len(ids) else np.zeros(table.shape[1], np.float32)
        norm = float(np.linalg.norm(vector))
        out.append((vector / norm if norm else vector).astype(np.float16).tobytes())
    return out


def similarities(query: bytes, vectors: list[bytes | None]) -> list[float]:
    """Cosine of the query with each vector (0.0 where a vector is missing)."""
    import numpy as np

    q = np.frombuffer(query, dtype=np.float16).astype(np.float32)
    out = []
    for vector in vectors:
        if vector is None or len(vector) != len(query):
            out.append(0.0)
        else:
            out.append(float(np.dot(q, np.frombuffer(vector, dtype=np.float16))))
    return out
