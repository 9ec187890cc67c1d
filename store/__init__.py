"""Attaché's store: the documents, their passages and the facts extracted from them."""
