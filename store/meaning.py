"""Meaning vectors: wordllama's small static model, shipped inside its wheel, loaded offline.

Sentences get a vector at reseed (stored beside them); a question gets one when it is asked.
Vectors are unit length and kept as float16 bytes, so a cosine is a dot product. Without
wordllama installed, or if its model cannot be read, every function here answers "no meaning"
(None or empty) and the bot ranks by words alone.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

logger = logging.getLogger(__name__)

DIMENSIONS = 256
_lock = threading.Lock()
_model: Any = None
_failed = False


def model() -> Any:
    """The wordllama model, loaded once per process from the package's own folder (no network)."""
    global _model, _failed
    if _model is not None or _failed:
        return _model
    with _lock:
        if _model is None and not _failed:
            try:
                import wordllama
                from wordllama import WordLlama

                folder = os.path.dirname(wordllama.__file__)
                _model = WordLlama.load(cache_dir=folder, disable_download=True, dim=DIMENSIONS)
            except Exception as error:  # a missing or broken model only costs the re-ranking
                logger.warning("meaning model unavailable, ranking by words only: %s", error)
                _failed = True
    return _model


def embed(texts: list[str]) -> list[bytes]:
    """Unit vectors of the texts as float16 bytes ([] when the model is unavailable)."""
    wl = model()
    if wl is None or not texts:
        return []
    import numpy as np

    vectors = np.asarray(wl.embed(texts, norm=True), dtype=np.float32)
    vectors = np.nan_to_num(vectors)  # an empty text pools to 0/0
    return [row.astype(np.float16).tobytes() for row in vectors]


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
